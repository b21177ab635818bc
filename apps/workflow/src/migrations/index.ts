// Migrations of the workflow schema, in order. Hand-written SQL; table names are unqualified
// (the connection's search_path is the service's schema).
import type { MigrationInterface } from 'typeorm';
import { CreateWorkflowEngine1732450000000 } from './1732450000000-create-workflow-engine';
import { CreateRulesAndRoutines1732460000000 } from './1732460000000-create-rules-and-routines';
import { ManageAutomations1732500000000 } from './1732500000000-manage-automations';
import { RoutineOncePer1732510000000 } from './1732510000000-routine-once-per';
import { ScheduledEventsAndDelivery1732520000000 } from './1732520000000-scheduled-events-and-delivery';

export const migrations: Array<new () => MigrationInterface> = [
  CreateWorkflowEngine1732450000000,
  CreateRulesAndRoutines1732460000000,
  ManageAutomations1732500000000,
  RoutineOncePer1732510000000,
  ScheduledEventsAndDelivery1732520000000,
];
