/** The services of this repository. Each connects to NATS as its own user, allowed only its subjects. */
export const SERVICES = [
  'ingress',
  'api',
  'routing',
  'preferences',
  'chats',
  'workflow',
  'outbound',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * An internal service outside this repository (an operator's own, e.g. a reminders service). The
 * contracts that list it are open to such services; `npm run nats:config -- --integration <name>`
 * gives one a NATS user with exactly those subjects.
 */
export const INTEGRATION = 'integration';
export type Party = ServiceName | typeof INTEGRATION;
