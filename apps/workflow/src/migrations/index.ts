// Migrations of the workflow schema, in order. Hand-written SQL; table names are unqualified
// (the connection's search_path is the service's schema).
import type { MigrationInterface } from 'typeorm';
import { CreateWorkflowEngine1732450000000 } from './1732450000000-create-workflow-engine';
import { CreateRulesAndRoutines1732460000000 } from './1732460000000-create-rules-and-routines';

export const migrations: Array<new () => MigrationInterface> = [
  CreateWorkflowEngine1732450000000,
  CreateRulesAndRoutines1732460000000,
];
