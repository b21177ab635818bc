import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Feature, Workspace } from '@app/contracts';

@Entity({ name: 'workspaces' })
export class WorkspaceEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { array: true }) features!: Feature[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export function toWorkspace(entity: WorkspaceEntity): Workspace {
  return {
    id: entity.id,
    name: entity.name,
    features: [...entity.features].sort(),
    createdAt: entity.createdAt.toISOString(),
  };
}
