import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UserRole } from '../auth/key-scope';

/** A person who signs in to the console. The password is kept only as a scrypt hash. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid') id!: string;
  /** Lower-cased. */
  @Column('text') email!: string;
  @Column('text', { name: 'password_hash' }) passwordHash!: string;
  @Column('text') role!: UserRole;
  /** The workspaces a member works in (an admin may act in any). */
  @Column('uuid', { name: 'workspace_ids', array: true }) workspaceIds!: string[];
  @Column('boolean') disabled!: boolean;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
