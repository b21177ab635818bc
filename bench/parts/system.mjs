// The whole system under the bench: start it, set up a workspace, numbers and a `reply` workflow.
import { randomInt } from 'node:crypto';
import { apiClient, startBenchStack } from '../lib/stack.mjs';
import { log } from '../lib/common.mjs';

export async function startSystem({ ns, schemaPrefix, portOffset, logFile, cpuProfDir, allInOne }) {
  const stack = startBenchStack({ ns, schemaPrefix, portOffset, logFile, cpuProfDir, allInOne });
  const t0 = Date.now();
  try {
    await stack.ready();
  } catch (error) {
    await stack.stop();
    throw error;
  }
  log(`system ready in ${Date.now() - t0} ms`);
  const call = apiClient(stack.url('api'));
  const admin = stack.env.ADMIN_API_KEY;
  const main = await setUpWorkspace({ stack, call, admin, name: `Bench ${ns}` });
  return {
    stack,
    schemaPrefix,
    call,
    ...main,
    /** Another workspace with its own key, echo workflow and numbers (the fairness part). */
    workspace: (name) => setUpWorkspace({ stack, call, admin, name }),
    startupMs: Date.now() - t0,
  };
}

/** A workspace with WhatsApp on, a key, a `reply` (echo) workflow, and numbers made on demand. */
async function setUpWorkspace({ stack, call, admin, name }) {
  const workspace = await call('POST', '/v1/workspaces', admin, { name });
  await call('PUT', `/v1/workspaces/${workspace.id}/features/whatsapp`, admin);
  const { key } = await call('POST', `/v1/workspaces/${workspace.id}/api-keys`, admin);
  const workflow = await call('POST', '/v1/workflows', key, {
    name: 'Bench echo',
    definition: [{ reply: 'ok {{message.body}}' }],
  });
  // Business numbers: +1555 0xxxxxx (members use +1555 1000000 and up).
  const numberFor = async (sendRatePerSecond) => {
    const number = `+15550${String(randomInt(0, 999_999)).padStart(6, '0')}`;
    // The emulator's Twilio account gets the number first (routing checks the account's numbers).
    await fetch(`${stack.url('twilio-emulator')}/emulator/numbers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ number }),
    });
    const created = await call('POST', `/v1/workspaces/${workspace.id}/phone-numbers`, admin, {
      number,
      smsEnabled: true,
      whatsappEnabled: true,
      defaultWorkflowId: workflow.id,
    });
    await call('PATCH', `/v1/phone-numbers/${created.id}`, key, { sendRatePerSecond });
    return { id: created.id, number };
  };
  return { key, workspaceId: workspace.id, workflowId: workflow.id, numberFor };
}
