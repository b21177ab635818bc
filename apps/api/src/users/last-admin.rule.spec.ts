import { leavesNoAdmin, type AdminState } from './last-admin.rule';

const admin: AdminState = { role: 'admin', disabled: false };
const member: AdminState = { role: 'member', disabled: false };
const disabledAdmin: AdminState = { role: 'admin', disabled: true };

describe('leavesNoAdmin', () => {
  it.each<[string, AdminState, AdminState | null, number, boolean]>([
    ['demoting the only admin', admin, member, 0, true],
    ['disabling the only admin', admin, disabledAdmin, 0, true],
    ['deleting the only admin', admin, null, 0, true],
    ['demoting one of two admins', admin, member, 1, false],
    ['deleting one of two admins', admin, null, 1, false],
    ['keeping the only admin an admin', admin, admin, 0, false],
    ['changing a member', member, disabledAdmin, 0, false],
    ['deleting a disabled admin', disabledAdmin, null, 0, false],
  ])('%s', (_name, before, after, others, expected) => {
    expect(leavesNoAdmin(before, after, others)).toBe(expected);
  });
});
