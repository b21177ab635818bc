import {
  SERVICES,
  STREAMS,
  type Contract,
  type EventContract,
  type Party,
  type StreamName,
} from '@app/contracts';
import { Namespace } from './namespace';
import { ownershipBuckets } from './ownership';

/** What one NATS user may publish and subscribe to (nats-server `permissions`). */
export interface NatsPermissions {
  publish: string[];
  subscribe: string[];
  /** May answer requests (publish once on the reply subject of a request it received). */
  allowResponses: boolean;
}

/** The user of the operator's tools (`npm run dlq`, nats-box): every subject of the installation. */
export const OPERATOR_USER = 'operator';

/**
 * A service's private inbox prefix (`_INBOX_<service>`): its request replies, JetStream publish
 * acks and pulled messages come there, and no other user may subscribe to it.
 */
export const inboxPrefix = (party: string) => `_INBOX_${party.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/**
 * The subjects a party (a service of this repository, or an `integration`) may use, derived from
 * the contracts: who publishes, consumes, asks, answers, broadcasts and listens, which streams it
 * owns, plus the JetStream API calls those need (stream info, its own durable consumers, acks,
 * pulls), its dead letters and its private inbox.
 */
export function natsPermissions(party: Party, contracts: Contract[], namespace = ''): NatsPermissions {
  const ns = new Namespace(namespace);
  const publish = new Set<string>(['$JS.API.INFO']);
  const subscribe = new Set<string>([`${inboxPrefix(party)}.>`]);
  let allowResponses = false;
  const streamsUsed = new Set<StreamName>();

  // A consumer may run consumers of its own on the streams it consumes from (durables named
  // after it, an overridden durable, the api's ordered consumers for its live stream): reading is
  // bounded by stream, not by subject.
  const consume = (event: EventContract) => {
    const stream = ns.stream(event.stream);
    streamsUsed.add(event.stream);
    streamsUsed.add('DLQ');
    for (const api of ['INFO', 'DURABLE.CREATE', 'MSG.NEXT', 'DELETE'])
      publish.add(`$JS.API.CONSUMER.${api}.${stream}.*`);
    publish.add(`$JS.API.CONSUMER.CREATE.${stream}.>`);
    // Acks, naks, in-progress heartbeats and terms of its deliveries.
    publish.add(`$JS.ACK.${stream}.>`);
    publish.add(ns.subject(`dlq.${party}.>`));
    // Partition ownership (ownership.ts): its heartbeat and leases under its own name, reading the others'.
    for (const bucket of Object.values(ownershipBuckets(ns))) {
      publish.add(`$JS.API.STREAM.INFO.KV_${bucket}`);
      publish.add(`$JS.API.STREAM.CREATE.KV_${bucket}`);
      publish.add(`$JS.API.STREAM.MSG.GET.KV_${bucket}`);
      publish.add(`$JS.API.DIRECT.GET.KV_${bucket}.>`);
      publish.add(`$KV.${bucket}.${party}.>`);
    }
  };

  for (const contract of contracts) {
    if (contract.kind === 'event') {
      if (contract.publishers.includes(party)) {
        // An event may be published per key under its subject (chat.activity.<workspaceId>).
        publish.add(ns.subject(contract.subject));
        publish.add(ns.subject(`${contract.subject}.>`));
        streamsUsed.add(contract.stream);
      }
      if (contract.consumers.includes(party)) consume(contract);
    } else if (contract.kind === 'request') {
      if (contract.askedBy.includes(party)) publish.add(ns.subject(contract.subject));
      if (contract.answeredBy === party) {
        subscribe.add(ns.subject(contract.subject));
        allowResponses = true;
      }
    } else {
      if (contract.publishers.includes(party)) publish.add(ns.subject(contract.subject));
      if (contract.listeners.includes(party)) subscribe.add(ns.subject(contract.subject));
    }
  }

  for (const name of streamsUsed) {
    const stream = ns.stream(name);
    // Whoever uses a stream may create it with its declared settings (start order does not
    // matter); only its owner may change them.
    publish.add(`$JS.API.STREAM.INFO.${stream}`);
    publish.add(`$JS.API.STREAM.CREATE.${stream}`);
    const owner: string = STREAMS[name].owner;
    if (owner === party || owner === 'shared') publish.add(`$JS.API.STREAM.UPDATE.${stream}`);
  }
  return {
    publish: [...publish].sort(),
    subscribe: [...subscribe].sort(),
    allowResponses,
  };
}

/**
 * The operator's tools (`npm run dlq`, nats-box): every subject of the installation and the whole
 * JetStream API of its account.
 */
export function operatorPermissions(namespace = ''): NatsPermissions {
  const everything = namespace ? `${namespace}.>` : '>';
  return {
    publish: [everything, '$JS.API.>', '$JS.ACK.>'].sort(),
    subscribe: [everything, `${inboxPrefix(OPERATOR_USER)}.>`].sort(),
    allowResponses: false,
  };
}

export interface NatsUser {
  user: string;
  /** The environment variable nats-server reads the password from (`$VAR` in its config). */
  passwordVariable: string;
  permissions: NatsPermissions;
}

/** The environment variable holding a party's NATS password, e.g. `NATS_PASSWORD_ROUTING`. */
export const passwordVariable = (user: string) =>
  `NATS_PASSWORD_${user.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

/** The users of one installation: each service, each named integration, and the operator. */
export function natsUsers(contracts: Contract[], namespace = '', integrations: string[] = []): NatsUser[] {
  const users: NatsUser[] = SERVICES.map((service) => ({
    user: service,
    passwordVariable: passwordVariable(service),
    permissions: natsPermissions(service, contracts, namespace),
  }));
  for (const name of integrations) {
    const permissions = natsPermissions('integration', contracts, namespace);
    // An integration's inbox, durables and dead letters carry its own name, not `integration`.
    users.push({
      user: name,
      passwordVariable: passwordVariable(name),
      permissions: renameParty(permissions, 'integration', name, namespace),
    });
  }
  users.push({
    user: OPERATOR_USER,
    passwordVariable: passwordVariable(OPERATOR_USER),
    permissions: operatorPermissions(namespace),
  });
  return users;
}

function renameParty(p: NatsPermissions, from: string, to: string, namespace: string): NatsPermissions {
  const ns = new Namespace(namespace);
  const swap = (s: string) =>
    s
      .replace(`${inboxPrefix(from)}.`, `${inboxPrefix(to)}.`)
      .replace(ns.subject(`dlq.${from}.`), ns.subject(`dlq.${to}.`))
      .replace(/^(\$KV\.[^.]+\.)([^.]+)\./, (whole, bucket: string, party: string) =>
        party === from ? `${bucket}${to}.` : whole,
      );
  return { ...p, publish: p.publish.map(swap).sort(), subscribe: p.subscribe.map(swap).sort() };
}

const quote = (s: string) => JSON.stringify(s);

/**
 * The `accounts` block of a nats-server configuration: one account with JetStream, one user per
 * party with exactly its subjects. Passwords are not in it: nats-server reads each from the
 * environment variable named in the file (`$NATS_PASSWORD_ROUTING`), so the file can be committed
 * and the secrets come from a Kubernetes Secret or the compose environment.
 */
export function renderNatsAuthConfig(users: NatsUser[], header = ''): string {
  const lines = [
    '# Generated by `npm run nats:config` from the contracts (libs/contracts): do not edit.',
    ...(header ? header.split('\n').map((l) => `# ${l}`) : []),
    '# Each password comes from the environment variable named after `password:`.',
    'accounts {',
    '  APP {',
    '    jetstream: enabled',
    '    users: [',
  ];
  for (const u of users) {
    const list = (items: string[]) =>
      items.length ? `[\n${items.map((s) => `              ${quote(s)}`).join('\n')}\n            ]` : '[]';
    lines.push(
      '      {',
      `        user: ${quote(u.user)}`,
      `        password: $${u.passwordVariable}`,
      '        permissions: {',
      `          publish: { allow: ${list(u.permissions.publish)} }`,
      `          subscribe: { allow: ${list(u.permissions.subscribe)} }`,
      ...(u.permissions.allowResponses ? ['          allow_responses: true'] : []),
      '        }',
      '      }',
    );
  }
  lines.push('    ]', '  }', '}', '');
  return lines.join('\n');
}
