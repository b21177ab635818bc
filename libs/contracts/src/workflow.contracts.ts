import { z } from 'zod';
import { ContentSid, ContentVariables, Id, Page, paging, Timestamp, WorkspaceScoped } from './common';
import { defineRequest } from './define';

/**
 * A workflow: a versioned list of steps (`reply`, `if`, `agent`). The step grammar is the workflow
 * service's; here a definition is JSON (or a YAML string) that the service validates when saved.
 */
export const Workflow = z.object({
  id: Id,
  workspaceId: Id,
  name: z.string(),
  version: z.number().int().positive(),
  definition: z.array(z.unknown()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Workflow = z.infer<typeof Workflow>;

const WorkflowInput = z.object({
  name: z.string().trim().min(1).max(200),
  /** JSON steps, or a YAML document (string) with the same steps. */
  definition: z.union([z.array(z.unknown()), z.string()]),
});

export const CreateWorkflow = defineRequest({
  subject: 'rpc.workflow.definition.create',
  askedBy: ['api'],
  description: 'Save a new workflow (version 1), validated.',
  request: WorkspaceScoped.extend(WorkflowInput.shape),
  response: Workflow,
});
export const UpdateWorkflow = defineRequest({
  subject: 'rpc.workflow.definition.update',
  askedBy: ['api'],
  description: 'Save a new version of a workflow; chats keep the version they started with.',
  request: WorkspaceScoped.extend({ workflowId: Id }).extend(WorkflowInput.shape),
  response: Workflow,
});
export const GetWorkflow = defineRequest({
  subject: 'rpc.workflow.definition.get',
  askedBy: ['api', 'routing'],
  description: 'The latest version of a workflow.',
  request: WorkspaceScoped.extend({ workflowId: Id }),
  response: Workflow,
});
export const ListWorkflowVersions = defineRequest({
  subject: 'rpc.workflow.definition.versions',
  askedBy: ['api'],
  description: "A workflow's versions, newest first (at most 100), each with its own steps.",
  request: WorkspaceScoped.extend({ workflowId: Id }),
  response: Page(Workflow),
});
export const ListWorkflows = defineRequest({
  subject: 'rpc.workflow.definition.list',
  askedBy: ['api'],
  description: "A workspace's workflows (latest versions), 100 a page; pass nextCursor for the next page.",
  request: WorkspaceScoped.extend({ cursor: Id.nullable().optional() }),
  response: Page(Workflow),
});

export const SendAction = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('send_whatsapp'),
    phoneNumberId: Id,
    /** Handlebars over member, workspace, event... Required unless a workflow starts a chat. */
    template: z.string().min(1).max(1600).optional(),
    contentSid: ContentSid.optional(),
    contentVariables: ContentVariables.optional(),
    workflowId: Id.optional(),
    initialMessage: z.string().max(1600).optional(),
  }),
  z.object({
    type: z.literal('send_sms'),
    phoneNumberId: Id,
    template: z.string().min(1).max(1600),
  }),
]);
export type SendAction = z.infer<typeof SendAction>;

export const EventRule = z.object({
  id: Id,
  workspaceId: Id,
  event: z.string(),
  condition: z.string().nullable(),
  action: SendAction,
  enabled: z.boolean(),
  createdAt: Timestamp,
});
export const ActionRun = z.object({
  id: Id,
  ruleId: Id.nullable(),
  routineId: Id.nullable(),
  eventId: z.string().nullable(),
  memberId: Id.nullable(),
  status: z.enum(['pending', 'sent', 'skipped', 'failed']),
  reason: z.string().nullable(),
  sendId: Id.nullable(),
  chatId: Id.nullable(),
  createdAt: Timestamp,
});

export const CreateEventRule = defineRequest({
  subject: 'rpc.workflow.event-rule.create',
  askedBy: ['api'],
  description: 'A rule: event type, optional CEL condition, an action.',
  request: WorkspaceScoped.extend({
    event: z.string().min(1).max(100),
    condition: z.string().max(2000).optional(),
    action: SendAction,
  }),
  response: EventRule,
});
export const GetEventRule = defineRequest({
  subject: 'rpc.workflow.event-rule.get',
  askedBy: ['api'],
  description: 'One rule.',
  request: WorkspaceScoped.extend({ ruleId: Id }),
  response: EventRule,
});
export const ListEventRules = defineRequest({
  subject: 'rpc.workflow.event-rule.list',
  askedBy: ['api'],
  description: "A workspace's rules.",
  request: WorkspaceScoped,
  response: Page(EventRule),
});
export const ListActionRuns = defineRequest({
  subject: 'rpc.workflow.event-rule.runs',
  askedBy: ['api'],
  description: "A rule's runs, newest first, with status and reason.",
  request: WorkspaceScoped.extend({ ruleId: Id, limit: z.number().int().min(1).max(500).default(100) }),
  response: Page(ActionRun),
});

export const UpdateEventRule = defineRequest({
  subject: 'rpc.workflow.event-rule.update',
  askedBy: ['api'],
  description: 'Change a rule (checked as when created); enabled false makes it do nothing.',
  request: WorkspaceScoped.extend({
    ruleId: Id,
    patch: z
      .object({
        event: z.string().min(1).max(100),
        /** null removes the condition. */
        condition: z.string().max(2000).nullable(),
        action: SendAction,
        enabled: z.boolean(),
      })
      .partial(),
  }),
  response: EventRule,
});
export const DeleteEventRule = defineRequest({
  subject: 'rpc.workflow.event-rule.delete',
  askedBy: ['api'],
  description: 'Delete a rule and its run log.',
  request: WorkspaceScoped.extend({ ruleId: Id }),
  response: z.object({ deleted: z.literal(true) }),
});

export const Routine = z.object({
  id: Id,
  workspaceId: Id,
  name: z.string(),
  memberFilter: z.string(),
  action: SendAction,
  schedule: z.string().nullable(),
  /** A paused routine does nothing: no scheduled run, no run now. */
  paused: z.boolean(),
  /** CEL giving a key per member (e.g. member.id + ":" + member.attributes.appointment_at): one send per key, ever. */
  oncePer: z.string().nullable(),
  progress: z.object({
    state: z.enum(['idle', 'running', 'done', 'cancelled']),
    runId: Id.nullable(),
    matched: z.number().int(),
    sent: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    startedAt: Timestamp.nullable(),
    finishedAt: Timestamp.nullable(),
    /** Why the run ended early (cancelled, the filter refused...), null otherwise. */
    error: z.string().nullable(),
  }),
  createdAt: Timestamp,
});
export const CreateRoutine = defineRequest({
  subject: 'rpc.workflow.routine.create',
  askedBy: ['api'],
  description: 'A broadcast: a CEL member filter and an action, on a cron schedule or on demand.',
  request: WorkspaceScoped.extend({
    name: z.string().trim().min(1).max(200),
    memberFilter: z.string().min(1).max(2000),
    action: SendAction,
    schedule: z.string().max(100).optional(),
    /** CEL over member and now giving a key: a member is acted on once per key, however often the routine runs. */
    oncePer: z.string().min(1).max(500).optional(),
  }),
  response: Routine,
});
export const GetRoutine = defineRequest({
  subject: 'rpc.workflow.routine.get',
  askedBy: ['api'],
  description: 'A routine with the progress of its latest run.',
  request: WorkspaceScoped.extend({ routineId: Id }),
  response: Routine,
});
export const RunRoutine = defineRequest({
  subject: 'rpc.workflow.routine.run',
  askedBy: ['api'],
  description: 'Start a run now; answers at once with the routine (progress follows).',
  request: WorkspaceScoped.extend({ routineId: Id }),
  response: Routine,
});

export const ListRoutines = defineRequest({
  subject: 'rpc.workflow.routine.list',
  askedBy: ['api'],
  description: "A workspace's routines, oldest first, each with its latest run's progress, paged.",
  request: WorkspaceScoped.extend({ ...paging(200, 50) }),
  response: Page(Routine),
});
export const UpdateRoutine = defineRequest({
  subject: 'rpc.workflow.routine.update',
  askedBy: ['api'],
  description: 'Change a routine (checked as when created); paused true makes it do nothing.',
  request: WorkspaceScoped.extend({
    routineId: Id,
    patch: z
      .object({
        name: z.string().trim().min(1).max(200),
        memberFilter: z.string().min(1).max(2000),
        action: SendAction,
        /** null removes the schedule (run on demand only). */
        schedule: z.string().max(100).nullable(),
        paused: z.boolean(),
        /** null removes it. */
        oncePer: z.string().min(1).max(500).nullable(),
      })
      .partial(),
  }),
  response: Routine,
});
export const CancelRoutineRun = defineRequest({
  subject: 'rpc.workflow.routine.cancel',
  askedBy: ['api'],
  description:
    "Cancel the routine's running run: members not yet acted on are left out; the run says how far it got.",
  request: WorkspaceScoped.extend({ routineId: Id }),
  response: Routine,
});
export const DeleteRoutine = defineRequest({
  subject: 'rpc.workflow.routine.delete',
  askedBy: ['api'],
  description: 'Delete a routine (a running run is cancelled first) with its runs and results.',
  request: WorkspaceScoped.extend({ routineId: Id }),
  response: z.object({ deleted: z.literal(true) }),
});

export const RoutineRunResult = z.object({
  memberId: Id,
  status: z.enum(['pending', 'sent', 'skipped', 'failed']),
  reason: z.string().nullable(),
  sendId: Id.nullable(),
  chatId: Id.nullable(),
  updatedAt: Timestamp,
});
export const ListRoutineRunResults = defineRequest({
  subject: 'rpc.workflow.routine.results',
  askedBy: ['api'],
  description: 'Per-member results of one run of a routine, by member id, optionally of one status, paged.',
  request: WorkspaceScoped.extend({
    routineId: Id,
    runId: Id,
    status: RoutineRunResult.shape.status.optional(),
    ...paging(1000, 100),
  }),
  response: Page(RoutineRunResult),
});
