// Generated from the api's OpenAPI document by apps/console/scripts/api-schema.mjs: do not edit.
export type paths = {
  '/v1/chats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The workspace's chats, newest first, by channel (sms, whatsapp) and member; with waiting=true the queue, the longest waiting first
     * @description The queue holds the open chats waiting for a person (`waitingSince`): the AI handed them off (`handoffReason`) or their number is in `human` mode. Taking a chat over or a person answering it takes it out.
     */
    get: operations['Chats_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/chats/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One chat */
    get: operations['Chats_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/chats/{id}/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Assign a chat to the user who should take it (a user of this workspace), or to nobody with userId null
     * @description Shown as `assignedTo` (the user and their email) and on the stream (chat.assigned). 422 when the user is not an active user of this workspace; 409 for a closed chat.
     */
    post: operations['Chats_assign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/chats/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close a chat: the member's next message opens a new chat with the number's current default workflow (a workflow an action pinned ends here). Closing a closed chat changes nothing. */
    post: operations['Chats_close'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/chats/{id}/handback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Hand a chat you hold back to the workflow: it answers the member's next message, with what arrived meanwhile in its history
     * @description A chat nobody holds is returned unchanged. 409 when someone else holds it.
     */
    post: operations['Chats_handBack'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/chats/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A chat's messages in order, with delivery status and error reason: the first `limit`, or with newest=true the last `limit` (still oldest first) */
    get: operations['Chats_messages'];
    put?: never;
    /**
     * Reply in a chat you hold (took over): sent on the chat's number and channel as a reply (opt-out still stops it); the answer says queued, skipped or failed and why
     * @description 409 when you do not hold the chat (take it over first) or it is closed. 422 for a free-form WhatsApp reply outside the 24-hour window (the member has not written for 24 hours): only an approved template can reach them then.
     */
    post: operations['Chats_send'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/chats/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark a chat read in the inbox: its unread count goes back to 0 */
    post: operations['Chats_read'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/chats/{id}/takeover': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Take over a chat: the workflow runs no turns for it (inbound messages are still stored and shown, keywords still work) until you hand it back
     * @description Taking over a chat you hold already changes nothing. 409 when someone else holds it.
     */
    post: operations['Chats_takeOver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/diagnostics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Why something did not happen: the workspace's dropped inbound messages, files not kept, skipped turns, refused sends and failed deliveries, newest first (kept DIAGNOSTICS_RETENTION_DAYS, 7 by default) */
    get: operations['Diagnostics_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/diagnostics/unassigned': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Inbound messages sent to numbers no workspace has (not added, or not WhatsApp-registered here), newest first (operator) */
    get: operations['UnassignedDiagnostics_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/event-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The workspace's rules */
    get: operations['EventRules_list'];
    put?: never;
    /** Create a rule: an event type, an optional CEL condition, a send action */
    post: operations['EventRules_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/event-rules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One rule */
    get: operations['EventRules_get'];
    put?: never;
    post?: never;
    /** Delete a rule and its run log */
    delete: operations['EventRules_delete'];
    options?: never;
    head?: never;
    /** Change a rule (event, condition, action, enabled), checked as when created; a disabled rule does nothing */
    patch: operations['EventRules_update'];
    trace?: never;
  };
  '/v1/event-rules/{id}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A rule's action runs, newest first, with status (sent, skipped, failed) and reason */
    get: operations['EventRules_runs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The workspace's events, soonest `at` first, optionally of one status (scheduled, fired, cancelled), paged */
    get: operations['Events_list'];
    put?: never;
    /** Publish a workspace event (form_submitted, appointment_due...) for the event rules, now or at `at` (stored until then, cancellable) */
    post: operations['Events_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/events/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Cancel a scheduled event before it fires (409 once it fired or was cancelled) */
    delete: operations['Events_cancel'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List members, by phone, by a search text (part of a name, email or phone) or by a CEL filter such as member.notify_whatsapp, paged */
    get: operations['Members_list'];
    put?: never;
    /** Create a member (notifyWhatsapp defaults to false); attributes is a JSON object of your own data about them (identifier keys, at most 50, 8 KiB) */
    post: operations['Members_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/members/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a member */
    get: operations['Members_get'];
    put?: never;
    post?: never;
    /** Erase a member everywhere: their record and preference history now, and on the member.erased event their chat messages and media (chats), send addresses and bodies (outbound) and run data (workflow); audited with who, when and the member id only. A STOP they sent still holds for their phone. Repeating it answers the first erasure. */
    delete: operations['Members_erase'];
    options?: never;
    head?: never;
    /** Change a member's fields, notification switches and opt-out (audited with source api; optedOut goes through the same rule and history as STOP/START); attributes are merged, a key set to null is removed */
    patch: operations['Members_update'];
    trace?: never;
  };
  '/v1/members/{id}/preference-changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A member's preference audit trail, newest first */
    get: operations['Members_changes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/members/{id}/windows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A member's 24-hour WhatsApp/SMS windows per number */
    get: operations['Members_windows'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send an SMS or WhatsApp message to a member, or to a phone (the member who has it, if any, is checked like any member; a phone that replied STOP is refused). Checks run first: the answer says sent, skipped or failed and why */
    post: operations['Messages_send'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A sent message with its current delivery status */
    get: operations['Messages_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/phone-numbers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the workspace's numbers */
    get: operations['PhoneNumbers_list'];
    put?: never;
    /** Assign a Twilio number to the workspace the admin's session names (X-Workspace-Id); refused (403) for workspace keys and members: the operator assigns numbers with POST /v1/workspaces/{id}/phone-numbers */
    post: operations['PhoneNumbers_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/phone-numbers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a number */
    get: operations['PhoneNumbers_get'];
    put?: never;
    post?: never;
    /** Archive a number: it stops receiving and sending */
    delete: operations['PhoneNumbers_archive'];
    options?: never;
    head?: never;
    /** Change a number's settings (WhatsApp on needs the workspace feature) */
    patch: operations['PhoneNumbers_update'];
    trace?: never;
  };
  '/v1/routines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The workspace's routines, oldest first, each with its latest run's progress, paged */
    get: operations['Routines_list'];
    put?: never;
    /** Create a broadcast: a CEL member filter and an action, on a cron schedule or on demand */
    post: operations['Routines_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/routines/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A routine with the progress of its latest run */
    get: operations['Routines_get'];
    put?: never;
    post?: never;
    /** Delete a routine with its runs and results (a running run is cancelled first) */
    delete: operations['Routines_delete'];
    options?: never;
    head?: never;
    /** Change a routine (name, memberFilter, action, schedule, paused), checked as when created; a paused routine does nothing */
    patch: operations['Routines_update'];
    trace?: never;
  };
  '/v1/routines/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel the running run: it stops taking members at once and its progress says how far it got */
    post: operations['Routines_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/routines/{id}/run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a run now (progress follows on GET); a paused routine is refused */
    post: operations['Routines_run'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/routines/{id}/runs/{runId}/results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Per-member results of a run (pending; accepted by outbound; sent once handed to Twilio; skipped or failed with the reason; undelivered with Twilio's errorCode and reason), by member, paged */
    get: operations['Routines_results'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user's sessions, newest first */
    get: operations['Sessions_list'];
    put?: never;
    /** Sign in: sets the ta_session cookie (wrong email or password: 401, too many attempts: 429) */
    post: operations['Sessions_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** End one of your sessions (another browser, say) */
    delete: operations['Sessions_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions/current': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user (with the workspaces they may pick) and this session */
    get: operations['Sessions_current'];
    put?: never;
    post?: never;
    /** Sign out (ends this session and clears the cookie) */
    delete: operations['Sessions_signOut'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions/current/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change your password; your other sessions end */
    post: operations['Sessions_password'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Server-Sent Events of the workspace's chats as they happen: chat.opened, message.created, message.updated, chat.taken_over, chat.handed_back, chat.waiting, chat.left_queue, chat.assigned, chat.read, chat.closed; each event id is its position in the stream, and reconnecting with Last-Event-ID replays what was missed
     * @description Each event names its type and carries the chat as it is now (and the message for message.* events). A comment line (": heartbeat") comes every 15 s. An event "resync" means events were missed (the client read too slowly and is disconnected, or more were missed than a reconnect replays): reload the chats, then carry on.
     *
     *     ```
     *     retry: 3000
     *
     *     id: 1042
     *     event: message.created
     *     data: {"type":"message.created","chat":{"id":"3f0c...","channel":"whatsapp","heldBy":null,"unreadCount":1,...},"message":{"id":"9b1e...","direction":"inbound","body":"Hi, can I move my appointment?","status":"received",...},"at":"2026-11-30T09:15:02.120Z"}
     *
     *     : heartbeat
     *
     *     event: resync
     *     data: {"reason":"slow_client"}
     *
     *     ```
     */
    get: operations['Stream_stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every console user, by email */
    get: operations['Users_list'];
    put?: never;
    /** Create a console user (admin: everything; member: the workspaces listed) */
    post: operations['Users_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a user */
    get: operations['Users_get'];
    put?: never;
    post?: never;
    /** Delete a user (their sessions end) */
    delete: operations['Users_delete'];
    options?: never;
    head?: never;
    /** Change a user's role, workspaces, password or disabled state (disabling or a new password ends their sessions) */
    patch: operations['Users_change'];
    trace?: never;
  };
  '/v1/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the workspace's webhook endpoints (never their secrets) */
    get: operations['Webhooks_list'];
    put?: never;
    /** Register an HTTPS endpoint for chat and message events (all types, or those listed); the signing secret is shown only in this answer */
    post: operations['Webhooks_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One webhook endpoint */
    get: operations['Webhooks_get'];
    put?: never;
    post?: never;
    /** Delete an endpoint and its deliveries */
    delete: operations['Webhooks_delete'];
    options?: never;
    head?: never;
    /** Change an endpoint (url, description, events); enabled: true turns a disabled one back on */
    patch: operations['Webhooks_change'];
    trace?: never;
  };
  '/v1/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An endpoint's deliveries, newest first, with their outcome (status, attempts, last HTTP status or error); ?status= keeps one outcome, paged by nextCursor */
    get: operations['Webhooks_deliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workflows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The workspace's workflows (latest versions) */
    get: operations['Workflows_list'];
    put?: never;
    /** Save a new workflow (version 1); JSON or YAML body */
    post: operations['Workflows_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workflows/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest version of a workflow */
    get: operations['Workflows_get'];
    /** Save a new version (running chats keep theirs); JSON or YAML body */
    put: operations['Workflows_update'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workflows/{id}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A workflow's versions, newest first, each with its steps */
    get: operations['Workflows_versions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspace': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The calling key's workspace, with its features */
    get: operations['CurrentWorkspace_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every workspace, by name */
    get: operations['Workspaces_list'];
    put?: never;
    /** Create a workspace */
    post: operations['Workspaces_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a workspace */
    get: operations['Workspaces_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a workspace's operator settings: dailySendQuota (sends accepted per UTC day; null: none) */
    patch: operations['Workspaces_update'];
    trace?: never;
  };
  '/v1/workspaces/{id}/features/{feature}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Switch a feature (such as whatsapp) on */
    put: operations['Workspaces_enable'];
    post?: never;
    /** Switch a feature off */
    delete: operations['Workspaces_disable'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{id}/phone-numbers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign a Twilio number to the workspace (WhatsApp on needs the feature; reassign: true takes a number another workspace archived) */
    post: operations['Workspaces_assignNumber'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspaceId}/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a workspace's keys (ids and prefixes, revoked ones too) */
    get: operations['ApiKeys_list'];
    put?: never;
    /** Issue a workspace API key with its permissions (read, send, manage; all by default) and optional expiry; the key is shown only in this answer */
    post: operations['ApiKeys_issue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspaceId}/api-keys/{keyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a key (takes effect within seconds on every replica) */
    delete: operations['ApiKeys_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: {
    ActionRunPage: {
      items: {
        /** Format: uuid */
        chatId: string | null;
        /** Format: date-time */
        createdAt: string;
        errorCode: string | null;
        eventId: string | null;
        /** Format: uuid */
        id: string;
        /** Format: uuid */
        memberId: string | null;
        reason: string | null;
        /** Format: uuid */
        routineId: string | null;
        /** Format: uuid */
        ruleId: string | null;
        /** Format: uuid */
        sendId: string | null;
        /** @enum {string} */
        status: 'pending' | 'accepted' | 'sent' | 'skipped' | 'failed' | 'undelivered';
      }[];
      nextCursor: string | null;
    };
    ApiKey: {
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      expiresAt: string | null;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      lastUsedAt: string | null;
      name: string | null;
      permissions: ('read' | 'send' | 'manage')[];
      prefix: string;
      /** Format: date-time */
      revokedAt: string | null;
      /** Format: uuid */
      workspaceId: string;
    };
    /**
     * @example {
     *       "id": "0b6f1c2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
     *       "workspaceId": "6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
     *       "phoneNumberId": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
     *       "memberId": "1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a",
     *       "channel": "whatsapp",
     *       "status": "closed",
     *       "lastMessageAt": "2026-03-02T09:15:00.000Z",
     *       "createdAt": "2026-03-02T09:14:00.000Z",
     *       "heldBy": null,
     *       "waitingSince": null,
     *       "handoffReason": null,
     *       "assignedTo": null,
     *       "unreadCount": 0,
     *       "closesAt": null,
     *       "closedAt": "2026-03-03T09:15:00.000Z",
     *       "closedReason": "inactivity"
     *     }
     */
    Chat: {
      assignedTo: {
        actor: string;
        name: string;
      } | null;
      /** @enum {string} */
      channel: 'sms' | 'whatsapp';
      /** Format: date-time */
      closedAt: string | null;
      /** @enum {string|null} */
      closedReason: 'inactivity' | 'request' | 'agent' | null;
      /** Format: date-time */
      closesAt: string | null;
      /** Format: date-time */
      createdAt: string;
      handoffReason: string | null;
      heldBy: {
        actor: string;
        name: string;
        /** Format: date-time */
        since: string;
      } | null;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      lastMessageAt: string | null;
      /** Format: uuid */
      memberId: string;
      /** Format: uuid */
      phoneNumberId: string;
      /** @enum {string} */
      status: 'open' | 'closed';
      unreadCount: number;
      /** Format: date-time */
      waitingSince: string | null;
      /** Format: uuid */
      workspaceId: string;
    };
    ChatMessagePage: {
      items: {
        body: string | null;
        /** Format: uuid */
        chatId: string;
        choice?: {
          id: string;
          /** @enum {string} */
          kind: 'button' | 'list';
          title: string;
        };
        contentSid: string | null;
        /** Format: date-time */
        createdAt: string;
        /** @enum {string} */
        direction: 'inbound' | 'outbound';
        errorCode: string | null;
        errorReason: string | null;
        /** Format: uuid */
        id: string;
        interactive?:
          | {
              buttons: {
                id: string;
                title: string;
              }[];
              /** @enum {string} */
              type: 'buttons';
            }
          | {
              button: string;
              items: {
                description?: string;
                id: string;
                title: string;
              }[];
              /** @enum {string} */
              type: 'list';
            };
        media: {
          contentType: string;
          refused?: {
            code: string;
            reason: string;
          };
          stored?: {
            key: string;
            size: number;
          };
          transcript?: string;
          url: string;
          viewUrl?: string;
        }[];
        sendId: string | null;
        /** @enum {string} */
        status:
          | 'received'
          | 'pending'
          | 'queued'
          | 'sending'
          | 'sent'
          | 'delivered'
          | 'read'
          | 'undelivered'
          | 'failed'
          | 'skipped';
        twilioSid: string | null;
      }[];
      nextCursor: string | null;
    };
    ChatPage: {
      items: components['schemas']['Chat'][];
      nextCursor: string | null;
    };
    ConversationWindow: {
      /** @enum {string} */
      channel: 'sms' | 'whatsapp';
      /** Format: date-time */
      expiresAt: string;
      /** Format: date-time */
      lastInboundAt: string;
      /** Format: uuid */
      memberId: string;
      open: boolean;
      /** Format: uuid */
      phoneNumberId: string;
    };
    CreatedApiKey: {
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      expiresAt: string | null;
      /** Format: uuid */
      id: string;
      /** @description The key itself: shown once, store it now. */
      key: string;
      /** Format: date-time */
      lastUsedAt: string | null;
      name: string | null;
      permissions: ('read' | 'send' | 'manage')[];
      prefix: string;
      /** Format: date-time */
      revokedAt: string | null;
      /** Format: uuid */
      workspaceId: string;
    };
    CreatedWebhook: {
      /** Format: date-time */
      createdAt: string;
      description: string | null;
      disabledReason: string | null;
      enabled: boolean;
      /** @description Event types delivered; empty = every type. */
      events: (
        | 'chat.opened'
        | 'message.created'
        | 'message.updated'
        | 'chat.taken_over'
        | 'chat.handed_back'
        | 'chat.waiting'
        | 'chat.left_queue'
        | 'chat.assigned'
        | 'chat.read'
        | 'chat.closed'
      )[];
      /** Format: date-time */
      failingSince: string | null;
      /** Format: uuid */
      id: string;
      /** @description Signs every delivery (X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">): shown once, store it now. */
      secret: string;
      /** Format: date-time */
      updatedAt: string;
      url: string;
    };
    /**
     * @example {
     *       "user": {
     *         "id": "3b0f8c4e-2d7a-4a51-9f3e-7c1d2b4a6e90",
     *         "email": "ana@sunrise-dental.example",
     *         "role": "member",
     *         "workspaces": [
     *           {
     *             "id": "6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
     *             "name": "Sunrise Dental"
     *           }
     *         ]
     *       },
     *       "session": {
     *         "id": "9d2e4f6a-1b3c-4d5e-8f70-a1b2c3d4e5f6",
     *         "createdAt": "2025-01-15T09:30:00.000Z",
     *         "expiresAt": "2025-01-15T21:30:00.000Z"
     *       }
     *     }
     */
    CurrentSession: {
      session: {
        /** Format: date-time */
        createdAt: string;
        /** Format: date-time */
        expiresAt: string;
        /** Format: uuid */
        id: string;
      };
      user: {
        email: string;
        /** Format: uuid */
        id: string;
        /** @enum {string} */
        role: 'admin' | 'member';
        workspaces: {
          /** Format: uuid */
          id: string;
          name: string;
        }[];
      };
    };
    /**
     * @example {
     *       "id": "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
     *       "kind": "inbound_rejected",
     *       "code": "whatsapp_disabled",
     *       "reason": "WhatsApp message dropped: WhatsApp is turned off on this phone number (open the number, turn on WhatsApp, Save).",
     *       "channel": "whatsapp",
     *       "address": "+1555***0001",
     *       "links": {
     *         "phoneNumberId": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
     *         "memberId": null,
     *         "chatId": null,
     *         "messageSid": "SM0123456789abcdef0123456789abcdef",
     *         "sendId": null,
     *         "ruleRunId": null,
     *         "routineRunId": null
     *       },
     *       "occurredAt": "2026-11-30T09:15:00.000Z"
     *     }
     */
    Diagnostic: {
      /**
       * @description The member's address, masked.
       * @example +1555***0001
       */
      address: string | null;
      /** @enum {string|null} */
      channel: 'sms' | 'whatsapp' | null;
      /**
       * @description A stable code for the reason.
       * @example whatsapp_disabled
       */
      code: string;
      /** Format: uuid */
      id: string;
      /**
       * @description inbound_rejected (routing dropped the message), media_refused (a file not kept), turn_skipped (the workflow did not answer), send_skipped / send_failed (outbound refused a send before Twilio), delivery_failed (Twilio could not deliver).
       * @enum {string}
       */
      kind:
        | 'inbound_rejected'
        | 'media_refused'
        | 'turn_skipped'
        | 'send_skipped'
        | 'send_failed'
        | 'delivery_failed';
      links: {
        /**
         * Format: uuid
         * @default null
         */
        chatId: string | null;
        /**
         * Format: uuid
         * @default null
         */
        memberId: string | null;
        /** @default null */
        messageSid: string | null;
        /**
         * Format: uuid
         * @default null
         */
        phoneNumberId: string | null;
        /**
         * Format: uuid
         * @default null
         */
        routineRunId: string | null;
        /**
         * Format: uuid
         * @default null
         */
        ruleRunId: string | null;
        /**
         * Format: uuid
         * @default null
         */
        sendId: string | null;
      };
      /** Format: date-time */
      occurredAt: string;
      /** @description Why, in words an operator can act on. */
      reason: string;
    };
    Error: {
      /** @example Not Found */
      error: string;
      /** @example Member not found. */
      message: string;
      /** @example 404 */
      statusCode: number;
    };
    /**
     * @example {
     *       "eventId": "0b4f6c1e-2d3a-8e5f-9a6b-7c8d9e0f1a2b",
     *       "status": "scheduled",
     *       "at": "2026-12-03T09:30:00Z"
     *     }
     */
    EventAccepted: {
      /** Format: date-time */
      at: string;
      eventId: string;
      /** @enum {string} */
      status: 'scheduled' | 'fired' | 'cancelled';
    };
    EventRule: {
      action:
        | {
            contentSid?: string;
            contentVariables?: {
              [key: string]: string;
            };
            initialMessage?: string;
            /** Format: uuid */
            phoneNumberId: string;
            template?: string;
            /** @enum {string} */
            type: 'send_whatsapp';
            /** Format: uuid */
            workflowId?: string;
          }
        | {
            /** Format: uuid */
            phoneNumberId: string;
            template: string;
            /** @enum {string} */
            type: 'send_sms';
          };
      condition: string | null;
      /** Format: date-time */
      createdAt: string;
      enabled: boolean;
      event: string;
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      workspaceId: string;
    };
    EventRulePage: {
      items: components['schemas']['EventRule'][];
      nextCursor: string | null;
    };
    Member: {
      attributes: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      createdAt: string;
      email: string | null;
      firstName: string | null;
      /** Format: uuid */
      id: string;
      lastName: string | null;
      notifyEmail: boolean;
      notifySms: boolean;
      notifyVoice: boolean;
      notifyWhatsapp: boolean;
      optedOut: boolean;
      /** Format: date-time */
      optedOutAt: string | null;
      /** @enum {string|null} */
      optedOutChannel: 'sms' | 'whatsapp' | null;
      /** @example +15551234567 */
      phone: string | null;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      workspaceId: string;
    };
    /**
     * @example {
     *       "memberId": "0b7c6a9e-3d2f-4e1a-9c8b-7a6f5e4d3c2b",
     *       "erasedAt": "2026-11-30T09:12:00.000Z",
     *       "erasedBy": "api-key:6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b"
     *     }
     */
    MemberErasure: {
      /** Format: date-time */
      erasedAt: string;
      erasedBy: string;
      /** Format: uuid */
      memberId: string;
    };
    MemberPage: {
      items: components['schemas']['Member'][];
      nextCursor: string | null;
    };
    PhoneNumber: {
      archived: boolean;
      brandName: string | null;
      businessHours: {
        days: {
          [key: string]: {
            close: string;
            open: string;
          }[];
        };
        timeZone: string;
      } | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      defaultWorkflowId: string | null;
      /**
       * @default null
       * @example 300
       */
      handoffTimeoutSeconds: number | null;
      /**
       * @default null
       * @example Thanks for waiting: a member of our team will answer you shortly.
       */
      holdingMessage: string | null;
      /** Format: uuid */
      id: string;
      /**
       * @default PT24H
       * @example PT24H
       */
      inactivityCloseAfter: string;
      /**
       * @default {
       *       "optOut": null,
       *       "optIn": null,
       *       "help": null
       *     }
       * @example {
       *       "optOut": "Sunrise Dental: you will get no more messages. Reply START to return.",
       *       "optIn": null,
       *       "help": null
       *     }
       */
      keywordReplies: {
        help: string | null;
        optIn: string | null;
        optOut: string | null;
      };
      /**
       * @default {
       *       "optOut": [
       *         "STOP",
       *         "STOPALL",
       *         "UNSUBSCRIBE",
       *         "CANCEL",
       *         "END",
       *         "QUIT",
       *         "OPTOUT",
       *         "REVOKE"
       *       ],
       *       "optIn": [
       *         "START",
       *         "UNSTOP",
       *         "YES"
       *       ],
       *       "help": [
       *         "HELP",
       *         "INFO"
       *       ]
       *     }
       * @example {
       *       "optOut": [
       *         "STOP",
       *         "STOPALL",
       *         "UNSUBSCRIBE",
       *         "CANCEL",
       *         "END",
       *         "QUIT",
       *         "OPTOUT",
       *         "REVOKE"
       *       ],
       *       "optIn": [
       *         "START",
       *         "UNSTOP",
       *         "YES"
       *       ],
       *       "help": [
       *         "HELP",
       *         "INFO"
       *       ]
       *     }
       */
      keywords: {
        help: string[];
        optIn: string[];
        optOut: string[];
      };
      /** @example +15551234567 */
      number: string;
      offHoursMessage: string | null;
      sendRatePerSecond: number | null;
      smsDisabledMessage: string | null;
      smsEnabled: boolean;
      /** Format: date-time */
      updatedAt: string;
      whatsappEnabled: boolean;
      whatsappSandbox: boolean;
      /**
       * @default null
       * @example bright-tiger
       */
      whatsappSandboxJoinCode: string | null;
      /**
       * @default ai
       * @example ai_with_handoff
       * @enum {string}
       */
      workMode: 'ai' | 'human' | 'ai_with_handoff';
      /** Format: uuid */
      workspaceId: string;
    };
    PhoneNumberPage: {
      items: components['schemas']['PhoneNumber'][];
      nextCursor: string | null;
    };
    PreferenceChangePage: {
      items: {
        /** Format: date-time */
        changedAt: string;
        field: string;
        /** Format: uuid */
        id: string;
        /** Format: uuid */
        memberId: string;
        newValue: unknown;
        oldValue: unknown;
        source: {
          /** @default null */
          ref: string | null;
          /** @enum {string} */
          type: 'api' | 'keyword' | 'inbound' | 'import' | 'system';
        };
      }[];
      nextCursor: string | null;
    };
    Routine: {
      action:
        | {
            contentSid?: string;
            contentVariables?: {
              [key: string]: string;
            };
            initialMessage?: string;
            /** Format: uuid */
            phoneNumberId: string;
            template?: string;
            /** @enum {string} */
            type: 'send_whatsapp';
            /** Format: uuid */
            workflowId?: string;
          }
        | {
            /** Format: uuid */
            phoneNumberId: string;
            template: string;
            /** @enum {string} */
            type: 'send_sms';
          };
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      memberFilter: string;
      name: string;
      oncePer: string | null;
      paused: boolean;
      progress: {
        accepted: number;
        error: string | null;
        failed: number;
        /** Format: date-time */
        finishedAt: string | null;
        matched: number;
        /** Format: uuid */
        runId: string | null;
        sent: number;
        skipped: number;
        /** Format: date-time */
        startedAt: string | null;
        /** @enum {string} */
        state: 'idle' | 'running' | 'done' | 'cancelled';
        undelivered: number;
      };
      schedule: string | null;
      /** Format: uuid */
      workspaceId: string;
    };
    RoutinePage: {
      items: components['schemas']['Routine'][];
      nextCursor: string | null;
    };
    RoutineRunResultPage: {
      items: {
        /** Format: uuid */
        chatId: string | null;
        errorCode: string | null;
        /** Format: uuid */
        memberId: string;
        reason: string | null;
        /** Format: uuid */
        sendId: string | null;
        /** @enum {string} */
        status: 'pending' | 'accepted' | 'sent' | 'skipped' | 'failed' | 'undelivered';
        /** Format: date-time */
        updatedAt: string;
      }[];
      nextCursor: string | null;
    };
    /**
     * @example {
     *       "eventId": "0b4f6c1e-2d3a-8e5f-9a6b-7c8d9e0f1a2b",
     *       "type": "appointment_due",
     *       "memberId": "6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
     *       "data": {
     *         "appointment_at": "2026-12-04T09:30:00Z"
     *       },
     *       "at": "2026-12-03T09:30:00Z",
     *       "status": "scheduled",
     *       "firedAt": null,
     *       "cancelledAt": null,
     *       "createdAt": "2026-11-30T08:00:00Z"
     *     }
     */
    ScheduledEvent: {
      /** Format: date-time */
      at: string;
      /** Format: date-time */
      cancelledAt: string | null;
      /** Format: date-time */
      createdAt: string;
      data: {
        [key: string]: unknown;
      };
      eventId: string;
      /** Format: date-time */
      firedAt: string | null;
      /** Format: uuid */
      memberId: string | null;
      /** @enum {string} */
      status: 'scheduled' | 'fired' | 'cancelled';
      type: string;
    };
    ScheduledEventPage: {
      items: {
        /** Format: date-time */
        at: string;
        /** Format: date-time */
        cancelledAt: string | null;
        /** Format: date-time */
        createdAt: string;
        data: {
          [key: string]: unknown;
        };
        eventId: string;
        /** Format: date-time */
        firedAt: string | null;
        /** Format: uuid */
        memberId: string | null;
        /** @enum {string} */
        status: 'scheduled' | 'fired' | 'cancelled';
        type: string;
      }[];
      nextCursor: string | null;
    };
    SendRecord: {
      body: string | null;
      /** @enum {string} */
      channel: 'sms' | 'whatsapp';
      contentSid: string | null;
      /** Format: date-time */
      createdAt: string;
      errorCode: string | null;
      /** Format: uuid */
      id: string;
      idempotencyKey: string;
      interactive?:
        | {
            buttons: {
              id: string;
              title: string;
            }[];
            /** @enum {string} */
            type: 'buttons';
          }
        | {
            button: string;
            items: {
              description?: string;
              id: string;
              title: string;
            }[];
            /** @enum {string} */
            type: 'list';
          };
      /** @default [] */
      mediaUrls: string[];
      /** Format: uuid */
      memberId: string | null;
      /** Format: uuid */
      phoneNumberId: string;
      reason: string | null;
      /** @enum {string} */
      status:
        | 'pending'
        | 'queued'
        | 'sending'
        | 'sent'
        | 'delivered'
        | 'read'
        | 'undelivered'
        | 'failed'
        | 'skipped';
      twilioSid: string | null;
      /** Format: date-time */
      updatedAt: string;
    };
    SendResult: {
      /** Format: uuid */
      id: string;
      reason: string | null;
      /** @enum {string} */
      status:
        | 'pending'
        | 'queued'
        | 'sending'
        | 'sent'
        | 'delivered'
        | 'read'
        | 'undelivered'
        | 'failed'
        | 'skipped';
    };
    /**
     * @example {
     *       "items": [
     *         {
     *           "id": "9d2e4f6a-1b3c-4d5e-8f70-a1b2c3d4e5f6",
     *           "createdAt": "2025-01-15T09:30:00.000Z",
     *           "expiresAt": "2025-01-15T21:30:00.000Z",
     *           "lastSeenAt": "2025-01-15T10:02:00.000Z",
     *           "userAgent": "Mozilla/5.0 (X11; Linux x86_64)",
     *           "current": true
     *         }
     *       ]
     *     }
     */
    SessionList: {
      items: {
        /** Format: date-time */
        createdAt: string;
        current: boolean;
        /** Format: date-time */
        expiresAt: string;
        /** Format: uuid */
        id: string;
        /** Format: date-time */
        lastSeenAt: string;
        userAgent: string | null;
      }[];
    };
    /**
     * @example {
     *       "user": {
     *         "id": "3b0f8c4e-2d7a-4a51-9f3e-7c1d2b4a6e90",
     *         "email": "ana@sunrise-dental.example",
     *         "role": "member",
     *         "workspaces": [
     *           {
     *             "id": "6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
     *             "name": "Sunrise Dental"
     *           }
     *         ]
     *       }
     *     }
     */
    SignedIn: {
      user: {
        email: string;
        /** Format: uuid */
        id: string;
        /** @enum {string} */
        role: 'admin' | 'member';
        workspaces: {
          /** Format: uuid */
          id: string;
          name: string;
        }[];
      };
    };
    /**
     * @example {
     *       "id": "3b0f8c4e-2d7a-4a51-9f3e-7c1d2b4a6e90",
     *       "email": "ana@sunrise-dental.example",
     *       "role": "member",
     *       "workspaceIds": [
     *         "6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b"
     *       ],
     *       "disabled": false,
     *       "createdAt": "2025-01-15T09:30:00.000Z",
     *       "updatedAt": "2025-01-15T09:30:00.000Z"
     *     }
     */
    User: {
      /** Format: date-time */
      createdAt: string;
      disabled: boolean;
      email: string;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      role: 'admin' | 'member';
      /** Format: date-time */
      updatedAt: string;
      workspaceIds: string[];
    };
    UserList: {
      items: components['schemas']['User'][];
    };
    /**
     * @example {
     *       "id": "3f6c1d2e-9a8b-4c7d-8e6f-5a4b3c2d1e0f",
     *       "url": "https://crm.example.com/hooks/twilio-agents",
     *       "description": "CRM",
     *       "events": [
     *         "message.created",
     *         "chat.closed"
     *       ],
     *       "enabled": true,
     *       "disabledReason": null,
     *       "failingSince": null,
     *       "createdAt": "2026-11-30T09:00:00.000Z",
     *       "updatedAt": "2026-11-30T09:00:00.000Z"
     *     }
     */
    Webhook: {
      /** Format: date-time */
      createdAt: string;
      description: string | null;
      disabledReason: string | null;
      enabled: boolean;
      /** @description Event types delivered; empty = every type. */
      events: (
        | 'chat.opened'
        | 'message.created'
        | 'message.updated'
        | 'chat.taken_over'
        | 'chat.handed_back'
        | 'chat.waiting'
        | 'chat.left_queue'
        | 'chat.assigned'
        | 'chat.read'
        | 'chat.closed'
      )[];
      /** Format: date-time */
      failingSince: string | null;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      updatedAt: string;
      url: string;
    };
    WebhookDeliveryPage: {
      items: {
        attempts: number;
        /** Format: date-time */
        createdAt: string;
        /** Format: date-time */
        deliveredAt: string | null;
        eventId: string;
        eventType: string;
        /** Format: uuid */
        id: string;
        lastError: string | null;
        lastStatusCode: number | null;
        /** Format: date-time */
        nextAttemptAt: string | null;
        /** @enum {string} */
        status: 'pending' | 'delivered' | 'failed';
      }[];
      nextCursor: string | null;
    };
    Workflow: {
      /** Format: date-time */
      createdAt: string;
      definition: unknown[];
      /** Format: uuid */
      id: string;
      name: string;
      /** Format: date-time */
      updatedAt: string;
      version: number;
      /** Format: uuid */
      workspaceId: string;
    };
    WorkflowPage: {
      items: components['schemas']['Workflow'][];
      nextCursor: string | null;
    };
    Workspace: {
      /** Format: date-time */
      createdAt: string;
      /**
       * @description Sends accepted per UTC day at most (operator); null: no quota.
       * @default null
       * @example 5000
       */
      dailySendQuota: number | null;
      features: 'whatsapp'[];
      /** Format: uuid */
      id: string;
      name: string;
    };
    WorkspaceList: {
      items: components['schemas']['Workspace'][];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
  Chats_list: {
    parameters: {
      query?: {
        channel?: 'sms' | 'whatsapp';
        cursor?: string;
        limit?: number;
        memberId?: string;
        waiting?: 'true' | 'false';
      };
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChatPage'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Chats_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Chat'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Chats_assign: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          userId: string | null;
        };
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Chat'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with an existing resource. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request breaks a rule (for example WhatsApp without the workspace feature). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Chats_close: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Chat'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Chats_handBack: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Chat'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with an existing resource. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Chats_messages: {
    parameters: {
      query?: {
        limit?: number;
        newest?: 'true' | 'false';
      };
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChatMessagePage'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Chats_send: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retrying with the same key sends at most one message (or give idempotencyKey in the body). */
        'Idempotency-Key'?: string;
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          body?: string;
          idempotencyKey?: string;
          /**
           * @example [
           *       "https://example.com/images/menu.jpg"
           *     ]
           */
          mediaUrls?: string[];
        };
      };
    };
    responses: {
      /** @description Success. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SendResult'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with an existing resource. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request breaks a rule (for example WhatsApp without the workspace feature). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Chats_read: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Chat'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Chats_takeOver: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Chat'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with an existing resource. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Diagnostics_list: {
    parameters: {
      query?: {
        cursor?: string;
        kind?:
          | 'inbound_rejected'
          | 'media_refused'
          | 'turn_skipped'
          | 'send_skipped'
          | 'send_failed'
          | 'delivery_failed';
        limit?: number;
        since?: string;
      };
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Diagnostic'][];
            /** @description Pass as cursor for the next page. */
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  UnassignedDiagnostics_list: {
    parameters: {
      query?: {
        cursor?: string;
        kind?:
          | 'inbound_rejected'
          | 'media_refused'
          | 'turn_skipped'
          | 'send_skipped'
          | 'send_failed'
          | 'delivery_failed';
        limit?: number;
        since?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Diagnostic'][];
            /** @description Pass as cursor for the next page. */
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A workspace key, or a session that is not an admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  EventRules_list: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventRulePage'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  EventRules_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          action:
            | {
                contentSid?: string;
                contentVariables?: {
                  [key: string]: string;
                };
                initialMessage?: string;
                /** Format: uuid */
                phoneNumberId: string;
                template?: string;
                /** @enum {string} */
                type: 'send_whatsapp';
                /** Format: uuid */
                workflowId?: string;
              }
            | {
                /** Format: uuid */
                phoneNumberId: string;
                template: string;
                /** @enum {string} */
                type: 'send_sms';
              };
          condition?: string;
          event: string;
        };
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventRule'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request breaks a rule (for example WhatsApp without the workspace feature). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  EventRules_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventRule'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  EventRules_delete: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  EventRules_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          action?:
            | {
                contentSid?: string;
                contentVariables?: {
                  [key: string]: string;
                };
                initialMessage?: string;
                /** Format: uuid */
                phoneNumberId: string;
                template?: string;
                /** @enum {string} */
                type: 'send_whatsapp';
                /** Format: uuid */
                workflowId?: string;
              }
            | {
                /** Format: uuid */
                phoneNumberId: string;
                template: string;
                /** @enum {string} */
                type: 'send_sms';
              };
          condition?: string | null;
          enabled?: boolean;
          event?: string;
        };
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventRule'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request breaks a rule (for example WhatsApp without the workspace feature). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  EventRules_runs: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActionRunPage'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Events_list: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        status?: 'scheduled' | 'fired' | 'cancelled';
      };
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScheduledEventPage'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Events_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retrying with the same key (or body eventId) publishes (or schedules) the event once. */
        'Idempotency-Key'?: string;
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date-time */
          at?: string;
          data?: {
            [key: string]: unknown;
          };
          eventId?: string;
          /** Format: uuid */
          memberId?: string | null;
          /** Format: date-time */
          occurredAt?: string;
          type: string;
        };
      };
    };
    responses: {
      /** @description Success. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventAccepted'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Events_cancel: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScheduledEvent'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with an existing resource. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Members_list: {
    parameters: {
      query?: {
        cursor?: string;
        filter?: string;
        limit?: number;
        phone?: string;
        search?: string;
      };
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberPage'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Members_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retrying with the same key (per workspace, for 24 hours) creates the member once: the repeat answers 201 with the same member and `Idempotent-Replayed: true`; the same key with other fields is refused (422). */
        'Idempotency-Key'?: string;
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          attributes?: {
            [key: string]: unknown;
          };
          /** Format: email */
          email?: string | null;
          firstName?: string | null;
          lastName?: string | null;
          notifyEmail?: boolean;
          notifySms?: boolean;
          notifyVoice?: boolean;
          notifyWhatsapp?: boolean;
          phone?: string | null;
        };
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          /** @description true when the Idempotency-Key had already created this member (nothing new was created). */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Member'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with an existing resource. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request breaks a rule (for example WhatsApp without the workspace feature). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Members_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Member'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Members_erase: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberErasure'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Members_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          attributes?: {
            [key: string]: unknown;
          };
          /** Format: email */
          email?: string | null;
          firstName?: string | null;
          lastName?: string | null;
          notifyEmail?: boolean;
          notifySms?: boolean;
          notifyVoice?: boolean;
          notifyWhatsapp?: boolean;
          optedOut?: boolean;
          phone?: string | null;
        };
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Member'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with an existing resource. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Members_changes: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PreferenceChangePage'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Members_windows: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items?: components['schemas']['ConversationWindow'][];
          };
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Messages_send: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retrying with the same key sends at most one message (or give idempotencyKey in the body). */
        'Idempotency-Key'?: string;
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          body?: string;
          /** @enum {string} */
          channel: 'sms' | 'whatsapp';
          contentSid?: string;
          contentVariables?: {
            [key: string]: string;
          };
          idempotencyKey?: string;
          interactive?:
            | {
                buttons: {
                  id: string;
                  title: string;
                }[];
                /** @enum {string} */
                type: 'buttons';
              }
            | {
                button: string;
                items: {
                  description?: string;
                  id: string;
                  title: string;
                }[];
                /** @enum {string} */
                type: 'list';
              };
          /**
           * @example [
           *       "https://example.com/images/menu.jpg"
           *     ]
           */
          mediaUrls?: string[];
          /** Format: uuid */
          memberId?: string;
          /** Format: uuid */
          phoneNumberId: string;
          /** @example +15551234567 */
          to?: string;
        };
      };
    };
    responses: {
      /** @description Success. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SendResult'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request breaks a rule (for example WhatsApp without the workspace feature). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Messages_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SendRecord'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PhoneNumbers_list: {
    parameters: {
      query?: {
        includeArchived?: 'true' | 'false';
      };
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PhoneNumberPage'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PhoneNumbers_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          brandName?: string | null;
          businessHours?: {
            days: {
              [key: string]: {
                close: string;
                open: string;
              }[];
            };
            timeZone: string;
          } | null;
          /** Format: uuid */
          defaultWorkflowId?: string | null;
          /** @example 300 */
          handoffTimeoutSeconds?: number | null;
          /** @example Thanks for waiting: a person will answer shortly. */
          holdingMessage?: string | null;
          /** @example PT24H */
          inactivityCloseAfter?: string;
          /**
           * @example {
           *       "help": "Sunrise Dental: call us on +15551234567. Reply STOP to stop."
           *     }
           */
          keywordReplies?: {
            help?: string | null;
            optIn?: string | null;
            optOut?: string | null;
          } | null;
          /**
           * @example {
           *       "optOut": [
           *         "STOP",
           *         "ARRET"
           *       ],
           *       "optIn": [
           *         "START"
           *       ]
           *     }
           */
          keywords?: {
            help?: string[];
            optIn?: string[];
            optOut?: string[];
          } | null;
          number: string;
          offHoursMessage?: string | null;
          sendRatePerSecond?: number | null;
          smsDisabledMessage?: string | null;
          smsEnabled?: boolean;
          whatsappEnabled?: boolean;
          whatsappSandbox?: boolean;
          /** @example bright-tiger */
          whatsappSandboxJoinCode?: string | null;
          /**
           * @example ai_with_handoff
           * @enum {string}
           */
          workMode?: 'ai' | 'human' | 'ai_with_handoff';
        };
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PhoneNumber'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with an existing resource. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request breaks a rule (for example WhatsApp without the workspace feature). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PhoneNumbers_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PhoneNumber'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PhoneNumbers_archive: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PhoneNumber'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PhoneNumbers_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          brandName?: string | null;
          businessHours?: {
            days: {
              [key: string]: {
                close: string;
                open: string;
              }[];
            };
            timeZone: string;
          } | null;
          /** Format: uuid */
          defaultWorkflowId?: string | null;
          /** @example 300 */
          handoffTimeoutSeconds?: number | null;
          /** @example Thanks for waiting: a person will answer shortly. */
          holdingMessage?: string | null;
          /** @example PT24H */
          inactivityCloseAfter?: string;
          /**
           * @example {
           *       "help": "Sunrise Dental: call us on +15551234567. Reply STOP to stop."
           *     }
           */
          keywordReplies?: {
            help?: string | null;
            optIn?: string | null;
            optOut?: string | null;
          } | null;
          /**
           * @example {
           *       "optOut": [
           *         "STOP",
           *         "ARRET"
           *       ],
           *       "optIn": [
           *         "START"
           *       ]
           *     }
           */
          keywords?: {
            help?: string[];
            optIn?: string[];
            optOut?: string[];
          } | null;
          offHoursMessage?: string | null;
          sendRatePerSecond?: number | null;
          smsDisabledMessage?: string | null;
          smsEnabled?: boolean;
          whatsappEnabled?: boolean;
          whatsappSandbox?: boolean;
          /** @example bright-tiger */
          whatsappSandboxJoinCode?: string | null;
          /**
           * @example ai_with_handoff
           * @enum {string}
           */
          workMode?: 'ai' | 'human' | 'ai_with_handoff';
        };
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PhoneNumber'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request breaks a rule (for example WhatsApp without the workspace feature). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Routines_list: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoutinePage'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Routines_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          action:
            | {
                contentSid?: string;
                contentVariables?: {
                  [key: string]: string;
                };
                initialMessage?: string;
                /** Format: uuid */
                phoneNumberId: string;
                template?: string;
                /** @enum {string} */
                type: 'send_whatsapp';
                /** Format: uuid */
                workflowId?: string;
              }
            | {
                /** Format: uuid */
                phoneNumberId: string;
                template: string;
                /** @enum {string} */
                type: 'send_sms';
              };
          memberFilter: string;
          name: string;
          oncePer?: string;
          schedule?: string;
        };
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Routine'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request breaks a rule (for example WhatsApp without the workspace feature). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Routines_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Routine'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Routines_delete: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Routines_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          action?:
            | {
                contentSid?: string;
                contentVariables?: {
                  [key: string]: string;
                };
                initialMessage?: string;
                /** Format: uuid */
                phoneNumberId: string;
                template?: string;
                /** @enum {string} */
                type: 'send_whatsapp';
                /** Format: uuid */
                workflowId?: string;
              }
            | {
                /** Format: uuid */
                phoneNumberId: string;
                template: string;
                /** @enum {string} */
                type: 'send_sms';
              };
          memberFilter?: string;
          name?: string;
          oncePer?: string | null;
          paused?: boolean;
          schedule?: string | null;
        };
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Routine'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request breaks a rule (for example WhatsApp without the workspace feature). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Routines_cancel: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Routine'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with an existing resource. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Routines_run: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Routine'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with an existing resource. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Routines_results: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        status?: 'pending' | 'accepted' | 'sent' | 'skipped' | 'failed' | 'undelivered';
      };
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
        runId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoutineRunResultPage'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Sessions_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionList'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description An API key (keys have no user). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Sessions_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: email */
          email: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedIn'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description An API key (keys have no user). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Sessions_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description An API key (keys have no user). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Sessions_current: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CurrentSession'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description An API key (keys have no user). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Sessions_signOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description An API key (keys have no user). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Sessions_password: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          currentPassword: string;
          newPassword: string;
        };
      };
    };
    responses: {
      /** @description Success. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description An API key (keys have no user). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Stream_stream: {
    parameters: {
      query?: {
        /** @description Same as the Last-Event-ID header. */
        lastEventId?: unknown;
        /** @description With a session: the workspace, for browsers that cannot set X-Workspace-Id (EventSource). */
        workspaceId?: unknown;
      };
      header?: {
        /** @description The id of the last event received: the events after it are sent first (EventSource sends it on reconnect). */
        'Last-Event-ID'?: string;
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': {
            /** Format: date-time */
            at: string;
            chat: components['schemas']['Chat'];
            message: {
              body: string | null;
              /** Format: uuid */
              chatId: string;
              choice?: {
                id: string;
                /** @enum {string} */
                kind: 'button' | 'list';
                title: string;
              };
              contentSid: string | null;
              /** Format: date-time */
              createdAt: string;
              /** @enum {string} */
              direction: 'inbound' | 'outbound';
              errorCode: string | null;
              errorReason: string | null;
              /** Format: uuid */
              id: string;
              interactive?:
                | {
                    buttons: {
                      id: string;
                      title: string;
                    }[];
                    /** @enum {string} */
                    type: 'buttons';
                  }
                | {
                    button: string;
                    items: {
                      description?: string;
                      id: string;
                      title: string;
                    }[];
                    /** @enum {string} */
                    type: 'list';
                  };
              media: {
                contentType: string;
                refused?: {
                  code: string;
                  reason: string;
                };
                stored?: {
                  key: string;
                  size: number;
                };
                transcript?: string;
                url: string;
                viewUrl?: string;
              }[];
              sendId: string | null;
              /** @enum {string} */
              status:
                | 'received'
                | 'pending'
                | 'queued'
                | 'sending'
                | 'sent'
                | 'delivered'
                | 'read'
                | 'undelivered'
                | 'failed'
                | 'skipped';
              twilioSid: string | null;
            } | null;
            /** @enum {string} */
            type:
              | 'chat.opened'
              | 'message.created'
              | 'message.updated'
              | 'chat.taken_over'
              | 'chat.handed_back'
              | 'chat.waiting'
              | 'chat.left_queue'
              | 'chat.assigned'
              | 'chat.read'
              | 'chat.closed';
          };
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Users_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserList'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A workspace key, or a session that is not an admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Users_add: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: email */
          email: string;
          password: string;
          /** @enum {string} */
          role: 'admin' | 'member';
          workspaceIds?: string[];
        };
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A workspace key, or a session that is not an admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with an existing resource. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Users_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A workspace key, or a session that is not an admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Users_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A workspace key, or a session that is not an admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with an existing resource. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Users_change: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          disabled?: boolean;
          password?: string;
          /** @enum {string} */
          role?: 'admin' | 'member';
          workspaceIds?: string[];
        };
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A workspace key, or a session that is not an admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with an existing resource. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Webhooks_list: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items?: components['schemas']['Webhook'][];
          };
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Webhooks_add: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          description?: string;
          events?: (
            | 'chat.opened'
            | 'message.created'
            | 'message.updated'
            | 'chat.taken_over'
            | 'chat.handed_back'
            | 'chat.waiting'
            | 'chat.left_queue'
            | 'chat.assigned'
            | 'chat.read'
            | 'chat.closed'
          )[];
          url: string;
        };
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedWebhook'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request breaks a rule (for example WhatsApp without the workspace feature). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Webhooks_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Webhook'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Webhooks_delete: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Webhook'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Webhooks_change: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          description?: string | null;
          /** @description true turns a disabled endpoint back on. */
          enabled?: boolean;
          events?: (
            | 'chat.opened'
            | 'message.created'
            | 'message.updated'
            | 'chat.taken_over'
            | 'chat.handed_back'
            | 'chat.waiting'
            | 'chat.left_queue'
            | 'chat.assigned'
            | 'chat.read'
            | 'chat.closed'
          )[];
          url?: string;
        };
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Webhook'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Webhooks_deliveries: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        status?: 'pending' | 'delivered' | 'failed';
      };
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryPage'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Workflows_list: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkflowPage'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Workflows_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          definition: unknown[] | string;
          name: string;
        };
        'application/yaml': {
          definition: unknown[] | string;
          name: string;
        };
        'text/yaml': {
          definition: unknown[] | string;
          name: string;
        };
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workflow'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unsupported Content-Type. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request breaks a rule (for example WhatsApp without the workspace feature). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Workflows_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workflow'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Workflows_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          definition: unknown[] | string;
          name: string;
        };
        'application/yaml': {
          definition: unknown[] | string;
          name: string;
        };
        'text/yaml': {
          definition: unknown[] | string;
          name: string;
        };
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workflow'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unsupported Content-Type. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request breaks a rule (for example WhatsApp without the workspace feature). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Workflows_versions: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkflowPage'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  CurrentWorkspace_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description With a session (not a key): the workspace this request acts in. */
        'X-Workspace-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workspace'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The operator key; a key without the permission this route needs; a session naming a workspace that is not theirs. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Workspaces_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkspaceList'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A workspace key, or a session that is not an admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Workspaces_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
        };
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workspace'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A workspace key, or a session that is not an admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Workspaces_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workspace'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A workspace key, or a session that is not an admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Workspaces_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description Sends accepted per UTC day at most (operator); null: no quota.
           * @example 5000
           */
          dailySendQuota?: number | null;
        };
      };
    };
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workspace'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A workspace key, or a session that is not an admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Workspaces_enable: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        feature: 'whatsapp';
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workspace'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A workspace key, or a session that is not an admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Workspaces_disable: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        feature: 'whatsapp';
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workspace'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A workspace key, or a session that is not an admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Workspaces_assignNumber: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          brandName?: string | null;
          businessHours?: {
            days: {
              [key: string]: {
                close: string;
                open: string;
              }[];
            };
            timeZone: string;
          } | null;
          /** Format: uuid */
          defaultWorkflowId?: string | null;
          /** @example 300 */
          handoffTimeoutSeconds?: number | null;
          /** @example Thanks for waiting: a person will answer shortly. */
          holdingMessage?: string | null;
          /** @example PT24H */
          inactivityCloseAfter?: string;
          /**
           * @example {
           *       "help": "Sunrise Dental: call us on +15551234567. Reply STOP to stop."
           *     }
           */
          keywordReplies?: {
            help?: string | null;
            optIn?: string | null;
            optOut?: string | null;
          } | null;
          /**
           * @example {
           *       "optOut": [
           *         "STOP",
           *         "ARRET"
           *       ],
           *       "optIn": [
           *         "START"
           *       ]
           *     }
           */
          keywords?: {
            help?: string[];
            optIn?: string[];
            optOut?: string[];
          } | null;
          number: string;
          offHoursMessage?: string | null;
          reassign?: boolean;
          sendRatePerSecond?: number | null;
          smsDisabledMessage?: string | null;
          smsEnabled?: boolean;
          whatsappEnabled?: boolean;
          whatsappSandbox?: boolean;
          /** @example bright-tiger */
          whatsappSandboxJoinCode?: string | null;
          /**
           * @example ai_with_handoff
           * @enum {string}
           */
          workMode?: 'ai' | 'human' | 'ai_with_handoff';
        };
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PhoneNumber'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A workspace key, or a session that is not an admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with an existing resource. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request breaks a rule (for example WhatsApp without the workspace feature). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ApiKeys_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items?: components['schemas']['ApiKey'][];
          };
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A workspace key, or a session that is not an admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ApiKeys_issue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date-time */
          expiresAt?: string;
          name?: string;
          permissions?: ('read' | 'send' | 'manage')[];
        };
      };
    };
    responses: {
      /** @description Success. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedApiKey'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A workspace key, or a session that is not an admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ApiKeys_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        keyId: string;
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKey'];
        };
      };
      /** @description Invalid input: the message names the field and the problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, malformed, unknown, expired or revoked key; no session, or an ended one. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A workspace key, or a session that is not an admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found in this workspace. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests from this key or address: retry after `Retry-After` seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; the message carries an error id found in the logs. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the API did not answer; retry later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
}
