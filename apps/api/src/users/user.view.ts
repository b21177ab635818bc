import { z } from 'zod';
import { Id, Timestamp } from '@app/contracts';
import { changingSomething } from '../http/validation';
import { viewOf } from '../http/view';
import type { UserEntity } from './user.entity';

export const UserRole = z.enum(['admin', 'member']);
export const Email = z
  .email()
  .max(254)
  .transform((e) => e.trim().toLowerCase());
/** Long enough to resist guessing; bounded so hashing stays cheap to refuse. */
export const NewPassword = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(256, 'must be at most 256 characters');

/** A user as the API shows it: never the password hash. */
export const UserView = z
  .object({
    id: Id,
    email: z.string(),
    role: UserRole,
    workspaceIds: z.array(Id),
    disabled: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({
    example: {
      id: '3b0f8c4e-2d7a-4a51-9f3e-7c1d2b4a6e90',
      email: 'ana@sunrise-dental.example',
      role: 'member',
      workspaceIds: ['6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b'],
      disabled: false,
      createdAt: '2025-01-15T09:30:00.000Z',
      updatedAt: '2025-01-15T09:30:00.000Z',
    },
  });
export type UserView = z.infer<typeof UserView>;

export const toUserView = (u: UserEntity): UserView => viewOf(UserView, u);

const WorkspaceIds = z
  .array(Id)
  .max(1000)
  .transform((ids) => [...new Set(ids)]);

export const CreateUserBody = z
  .object({
    email: Email,
    password: NewPassword,
    role: UserRole,
    workspaceIds: WorkspaceIds.default([]),
  })
  .strict()
  .meta({
    example: {
      email: 'ana@sunrise-dental.example',
      password: 'a long passphrase of yours',
      role: 'member',
      workspaceIds: ['6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b'],
    },
  });
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = changingSomething(
  z
    .object({
      role: UserRole.optional(),
      workspaceIds: WorkspaceIds.optional(),
      disabled: z.boolean().optional(),
      /** Sets a new password (for a user who lost theirs); their sessions end. */
      password: NewPassword.optional(),
    })
    .strict(),
).meta({ example: { role: 'admin', disabled: false } });
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;
