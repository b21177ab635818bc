import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { KeyPermission } from '../auth/key-scope';

/** A workspace API key: only its SHA-256 hash is kept; the key itself is shown once. */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
  @Column('text', { nullable: true }) name!: string | null;
  @Column('text') prefix!: string;
  @Column('text', { name: 'key_hash' }) keyHash!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  /** What the key may do: read (GET), send (start messages), manage (change settings). */
  @Column('text', { array: true }) permissions!: KeyPermission[];
  @Column('timestamptz', { name: 'expires_at', nullable: true }) expiresAt!: Date | null;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt!: Date | null;
}
