import { Column, PrimaryColumn } from 'typeorm';

/**
 * What every row a workspace owns starts with: its uuid id and the workspace it belongs to
 * (`workspace_id`, which every read and write of it is scoped by). Entities extend it; the columns
 * are the tables' own (migrations define them), this only declares them once.
 */
export abstract class WorkspaceRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId!: string;
}
