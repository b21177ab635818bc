import type { UserRole } from '../auth/key-scope';

export interface AdminState {
  role: UserRole;
  disabled: boolean;
}

const isActiveAdmin = (u: AdminState) => u.role === 'admin' && !u.disabled;

/**
 * An organisation keeps at least one enabled admin in the console: a change (or removal, `after`
 * null) that would take away the last one is refused.
 */
export function leavesNoAdmin(
  before: AdminState,
  after: AdminState | null,
  otherActiveAdmins: number,
): boolean {
  if (!isActiveAdmin(before) || otherActiveAdmins > 0) return false;
  return after === null || !isActiveAdmin(after);
}
