import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  AppError,
  ArchivePhoneNumber,
  type Chat,
  type ChatMessage,
  CreateEventRule,
  CreateMember,
  CancelRoutineRun,
  CancelScheduledEvent,
  ListScheduledEvents,
  ScheduleEvent,
  type ScheduledEvent,
  DeleteEventRule,
  DeleteRoutine,
  ListRoutineRunResults,
  ListRoutines,
  UpdateEventRule,
  UpdateRoutine,
  CreatePhoneNumber,
  CreateRoutine,
  CreateWorkflow,
  CreateWorkspace,
  type ErrorCode,
  GetChat,
  GetConversationWindows,
  GetEventRule,
  GetMember,
  GetPhoneNumber,
  GetRoutine,
  GetSendRecord,
  GetWorkflow,
  GetWorkspace,
  ListWorkspaces,
  ListActionRuns,
  ListChatMessages,
  ListChats,
  ListEventRules,
  ListMembers,
  ListPhoneNumbers,
  ListPreferenceChanges,
  ListWorkflows,
  ListWorkflowVersions,
  noKeywordReplies,
  type Member,
  type PhoneNumber,
  type RequestContract,
  RunRoutine,
  Send,
  SetWorkspaceFeature,
  UpdateWorkspace,
  UpdateMember,
  UpdatePhoneNumber,
  UpdateWorkflow,
  type Workflow,
  type Workspace,
} from '@app/contracts';
import {
  checkKeywordLists,
  checkSender,
  decideSend,
  editKeywordLists,
  normalisePhone,
  SEND_REASONS,
  mergeAttributes,
} from '@app/rules';
import { aChat, aMember, aPhoneNumber, type NatsTestClient } from '@app/testing';

type Res<C extends RequestContract> = z.infer<C['response']>;
type KeywordEdit = z.infer<typeof UpdatePhoneNumber.request>['patch'];
type Row = { workspaceId: string };
const now = () => new Date().toISOString();

/** Finds a row of the workspace, as every real service does: another workspace's id is not_found. */
function owned<T extends Row>(rows: Map<string, T>, workspaceId: string, id: string, what: string): T {
  const row = rows.get(id);
  if (!row || row.workspaceId !== workspaceId) throw AppError.notFound(what);
  return row;
}
const page = <T>(items: T[]) => ({ items, nextCursor: null });
/** Applies a PATCH: the fields it gives change, the ones it leaves out (undefined) stay. */
const patched = <T extends object>(row: T, patch: object): T =>
  Object.assign(row, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));

/**
 * The services behind the api, played over real NATS with the real contracts: in-memory,
 * workspace-scoped, answering AppErrors where the real ones would. `requests` records what the api
 * asked, so tests can see which workspace it passed.
 */
export class FakeServices {
  readonly workspaces = new Map<string, Workspace>();
  readonly numbers = new Map<string, PhoneNumber>();
  readonly members = new Map<string, Member>();
  readonly workflows = new Map<string, Workflow>();
  readonly chats = new Map<string, Chat>();
  readonly messages = new Map<string, ChatMessage & Row>();
  readonly sends = new Map<string, Res<typeof GetSendRecord> & Row>();
  readonly rules = new Map<string, Res<typeof GetEventRule>>();
  readonly routines = new Map<string, Res<typeof GetRoutine>>();
  readonly events = new Map<string, ScheduledEvent & Row>();
  /** Ids whose look-up answers this error code (GetChat), to exercise the status mapping. */
  readonly failures = new Map<string, ErrorCode>();
  readonly requests: Array<{ subject: string; payload: Record<string, unknown> }> = [];

  constructor(private readonly nats: NatsTestClient) {}

  private on<C extends RequestContract>(contract: C, handler: (req: z.infer<C['request']>) => unknown): void {
    this.nats.respond(contract, (req) => {
      this.requests.push({ subject: contract.subject, payload: req as Record<string, unknown> });
      return handler(req);
    });
  }

  register(): this {
    this.routing();
    this.preferences();
    this.workflow();
    this.chatsAndOutbound();
    return this;
  }

  /** A chat with one message in the workspace, as the chats service would hold after an inbound. */
  seedChat(workspaceId: string, memberId: string = randomUUID()): Chat {
    const chat = aChat(workspaceId, { memberId, lastMessageAt: now(), createdAt: now() });
    this.chats.set(chat.id, chat);
    const message = {
      id: randomUUID(),
      chatId: chat.id,
      workspaceId,
      direction: 'inbound' as const,
      body: 'hello',
      contentSid: null,
      media: [],
      status: 'received' as const,
      errorCode: null,
      errorReason: null,
      twilioSid: `SM${randomUUID().replace(/-/g, '')}`,
      sendId: null,
      createdAt: now(),
    };
    this.messages.set(message.id, message);
    return chat;
  }

  private routing(): void {
    this.on(CreateWorkspace, (req) => {
      const ws: Workspace = {
        id: randomUUID(),
        name: req.name,
        features: [],
        dailySendQuota: null,
        createdAt: now(),
      };
      this.workspaces.set(ws.id, ws);
      return ws;
    });
    const workspace = (id: string) => {
      const ws = this.workspaces.get(id);
      if (!ws) throw AppError.notFound('Workspace');
      return ws;
    };
    this.on(GetWorkspace, (req) => workspace(req.workspaceId));
    this.on(ListWorkspaces, (req) => ({
      items: [...this.workspaces.values()]
        .filter((w) => !req.ids || req.ids.includes(w.id))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    }));
    this.on(UpdateWorkspace, (req) => {
      const ws = workspace(req.workspaceId);
      if (req.patch.dailySendQuota !== undefined) ws.dailySendQuota = req.patch.dailySendQuota;
      return ws;
    });
    this.on(SetWorkspaceFeature, (req) => {
      const ws = workspace(req.workspaceId);
      ws.features = req.enabled
        ? [...new Set([...ws.features, req.feature])]
        : ws.features.filter((f) => f !== req.feature);
      return ws;
    });
    const checkWhatsapp = (workspaceId: string, on: boolean | undefined) => {
      if (on && !workspace(workspaceId).features.includes('whatsapp')) {
        throw new AppError(
          'rule_violation',
          'WhatsApp cannot be turned on: the workspace does not have the WhatsApp feature.',
        );
      }
    };
    /** Routing's keyword edits, with the rules it applies (lists replaced one by one, checked). */
    const withKeywords = (row: PhoneNumber, edit: Pick<KeywordEdit, 'keywords' | 'keywordReplies'>) => {
      if (edit.keywords !== undefined) {
        const checked = checkKeywordLists(editKeywordLists(row.keywords, edit.keywords));
        if (!checked.ok)
          throw new AppError(
            checked.rule ? 'rule_violation' : 'invalid_input',
            `${checked.field}: ${checked.problem}.`,
          );
        row.keywords = {
          optOut: [...checked.lists.optOut],
          optIn: [...checked.lists.optIn],
          help: [...checked.lists.help],
        };
      }
      if (edit.keywordReplies !== undefined)
        row.keywordReplies = {
          ...(edit.keywordReplies ? row.keywordReplies : noKeywordReplies()),
          ...edit.keywordReplies,
        };
      return row;
    };
    this.on(CreatePhoneNumber, (req) => {
      const { workspaceId, number: raw, keywords, keywordReplies, ...fields } = req;
      const number = normalisePhone(raw);
      if (!number)
        throw new AppError('invalid_input', 'number: must be an E.164 phone number such as +15551234567');
      checkWhatsapp(workspaceId, fields.whatsappEnabled);
      if ([...this.numbers.values()].some((n) => n.number === number && !n.archived))
        throw new AppError('conflict', 'This number is already in use.');
      const row = withKeywords(aPhoneNumber(workspaceId, { number, whatsappEnabled: false, ...fields }), {
        keywords,
        keywordReplies,
      });
      this.numbers.set(row.id, row);
      return row;
    });
    this.on(GetPhoneNumber, (req) => owned(this.numbers, req.workspaceId, req.phoneNumberId, 'Phone number'));
    this.on(ListPhoneNumbers, (req) =>
      page(
        [...this.numbers.values()].filter(
          (n) => n.workspaceId === req.workspaceId && (req.includeArchived || !n.archived),
        ),
      ),
    );
    this.on(UpdatePhoneNumber, (req) => {
      const row = owned(this.numbers, req.workspaceId, req.phoneNumberId, 'Phone number');
      checkWhatsapp(req.workspaceId, req.patch.whatsappEnabled);
      const { keywords, keywordReplies, ...settings } = req.patch;
      return Object.assign(withKeywords(row, { keywords, keywordReplies }), settings, { updatedAt: now() });
    });
    this.on(ArchivePhoneNumber, (req) =>
      Object.assign(owned(this.numbers, req.workspaceId, req.phoneNumberId, 'Phone number'), {
        archived: true,
      }),
    );
  }

  private preferences(): void {
    /** Preferences' normalisation (default country US), with its invalid_input. */
    const phoneOf = (phone: string | null | undefined) => {
      if (!phone) return phone;
      const normalised = normalisePhone(phone, 'US');
      if (!normalised) throw new AppError('invalid_input', 'phone: not a valid phone number');
      return normalised;
    };
    this.on(CreateMember, (req) => {
      const phone = phoneOf(req.fields.phone) ?? null;
      const attributes = mergeAttributes({}, req.fields.attributes ?? {});
      const member = aMember(req.workspaceId, { firstName: null, ...req.fields, phone, attributes });
      this.members.set(member.id, member);
      return member;
    });
    this.on(GetMember, (req) => owned(this.members, req.workspaceId, req.memberId, 'Member'));
    this.on(UpdateMember, (req) => {
      const phone = phoneOf(req.patch.phone);
      const member = owned(this.members, req.workspaceId, req.memberId, 'Member');
      const attributes = mergeAttributes(member.attributes, req.patch.attributes ?? {});
      return Object.assign(member, req.patch, phone === undefined ? {} : { phone }, { attributes });
    });
    this.on(ListMembers, (req) => {
      if (req.filter?.includes('(('))
        throw new AppError('invalid_input', 'filter: not a valid CEL expression');
      return page(
        [...this.members.values()]
          .filter((m) => m.workspaceId === req.workspaceId && (!req.phone || m.phone === req.phone))
          .slice(0, req.limit),
      );
    });
    this.on(ListPreferenceChanges, (req) => {
      owned(this.members, req.workspaceId, req.memberId, 'Member');
      return page([]);
    });
  }

  private workflow(): void {
    const save = (
      workspaceId: string,
      id: string,
      version: number,
      name: string,
      definition: unknown[] | string,
    ): Workflow => {
      if (typeof definition === 'string')
        throw new AppError('invalid_input', 'definition: the api sends parsed steps in these tests');
      const wf: Workflow = { id, workspaceId, name, version, definition, createdAt: now(), updatedAt: now() };
      this.workflows.set(id, wf);
      return wf;
    };
    this.on(CreateWorkflow, (req) => save(req.workspaceId, randomUUID(), 1, req.name, req.definition));
    this.on(UpdateWorkflow, (req) => {
      const current = owned(this.workflows, req.workspaceId, req.workflowId, 'Workflow');
      return save(req.workspaceId, current.id, current.version + 1, req.name, req.definition);
    });
    this.on(GetWorkflow, (req) => owned(this.workflows, req.workspaceId, req.workflowId, 'Workflow'));
    // The fake keeps the latest version only (the workflow service's own specs cover history).
    this.on(ListWorkflowVersions, (req) =>
      page([owned(this.workflows, req.workspaceId, req.workflowId, 'Workflow')]),
    );
    this.on(ListWorkflows, (req) =>
      page([...this.workflows.values()].filter((w) => w.workspaceId === req.workspaceId)),
    );

    this.on(CreateEventRule, (req) => {
      owned(this.numbers, req.workspaceId, req.action.phoneNumberId, 'Phone number');
      const rule = {
        id: randomUUID(),
        workspaceId: req.workspaceId,
        event: req.event,
        condition: req.condition ?? null,
        action: req.action,
        enabled: true,
        createdAt: now(),
      };
      this.rules.set(rule.id, rule);
      return rule;
    });
    this.on(GetEventRule, (req) => owned(this.rules, req.workspaceId, req.ruleId, 'Event rule'));
    this.on(ListEventRules, (req) =>
      page([...this.rules.values()].filter((r) => r.workspaceId === req.workspaceId)),
    );
    this.on(ListActionRuns, (req) => {
      const rule = owned(this.rules, req.workspaceId, req.ruleId, 'Event rule');
      return page([
        {
          id: randomUUID(),
          ruleId: rule.id,
          routineId: null,
          eventId: 'e1',
          memberId: null,
          status: 'skipped',
          reason: SEND_REASONS.memberWhatsappOff,
          errorCode: null,
          sendId: null,
          chatId: null,
          createdAt: now(),
        },
      ]);
    });
    // Scheduled events as workflow keeps them (its integration spec covers the firing).
    this.on(ScheduleEvent, ({ workspaceId, ...req }) => {
      const key = `${workspaceId}:${req.eventId}`;
      const due = new Date(req.at) <= new Date();
      const event = this.events.get(key) ?? {
        ...req,
        workspaceId,
        status: due ? ('fired' as const) : ('scheduled' as const),
        firedAt: due ? now() : null,
        cancelledAt: null,
        createdAt: now(),
      };
      this.events.set(key, event);
      const { workspaceId: _ws, ...view } = event;
      return view;
    });
    this.on(CancelScheduledEvent, (req) => {
      const event = this.events.get(`${req.workspaceId}:${req.eventId}`);
      if (!event) throw AppError.notFound('Event');
      if (event.status !== 'scheduled') throw new AppError('conflict', `The event already ${event.status}.`);
      Object.assign(event, { status: 'cancelled', cancelledAt: now() });
      const { workspaceId: _ws, ...view } = event;
      return view;
    });
    this.on(ListScheduledEvents, (req) =>
      page(
        [...this.events.values()]
          .filter((e) => e.workspaceId === req.workspaceId && (!req.status || e.status === req.status))
          .map(({ workspaceId: _ws, ...view }) => view),
      ),
    );
    this.on(CreateRoutine, (req) => {
      const routine = {
        id: randomUUID(),
        workspaceId: req.workspaceId,
        name: req.name,
        memberFilter: req.memberFilter,
        action: req.action,
        schedule: req.schedule ?? null,
        paused: false,
        oncePer: req.oncePer ?? null,
        progress: {
          state: 'idle' as const,
          runId: null,
          matched: 0,
          accepted: 0,
          sent: 0,
          skipped: 0,
          failed: 0,
          undelivered: 0,
          startedAt: null,
          finishedAt: null,
          error: null,
        },
        createdAt: now(),
      };
      this.routines.set(routine.id, routine);
      return routine;
    });
    this.on(GetRoutine, (req) => owned(this.routines, req.workspaceId, req.routineId, 'Routine'));
    this.on(RunRoutine, (req) => {
      const routine = owned(this.routines, req.workspaceId, req.routineId, 'Routine');
      if (routine.paused) throw new AppError('conflict', 'The routine is paused.');
      routine.progress = { ...routine.progress, state: 'running', runId: randomUUID(), startedAt: now() };
      return routine;
    });
    this.on(UpdateEventRule, (req) =>
      patched(owned(this.rules, req.workspaceId, req.ruleId, 'Event rule'), req.patch),
    );
    this.on(DeleteEventRule, (req) => {
      owned(this.rules, req.workspaceId, req.ruleId, 'Event rule');
      this.rules.delete(req.ruleId);
      return { deleted: true as const };
    });
    this.on(ListRoutines, (req) =>
      page([...this.routines.values()].filter((r) => r.workspaceId === req.workspaceId)),
    );
    this.on(UpdateRoutine, (req) =>
      patched(owned(this.routines, req.workspaceId, req.routineId, 'Routine'), req.patch),
    );
    this.on(CancelRoutineRun, (req) => {
      const routine = owned(this.routines, req.workspaceId, req.routineId, 'Routine');
      if (routine.progress.state !== 'running')
        throw new AppError('conflict', 'The routine has no running run to cancel.');
      routine.progress = { ...routine.progress, state: 'cancelled', finishedAt: now(), error: 'Cancelled.' };
      return routine;
    });
    this.on(DeleteRoutine, (req) => {
      owned(this.routines, req.workspaceId, req.routineId, 'Routine');
      this.routines.delete(req.routineId);
      return { deleted: true as const };
    });
    this.on(ListRoutineRunResults, (req) => {
      const routine = owned(this.routines, req.workspaceId, req.routineId, 'Routine');
      if (routine.progress.runId !== req.runId) throw AppError.notFound('Routine run');
      const items = [
        {
          memberId: randomUUID(),
          status: 'sent' as const,
          reason: null,
          errorCode: null,
          sendId: randomUUID(),
          chatId: null,
          updatedAt: now(),
        },
        {
          memberId: randomUUID(),
          status: 'skipped' as const,
          reason: SEND_REASONS.memberWhatsappOff,
          errorCode: null,
          sendId: null,
          chatId: null,
          updatedAt: now(),
        },
      ];
      return page(items.filter((i) => !req.status || i.status === req.status));
    });
  }

  private chatsAndOutbound(): void {
    this.on(ListChats, (req) =>
      page(
        [...this.chats.values()].filter(
          (c) =>
            c.workspaceId === req.workspaceId &&
            (!req.channel || c.channel === req.channel) &&
            (!req.memberId || c.memberId === req.memberId),
        ),
      ),
    );
    this.on(GetChat, (req) => {
      const code = this.failures.get(req.chatId);
      if (code) throw new AppError(code, `Forced ${code} for this chat.`);
      return owned(this.chats, req.workspaceId, req.chatId, 'Chat');
    });
    this.on(ListChatMessages, (req) => {
      owned(this.chats, req.workspaceId, req.chatId, 'Chat');
      return page(
        [...this.messages.values()]
          .filter((m) => m.chatId === req.chatId)
          .map(({ workspaceId: _w, ...m }) => m),
      );
    });
    this.on(GetConversationWindows, () => ({ items: [] }));
    this.on(Send, (req) => {
      const existing = [...this.sends.values()].find((s) => s.idempotencyKey === req.idempotencyKey);
      if (existing) return { id: existing.id, status: existing.status, reason: existing.reason };
      const phoneNumber = owned(this.numbers, req.workspaceId, req.phoneNumberId, 'Phone number');
      const workspace = this.workspaces.get(req.workspaceId)!;
      // A send by phone reaches the member who has it (outbound asks preferences).
      const member = req.memberId
        ? owned(this.members, req.workspaceId, req.memberId, 'Member')
        : ([...this.members.values()].find((m) => m.workspaceId === req.workspaceId && m.phone === req.to) ??
          null);
      // Outbound's checks, with the rules it applies (the window and phones that opted out aside).
      const decision = member ? decideSend(member, req.channel, req.kind) : null;
      const refusal =
        checkSender(req.channel, { workspace, phoneNumber }, req.kind) ??
        (decision && !decision.allowed ? { status: decision.outcome, reason: decision.reason } : null);
      const record = {
        id: randomUUID(),
        workspaceId: req.workspaceId,
        idempotencyKey: req.idempotencyKey,
        phoneNumberId: req.phoneNumberId,
        memberId: member?.id ?? null,
        channel: req.channel,
        body: req.body ?? null,
        mediaUrls: req.mediaUrls ?? [],
        contentSid: req.contentSid ?? null,
        status: refusal?.status ?? ('pending' as const),
        reason: refusal?.reason ?? null,
        errorCode: null,
        twilioSid: null,
        createdAt: now(),
        updatedAt: now(),
      };
      this.sends.set(record.id, record);
      return { id: record.id, status: record.status, reason: record.reason };
    });
    this.on(GetSendRecord, (req) => {
      const { workspaceId: _w, ...record } = owned(this.sends, req.workspaceId, req.sendId, 'Message');
      return record;
    });
  }
}
