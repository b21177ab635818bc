import { counter } from '@app/telemetry';

/** Database look-ups of credentials (cache misses), by kind: what a flood of invented keys costs. */
export const credentialLookups = counter(
  'api_credential_lookups_total',
  'Key and session look-ups that reached Postgres (cache misses).',
  ['kind'],
);
