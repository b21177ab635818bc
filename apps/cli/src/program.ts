import { Command, InvalidArgumentError, Option } from 'commander';
import type { PhoneNumber, SendResult, Workspace } from '@app/contracts';
import { ApiClient, ApiError } from './api-client';
import { tailChats } from './chats-tail';
import { importMembersCommand } from './members-command';
import { colors, print, printJson, printTable } from './output';
import { configFile, resolveLogin, saveLogin, UsageError } from './settings';

interface GlobalFlags {
  apiUrl?: string;
  apiKey?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number above 0');
  return n;
};

/** Reads the key from stdin when it is not given (so it stays out of the shell's history). */
async function readStdinLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += (chunk as Buffer).toString('utf8');
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0].trim();
}

export function buildProgram(): Command {
  const program = new Command('twilio-agents')
    .description('Operate a twilio-agents installation over its REST API.')
    .option('--api-url <url>', 'the API (default: the saved login, or $TWILIO_AGENTS_API_URL)')
    .option('--api-key <key>', 'a key (default: the saved login, or $TWILIO_AGENTS_API_KEY)')
    .showHelpAfterError();
  const api = () => new ApiClient(resolveLogin(program.opts<GlobalFlags>()));

  program
    .command('login')
    .description(`check an API URL and key and keep them in ${configFile()} (mode 0600)`)
    .requiredOption('--url <url>', 'the API, e.g. https://agents.example.com')
    .option('--key <key>', 'a workspace key (wsk_...) or an operator key; read from stdin when left out')
    .action(async (flags: { url: string; key?: string }) => {
      const key = flags.key ?? process.env.TWILIO_AGENTS_API_KEY ?? (await readStdinLine());
      if (!key) throw new UsageError('Give the key with --key or on stdin.');
      const client = new ApiClient({ apiUrl: flags.url.replace(/\/+$/, ''), apiKey: key });
      let who: string;
      try {
        const ws = await client.get<Workspace>('/v1/workspace');
        who = `workspace ${colors.bold(ws.name)} (${ws.id})`;
      } catch (error) {
        // An operator key is refused on workspace routes (403) and accepted on /v1/workspaces.
        if (!(error instanceof ApiError) || error.status !== 403) throw error;
        await client.get('/v1/workspaces');
        who = 'the operator';
      }
      const file = saveLogin(client.login);
      print(`${colors.green('✓')} Logged in to ${client.login.apiUrl} as ${who}; saved in ${file}`);
    });

  const workspaces = program.command('workspaces').description('workspaces (operator key)');
  workspaces
    .command('list', { isDefault: true })
    .description('every workspace')
    .option('--json', 'one JSON object a line')
    .action(async (flags: { json?: boolean }) => {
      const { items } = await api().get<{ items: Workspace[] }>('/v1/workspaces');
      if (flags.json) return items.forEach(printJson);
      printTable(
        ['ID', 'NAME', 'FEATURES'],
        items.map((w) => [w.id, w.name, w.features.join(',') || '-']),
      );
    });
  workspaces
    .command('create <name>')
    .description('a new workspace')
    .option('--whatsapp', 'turn the WhatsApp feature on')
    .action(async (name: string, flags: { whatsapp?: boolean }) => {
      const client = api();
      const ws = await client.post<Workspace>('/v1/workspaces', { name });
      if (flags.whatsapp) await client.request('PUT', `/v1/workspaces/${ws.id}/features/whatsapp`);
      print(ws.id);
    });
  workspaces
    .command('key <workspaceId>')
    .description('issue a workspace key (printed once: keep it, e.g. for `login`)')
    .option('--name <name>', 'what the key is for')
    .addOption(
      new Option('--permissions <list>', 'comma-separated: read, send, manage (default all)').argParser((v) =>
        v.split(',').map((p) => p.trim()),
      ),
    )
    .action(async (workspaceId: string, flags: { name?: string; permissions?: string[] }) => {
      const created = await api().post<{ key: string }>(`/v1/workspaces/${workspaceId}/api-keys`, {
        name: flags.name,
        permissions: flags.permissions,
      });
      print(created.key);
    });

  const numbers = program.command('numbers').description("the workspace's Twilio numbers");
  numbers
    .command('list', { isDefault: true })
    .description('the numbers and who answers them')
    .option('--all', 'archived ones too')
    .option('--json', 'one JSON object a line')
    .action(async (flags: { all?: boolean; json?: boolean }) => {
      const page = await api().get<{ items: PhoneNumber[] }>(
        `/v1/phone-numbers${flags.all ? '?includeArchived=true' : ''}`,
      );
      if (flags.json) return page.items.forEach(printJson);
      printTable(
        ['ID', 'NUMBER', 'SMS', 'WHATSAPP', 'MODE', 'WORKFLOW'],
        page.items.map((n) => [
          n.id,
          n.number,
          n.smsEnabled ? 'on' : 'off',
          n.whatsappEnabled ? 'on' : 'off',
          n.workMode,
          n.defaultWorkflowId,
        ]),
      );
    });
  const numberSettings = (command: Command) =>
    command
      .option('--sms', 'SMS on')
      .option('--no-sms', 'SMS off')
      .option('--whatsapp', 'WhatsApp on (needs the workspace feature)')
      .option('--no-whatsapp', 'WhatsApp off')
      .option('--workflow <id>', 'the workflow that answers ("none" for none)')
      .addOption(new Option('--mode <mode>', 'who answers').choices(['ai', 'human', 'ai_with_handoff']))
      .option('--brand <name>', 'the brand name in system messages')
      .option('--rate <n>', 'messages per second this sender may send', positiveInt);
  type NumberFlags = {
    sms?: boolean;
    whatsapp?: boolean;
    workflow?: string;
    mode?: string;
    brand?: string;
    rate?: number;
  };
  const numberFields = (flags: NumberFlags) => ({
    ...(flags.sms === undefined ? {} : { smsEnabled: flags.sms }),
    ...(flags.whatsapp === undefined ? {} : { whatsappEnabled: flags.whatsapp }),
    ...(flags.workflow === undefined
      ? {}
      : { defaultWorkflowId: flags.workflow === 'none' ? null : flags.workflow }),
    ...(flags.mode === undefined ? {} : { workMode: flags.mode }),
    ...(flags.brand === undefined ? {} : { brandName: flags.brand }),
    ...(flags.rate === undefined ? {} : { sendRatePerSecond: flags.rate }),
  });
  numberSettings(
    numbers
      .command('add <number>')
      .description(
        'assign a number of your Twilio account (E.164, e.g. +14155550100) to a workspace (operator key)',
      )
      .requiredOption(
        '--workspace <id>',
        'the workspace that gets it (numbers are assigned by the operator)',
      ),
  ).action(async (number: string, flags: NumberFlags & { workspace: string }) => {
    const created = await api().post<PhoneNumber>(`/v1/workspaces/${flags.workspace}/phone-numbers`, {
      number,
      ...numberFields(flags),
    });
    print(created.id);
  });
  numberSettings(
    numbers.command('set <number>').description("change a number's settings (the number or its id)"),
  ).action(async (number: string, flags: NumberFlags) => {
    const fields = numberFields(flags);
    if (!Object.keys(fields).length)
      throw new UsageError('Nothing to change: give a setting such as --mode.');
    const client = api();
    const id = await numberId(client, number);
    const updated = await client.patch<PhoneNumber>(`/v1/phone-numbers/${id}`, fields);
    print(`${colors.green('✓')} ${updated.number} updated`);
  });

  const members = program.command('members').description("the workspace's members");
  members
    .command('import <file>')
    .description('create a member per CSV row (heading row: phone, email, firstName, ..., attributes.<key>)')
    .option('--resume', 'go on from where an interrupted import of this file stopped')
    .option('--restart', 'start this file over (rows already there count as such)')
    .option('--concurrency <n>', 'requests at a time', positiveInt, 8)
    .action(async (file: string, flags: { resume?: boolean; restart?: boolean; concurrency: number }) => {
      process.exitCode = await importMembersCommand(api(), file, flags);
    });

  program
    .command('send')
    .description('send an SMS or WhatsApp message (the same checks as any send: opt-out, window)')
    .requiredOption('--from <number>', 'your number, or its id')
    .option('--to <phone>', 'the phone to send to (E.164)')
    .option('--member <id>', 'or the member to send to')
    .requiredOption('--body <text>', 'the message')
    .addOption(new Option('--channel <channel>', 'the channel').choices(['sms', 'whatsapp']).default('sms'))
    .option('--idempotency-key <key>', 'the same key twice sends one message')
    .action(
      async (flags: {
        from: string;
        to?: string;
        member?: string;
        body: string;
        channel: string;
        idempotencyKey?: string;
      }) => {
        if (!flags.to === !flags.member) throw new UsageError('Give either --to or --member.');
        const client = api();
        const result = await client.post<SendResult>(
          '/v1/messages',
          {
            phoneNumberId: await numberId(client, flags.from),
            ...(flags.to ? { to: flags.to } : { memberId: flags.member }),
            channel: flags.channel,
            body: flags.body,
          },
          flags.idempotencyKey ? { 'idempotency-key': flags.idempotencyKey } : {},
        );
        const refused = result.status === 'failed' || result.status === 'skipped';
        print(
          `${refused ? colors.red(result.status) : colors.green(result.status)} ${result.id}${
            result.reason ? ` (${result.reason})` : ''
          }`,
        );
        if (refused) process.exitCode = 1;
      },
    );

  program
    .command('chats')
    .description("the workspace's chats")
    .command('tail')
    .description('follow chats and messages as they happen (GET /v1/stream; reconnects by itself)')
    .option('--json', 'each event as one JSON line')
    .action(async (flags: { json?: boolean }) => tailChats(api(), flags));

  program
    .command('dlq')
    .description(
      'dead letters (list [limit] | show <id> | replay <id> | drop <id>), straight on NATS: ' +
        "NATS_URL, NATS_NAMESPACE and the operator's NATS_USER/NATS_PASSWORD",
    )
    .argument('<action>', 'list, show, replay or drop')
    .argument('[id]', "a dead letter's id (the first column of list), or list's limit")
    .action(async (action: string, id?: string) => {
      // Loaded only here: the messaging library brings the NATS client the other commands never need.
      const { runDlqCommand } = await import('@app/messaging');
      process.exitCode = await runDlqCommand(id ? [action, id] : [action], process.env, print);
    });

  return program;
}

/** A number's id, from the id itself or the number (looked up among the workspace's). */
async function numberId(client: ApiClient, given: string): Promise<string> {
  if (UUID.test(given)) return given;
  const wanted = given.replace(/[\s().-]/g, '');
  const { items } = await client.get<{ items: PhoneNumber[] }>('/v1/phone-numbers');
  const found = items.find((n) => n.number === wanted);
  if (!found) throw new UsageError(`${given} is not one of this workspace's numbers (see \`numbers list\`).`);
  return found.id;
}
