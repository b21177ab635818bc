import { z } from 'zod';
import { ACTION_RESULT_STATUSES } from '@app/rules';
import { ContentSid, ContentVariables, Id, Page, paging, Timestamp, WorkspaceScoped } from './common';
import { defineRequest, requestsAbout } from './define';
import { WorkspaceEventPublished } from './events.contracts';

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

const workflowRequest = requestsAbout('rpc.workflow.definition', 'workflowId', Workflow);
export const CreateWorkflow = workflowRequest.create('Save a new workflow (version 1), validated.', {
  fields: WorkflowInput.shape,
});
export const UpdateWorkflow = workflowRequest(
  'update',
  'Save a new version of a workflow; chats keep the version they started with.',
  { fields: WorkflowInput.shape },
);
export const GetWorkflow = workflowRequest('get', 'The latest version of a workflow.', {
  askedBy: ['api', 'routing'],
});
export const ListWorkflowVersions = workflowRequest(
  'versions',
  "A workflow's versions, newest first (at most 100), each with its own steps.",
  { response: Page(Workflow) },
);
export const ListWorkflows = workflowRequest.list(
  "A workspace's workflows (latest versions), 100 a page; pass nextCursor for the next page.",
  { fields: { cursor: Id.nullable().optional() } },
);

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
/**
 * What an action did for one member: `accepted` (outbound took it, not yet handed to Twilio),
 * `sent` (handed to Twilio), `skipped`/`failed` (never left, with the reason), `undelivered`
 * (Twilio reported a delivery failure later, with its error code and the human reason).
 */
export const ActionResultStatus = z.enum(ACTION_RESULT_STATUSES);
/** An action's outcome for one member, as a rule's run and a routine's result both tell it. */
const ActionOutcome = z.object({
  status: ActionResultStatus,
  reason: z.string().nullable(),
  /** Twilio's error code when delivery failed. */
  errorCode: z.string().nullable(),
  sendId: Id.nullable(),
  chatId: Id.nullable(),
});
export const ActionRun = z.object({
  id: Id,
  ruleId: Id.nullable(),
  routineId: Id.nullable(),
  eventId: z.string().nullable(),
  memberId: Id.nullable(),
  ...ActionOutcome.shape,
  createdAt: Timestamp,
});

/** What a rule is made of, as created; a change may also remove the condition or disable the rule. */
const EventRuleInput = z.object({
  event: z.string().min(1).max(100),
  condition: z.string().max(2000).optional(),
  action: SendAction,
});
const ruleRequest = requestsAbout('rpc.workflow.event-rule', 'ruleId', EventRule);
export const CreateEventRule = ruleRequest.create('A rule: event type, optional CEL condition, an action.', {
  fields: EventRuleInput.shape,
});
export const GetEventRule = ruleRequest('get', 'One rule.');
export const ListEventRules = ruleRequest.list("A workspace's rules.");
export const ListActionRuns = ruleRequest('runs', "A rule's runs, newest first, with status and reason.", {
  fields: { limit: z.number().int().min(1).max(500).default(100) },
  response: Page(ActionRun),
});

export const UpdateEventRule = ruleRequest(
  'update',
  'Change a rule (checked as when created); enabled false makes it do nothing.',
  {
    fields: {
      patch: EventRuleInput.extend({
        /** null removes the condition. */
        condition: z.string().max(2000).nullable(),
        enabled: z.boolean(),
      }).partial(),
    },
  },
);
const Deleted = z.object({ deleted: z.literal(true) });
export const DeleteEventRule = ruleRequest('delete', 'Delete a rule and its run log.', { response: Deleted });

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
    /** Handed to outbound, not yet to Twilio. */
    accepted: z.number().int(),
    sent: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    /** Sent, then reported undelivered (or failed) by Twilio. */
    undelivered: z.number().int(),
    startedAt: Timestamp.nullable(),
    finishedAt: Timestamp.nullable(),
    /** Why the run ended early (cancelled, the filter refused...), null otherwise. */
    error: z.string().nullable(),
  }),
  createdAt: Timestamp,
});
/** What a routine is made of, as created; a change may also pause it or remove its schedule or key. */
const RoutineInput = z.object({
  name: z.string().trim().min(1).max(200),
  memberFilter: z.string().min(1).max(2000),
  action: SendAction,
  schedule: z.string().max(100).optional(),
  /** CEL over member and now giving a key: a member is acted on once per key, however often the routine runs. */
  oncePer: z.string().min(1).max(500).optional(),
});
const routineRequest = requestsAbout('rpc.workflow.routine', 'routineId', Routine);
export const CreateRoutine = routineRequest.create(
  'A broadcast: a CEL member filter and an action, on a cron schedule or on demand.',
  { fields: RoutineInput.shape },
);
export const GetRoutine = routineRequest('get', 'A routine with the progress of its latest run.');
export const RunRoutine = routineRequest(
  'run',
  'Start a run now; answers at once with the routine (progress follows).',
);

export const ListRoutines = routineRequest.list(
  "A workspace's routines, oldest first, each with its latest run's progress, paged.",
  { fields: paging(200, 50) },
);
export const UpdateRoutine = routineRequest(
  'update',
  'Change a routine (checked as when created); paused true makes it do nothing.',
  {
    fields: {
      patch: RoutineInput.extend({
        /** null removes the schedule (run on demand only). */
        schedule: z.string().max(100).nullable(),
        paused: z.boolean(),
        /** null removes it. */
        oncePer: z.string().min(1).max(500).nullable(),
      }).partial(),
    },
  },
);
export const CancelRoutineRun = routineRequest(
  'cancel',
  "Cancel the routine's running run: members not yet acted on are left out; the run says how far it got.",
);
export const DeleteRoutine = routineRequest(
  'delete',
  'Delete a routine (a running run is cancelled first) with its runs and results.',
  { response: Deleted },
);

export const RoutineRunResult = z.object({ memberId: Id, ...ActionOutcome.shape, updatedAt: Timestamp });
export const ListRoutineRunResults = routineRequest(
  'results',
  'Per-member results of one run of a routine, by member id, optionally of one status, paged.',
  {
    fields: { runId: Id, status: RoutineRunResult.shape.status.optional(), ...paging(1000, 100) },
    response: Page(RoutineRunResult),
  },
);

/** An event stored to fire at `at` (POST /v1/events with a future `at`), or one already fired. */
export const ScheduledEventStatus = z.enum(['scheduled', 'fired', 'cancelled']);
export const ScheduledEvent = z.object({
  eventId: z.string(),
  type: z.string(),
  memberId: Id.nullable(),
  data: z.record(z.string(), z.unknown()),
  at: Timestamp,
  status: ScheduledEventStatus,
  firedAt: Timestamp.nullable(),
  cancelledAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type ScheduledEvent = z.infer<typeof ScheduledEvent>;
export const ScheduleEvent = defineRequest({
  subject: 'rpc.workflow.event.schedule',
  askedBy: ['api'],
  description:
    'Store an event to publish at `at` (once, across restarts and replicas); the same eventId stores it once.',
  request: WorkspaceScoped.extend({
    eventId: WorkspaceEventPublished.schema.shape.eventId,
    type: WorkspaceEventPublished.schema.shape.type,
    memberId: Id.nullable(),
    data: z.record(z.string(), z.unknown()),
    at: Timestamp,
  }),
  response: ScheduledEvent,
});
export const CancelScheduledEvent = defineRequest({
  subject: 'rpc.workflow.event.cancel',
  askedBy: ['api'],
  description: 'Cancel a scheduled event before it fires (conflict once fired or cancelled).',
  request: WorkspaceScoped.extend({ eventId: z.string().min(1).max(200) }),
  response: ScheduledEvent,
});
export const ListScheduledEvents = defineRequest({
  subject: 'rpc.workflow.event.list',
  askedBy: ['api'],
  description: "A workspace's events by `at` (soonest first), optionally of one status, paged.",
  request: WorkspaceScoped.extend({ status: ScheduledEventStatus.optional(), ...paging(200, 50) }),
  response: Page(ScheduledEvent),
});
