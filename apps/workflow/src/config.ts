import { z } from 'zod';
import { baseConfigShape, databaseConfigShape, loadConfig, type Config } from '@app/config';

export const workflowConfigShape = {
  ...baseConfigShape, ...databaseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3005),
};
export type WorkflowConfig = Config<typeof workflowConfigShape>;

export const loadWorkflowConfig = (env: Record<string, string | undefined> = process.env): WorkflowConfig =>
  loadConfig(workflowConfigShape, env);
