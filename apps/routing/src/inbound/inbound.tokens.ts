import type { SandboxMembersRepository } from '../sandbox/sandbox-members.repository';

export const KEYWORD_OUTCOMES = Symbol('KEYWORD_OUTCOMES');

/** Where routing records that an address sent a sandbox number its join code. */
export const SANDBOX_JOINS = Symbol('SANDBOX_JOINS');
export type SandboxJoins = Pick<SandboxMembersRepository, 'recordJoin'>;
