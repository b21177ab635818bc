import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Feature, Workspace } from '@app/contracts';

@Entity({ name: 'workspaces' })
export class WorkspaceEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { array: true }) features!: Feature[];
  @Column('integer', { name: 'daily_send_quota', nullable: true }) dailySendQuota!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export function toWorkspace(entity: WorkspaceEntity): Workspace {
  return {
    id: entity.id,
    name: entity.name,
    features: [...entity.features].sort(),
    dailySendQuota: entity.dailySendQuota,
    createdAt: entity.createdAt.toISOString(),
  };
}
