import { z } from 'zod';
import { Id, Timestamp } from '@app/contracts';
import { Email, NewPassword, UserRole } from '../users/user.view';

export const SignInBody = z
  .object({ email: Email, password: z.string().min(1).max(256) })
  .strict()
  .meta({ example: { email: 'ana@sunrise-dental.example', password: 'a long passphrase of yours' } });
export type SignInBody = z.infer<typeof SignInBody>;

export const ChangePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: NewPassword })
  .strict()
  .meta({
    example: { currentPassword: 'a long passphrase of yours', newPassword: 'an even longer passphrase' },
  });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** The signed-in user with the workspaces they may pick (an admin: every workspace). */
export const SessionUser = z.object({
  id: Id,
  email: z.string(),
  role: UserRole,
  workspaces: z.array(z.object({ id: Id, name: z.string() })),
});
export type SessionUser = z.infer<typeof SessionUser>;

const USER_EXAMPLE = {
  id: '3b0f8c4e-2d7a-4a51-9f3e-7c1d2b4a6e90',
  email: 'ana@sunrise-dental.example',
  role: 'member',
  workspaces: [{ id: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b', name: 'Sunrise Dental' }],
};

export const SignedIn = z.object({ user: SessionUser }).meta({ example: { user: USER_EXAMPLE } });

/** A session as its user sees it: which one, since when, until when. */
const Session = z.object({ id: Id, createdAt: Timestamp, expiresAt: Timestamp });
const SESSION_EXAMPLE = {
  id: '9d2e4f6a-1b3c-4d5e-8f70-a1b2c3d4e5f6',
  createdAt: '2025-01-15T09:30:00.000Z',
  expiresAt: '2025-01-15T21:30:00.000Z',
};

export const CurrentSession = z
  .object({ user: SessionUser, session: Session })
  .meta({ example: { user: USER_EXAMPLE, session: SESSION_EXAMPLE } });
export type CurrentSession = z.infer<typeof CurrentSession>;

/** One of the user's sessions, for "where am I signed in". */
export const SessionView = Session.extend({
  lastSeenAt: Timestamp,
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionView = z.infer<typeof SessionView>;

export const SessionList = z.object({ items: z.array(SessionView) }).meta({
  example: {
    items: [
      {
        ...SESSION_EXAMPLE,
        lastSeenAt: '2025-01-15T10:02:00.000Z',
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
        current: true,
      },
    ],
  },
});
