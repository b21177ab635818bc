// `npm run demo -- "Hello"`: a phone sends a WhatsApp message through the Twilio emulator and we
// print what the system answered. Uses the stack from `npm start` when it is running; otherwise
// starts one of its own (ports 41xx, namespace "demo") for the length of the demo.
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInfrastructure } from './infra.mjs';
import { devEnvironment, startStack, waitReady } from './stack.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const text = process.argv.slice(2).join(' ').trim() || 'Hello';

async function up(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

let stack;
let infra;
let offset = 0;
if (!(await up('http://127.0.0.1:3001/health/ready'))) {
  if (!existsSync(join(root, 'dist/apps/api/src/main.js'))) {
    console.error('Build first: npm run build (or run npm start in another terminal).');
    process.exit(1);
  }
  offset = 1100;
  console.log('No running stack found on :3001; starting one for the demo...');
  infra = await ensureInfrastructure();
  const env = devEnvironment(
    { ...process.env, ...infra.env, NATS_NAMESPACE: 'demo', LOG_LEVEL: 'warn' },
    { portOffset: offset },
  );
  stack = startStack({ env, portOffset: offset, stdio: 'ignore', schemaPrefix: 'demo' });
  await waitReady(stack.children);
}

const env = devEnvironment(process.env, { portOffset: offset });
const api = `http://127.0.0.1:${3001 + offset}`;
const emulator = `http://127.0.0.1:${3999 + offset}`;

async function call(method, path, key, body) {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${json.message ?? JSON.stringify(json)}`);
  return json;
}

try {
  const admin = env.ADMIN_API_KEY;
  const workspace = await call('POST', '/v1/workspaces', admin, { name: 'Demo clinic' });
  await call('PUT', `/v1/workspaces/${workspace.id}/features/whatsapp`, admin);
  const { key } = await call('POST', `/v1/workspaces/${workspace.id}/api-keys`, admin);
  const llm = Boolean(process.env.LLM_BASE_URL);
  const workflow = await call('POST', '/v1/workflows', key, {
    name: 'Front desk',
    definition: llm
      ? [
          {
            agent: {
              instructions: 'You are the friendly front desk of {{brand.name}}. Answer briefly.',
              abilities: [],
            },
          },
        ]
      : [
          {
            if: 'chat.channel == "whatsapp"',
            then: [
              {
                reply:
                  'Hi {{member.first_name}}! {{brand.name}} here on WhatsApp. You said: "{{message.body}}"',
              },
            ],
            else: [{ reply: '{{brand.name}}: you said "{{message.body}}"' }],
          },
        ],
  });
  const number = `+1555${String(randomInt(0, 9_999_999)).padStart(7, '0')}`;
  // The emulator's Twilio account gets the number first (routing checks the account's numbers).
  await fetch(`${emulator}/emulator/numbers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ number }),
  });
  await call('POST', `/v1/workspaces/${workspace.id}/phone-numbers`, admin, {
    number,
    smsEnabled: true,
    whatsappEnabled: true,
    brandName: 'Sunrise Dental',
    defaultWorkflowId: workflow.id,
  });
  const phone = `+1555${String(randomInt(0, 9_999_999)).padStart(7, '0')}`;
  console.log(`\nmember (WhatsApp) -> ${text}`);
  const sent = await fetch(`${emulator}/emulator/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: phone, to: number, body: text, channel: 'whatsapp', profileName: 'Alex' }),
  }).then((r) => r.json());
  if (sent.status !== 200) throw new Error(`ingress answered ${sent.status}: ${sent.body}`);
  const deadline = Date.now() + 30_000;
  let answer;
  while (!answer && Date.now() < deadline) {
    const list = await fetch(
      `${emulator}/emulator/messages?to=${encodeURIComponent(`whatsapp:${phone}`)}`,
    ).then((r) => r.json());
    const items = Array.isArray(list) ? list : (list.messages ?? list.items ?? []);
    answer = items[0];
    if (!answer) await new Promise((r) => setTimeout(r, 200));
  }
  if (!answer) throw new Error('No answer within 30 s');
  console.log(`system  (WhatsApp) <- ${answer.body}\n`);
} catch (error) {
  console.error(`Demo failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await stack?.stop();
  await infra?.stop();
}
