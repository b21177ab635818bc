import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { findOneRow, InjectRepository, rowAs } from '@app/persistence';
import type { SendRequest, SendStatus } from '@app/contracts';
import { In, type EntityManager, type Repository } from 'typeorm';
import { SendEntity } from './send.entity';
import { SEND_REASONS, skip, statusesBefore, type Refusal } from '@app/rules';

export interface Claim {
  token: string;
  /** The claim this one replaced (a worker that died mid-call, or our own uncertain attempt). */
  previous: { at: Date; token: string } | null;
}

/** The recipient as the checks found it and the addresses handed to Twilio. */
export interface Addresses {
  toPhone: string;
  fromAddress: string;
  toAddress: string;
}

/** A claim taken as the send is stored (`insertOrGet`): its token and the addresses of the call. */
export interface NewClaim {
  token: string;
  addresses: Addresses;
}

export interface Stored {
  send: SendEntity;
  created: boolean;
  /** The claim taken with the insert (a new `pending` send stored with `claim`), else null. */
  claim: Claim | null;
}

export interface StatusChange {
  status: SendStatus;
  reason?: string | null;
  errorCode?: string | null;
  errorMessage?: string | null;
  twilioSid?: string | null;
}

/**
 * Sends, always looked up within a workspace, except by the ids a Twilio status callback carries
 * (our send id in the callback URL, Twilio's SID), which are globally unique.
 */
@Injectable()
export class SendsRepository {
  constructor(@InjectRepository(SendEntity) private readonly sends: Repository<SendEntity>) {}

  findByKey(workspaceId: string, idempotencyKey: string): Promise<SendEntity | null> {
    return findOneRow(this.sends.manager, SendEntity, { workspaceId, idempotencyKey });
  }

  findById(workspaceId: string, id: string): Promise<SendEntity | null> {
    return findOneRow(this.sends.manager, SendEntity, { workspaceId, id });
  }

  /**
   * Inserts the send, or returns the one already stored under its idempotency key. `recipient`
   * is what the checks found: the phone, and the member (a send by phone to a member's phone is
   * that member's). With `claim`, a send stored `pending` is stored claimed for its first Twilio
   * call (as `claim` would): the statement the call needs is saved when nothing else comes between.
   */
  async insertOrGet(
    request: SendRequest,
    outcome: Refusal | null,
    recipient: { toPhone: string | null; memberId: string | null; dailySendQuota?: number | null },
    claim?: NewClaim,
  ): Promise<Stored> {
    const quota = recipient.dailySendQuota ?? null;
    if (outcome || quota === null) return this.insert(this.sends.manager, request, outcome, recipient, claim);
    if (quota === 0)
      return this.insert(this.sends.manager, request, skip(SEND_REASONS.dailyQuotaReached), recipient);
    // Counted in the same transaction as the insert: a send is counted once, and the count's row
    // lock makes concurrent sends of the workspace take their turn at the last places.
    return this.sends.manager.transaction(async (tx) => {
      const counted: unknown[] = await tx.query(
        `INSERT INTO daily_send_counts (workspace_id, day, sends)
         VALUES ($1, (now() AT TIME ZONE 'UTC')::date, 1)
         ON CONFLICT (workspace_id, day) DO UPDATE SET sends = daily_send_counts.sends + 1
           WHERE daily_send_counts.sends < $2
         RETURNING sends`,
        [request.workspaceId, quota],
      );
      const refusal = counted.length > 0 ? null : skip(SEND_REASONS.dailyQuotaReached);
      const stored = await this.insert(tx, request, refusal, recipient, refusal ? undefined : claim);
      // A duplicate of a stored send (a concurrent retry) takes no place of the quota.
      if (!stored.created && counted.length > 0)
        await tx.query(
          `UPDATE daily_send_counts SET sends = sends - 1 WHERE workspace_id = $1 AND day = (now() AT TIME ZONE 'UTC')::date`,
          [request.workspaceId],
        );
      return stored;
    });
  }

  /**
   * One statement in the usual case: the insert, or (on a conflict) the stored row. A row stored
   * by a transaction that committed while this statement ran is not in its snapshot: read again.
   */
  private async insert(
    db: EntityManager,
    request: SendRequest,
    outcome: Refusal | null,
    recipient: { toPhone: string | null; memberId: string | null },
    claim?: NewClaim,
  ): Promise<Stored> {
    const claimed = claim && !outcome ? claim : null;
    const rows: Array<Record<string, unknown>> = await db.query(
      `WITH ins AS (
         INSERT INTO sends (id, workspace_id, idempotency_key, phone_number_id, member_id, to_phone, chat_id, channel, kind,
                            origin_service, origin_ref, body, content_sid, content_variables, status, reason, media_urls, interactive,
                            from_address, to_address, claim_token, claimed_at, attempts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21::uuid,
                 CASE WHEN $21::uuid IS NULL THEN NULL ELSE clock_timestamp() END, CASE WHEN $21::uuid IS NULL THEN 0 ELSE 1 END)
         ON CONFLICT (workspace_id, idempotency_key) DO NOTHING
         RETURNING *)
       SELECT true AS inserted, * FROM ins
       UNION ALL
       SELECT false AS inserted, * FROM sends
        WHERE workspace_id = $2 AND idempotency_key = $3 AND NOT EXISTS (SELECT 1 FROM ins)`,
      [
        randomUUID(),
        request.workspaceId,
        request.idempotencyKey,
        request.phoneNumberId,
        recipient.memberId ?? request.memberId ?? null,
        recipient.toPhone,
        request.chatId ?? null,
        request.channel,
        request.kind,
        request.origin.service,
        request.origin.ref,
        request.body ?? null,
        request.contentSid ?? null,
        request.contentVariables ? JSON.stringify(request.contentVariables) : null,
        outcome?.status ?? 'pending',
        outcome?.reason ?? null,
        JSON.stringify(request.mediaUrls ?? []),
        request.interactive ? JSON.stringify(request.interactive) : null,
        claimed?.addresses.fromAddress ?? null,
        claimed?.addresses.toAddress ?? null,
        claimed?.token ?? null,
      ],
    );
    const row = rows[0];
    if (row?.inserted === true)
      return {
        send: rowAs(db, SendEntity, row),
        created: true,
        claim: claimed ? { token: claimed.token, previous: null } : null,
      };
    const send =
      row !== undefined
        ? rowAs(db, SendEntity, row)
        : await findOneRow(db, SendEntity, {
            workspaceId: request.workspaceId,
            idempotencyKey: request.idempotencyKey,
          });
    if (!send) throw new Error('A send vanished right after it was stored');
    return { send, created: false, claim: null };
  }

  /**
   * Moves a send to `change.status` only from a status before it (the status machine in @app/rules), so
   * concurrent or late updates never move it backwards. Answers the updated send, or null.
   */
  transition(workspaceId: string, id: string, change: StatusChange): Promise<SendEntity | null> {
    return this.moveForward('workspace_id = $1 AND id = $2', [workspaceId, id], change);
  }

  /**
   * A status callback's `transition` in one statement: the send it names (our send id, else
   * Twilio's SID; both are globally unique, so no workspace) moves forward unless it holds another
   * Twilio SID. When nothing moved, the same statement answers the send as stored (so the caller
   * can tell why: already there, another SID), or null for a send we do not have.
   */
  async applyCallback(
    ref: { sendId: string | null; twilioSid: string },
    change: StatusChange & { twilioSid: string },
  ): Promise<{ moved: boolean; send: SendEntity } | null> {
    const [where, params, find] = ref.sendId
      ? ['id = $1 AND (twilio_sid IS NULL OR twilio_sid = $2)', [ref.sendId, ref.twilioSid], 'id = $1']
      : ['twilio_sid = $1', [ref.twilioSid], 'twilio_sid = $1'];
    const update = this.forwardUpdate(where, params, change);
    // An UPDATE inside WITH: the statement is a SELECT, which TypeORM answers as plain rows.
    const rows: Array<Record<string, unknown>> = await this.sends.query(
      `WITH moved AS (${update.sql})
       SELECT true AS moved, * FROM moved
       UNION ALL
       SELECT false AS moved, * FROM sends WHERE ${find} AND NOT EXISTS (SELECT 1 FROM moved)`,
      update.params,
    );
    const row = rows[0];
    return row ? { moved: row.moved === true, send: rowAs(this.sends.manager, SendEntity, row) } : null;
  }

  /** The forward move of `transition` for the send `where` names (its parameters first); answers it as updated. */
  private async moveForward(
    where: string,
    params: unknown[],
    change: StatusChange,
  ): Promise<SendEntity | null> {
    const update = this.forwardUpdate(where, params, change);
    const rows = await this.updateReturning<Record<string, unknown>>(update.sql, update.params);
    return rows.length ? rowAs(this.sends.manager, SendEntity, rows[0]) : null;
  }

  /** The UPDATE ... RETURNING * that moves the send `where` names to `change.status` only from a status before it. */
  private forwardUpdate(
    where: string,
    params: unknown[],
    change: StatusChange,
  ): { sql: string; params: unknown[] } {
    const $ = (i: number) => `$${params.length + i}`;
    return {
      sql: `UPDATE sends SET status = ${$(1)},
              reason = CASE WHEN ${$(2)}::boolean THEN ${$(3)}::text ELSE reason END,
              error_code = coalesce(${$(4)}::text, error_code),
              error_message = coalesce(${$(5)}::text, error_message),
              twilio_sid = coalesce(twilio_sid, ${$(6)}::text),
              claimed_at = NULL, claim_token = NULL, updated_at = now()
        WHERE ${where} AND status = ANY(${$(7)}::text[])
        RETURNING *`,
      params: [
        ...params,
        change.status,
        change.reason !== undefined,
        change.reason ?? null,
        change.errorCode ?? null,
        change.errorMessage ?? null,
        change.twilioSid ?? null,
        statusesBefore(change.status),
      ],
    };
  }

  /**
   * Claims a pending send for one Twilio call. Fails (null) while another worker holds a fresh
   * claim; takes over a claim older than `staleMs` (its worker presumably died mid-call).
   */
  async claim(
    workspaceId: string,
    id: string,
    token: string | null,
    staleMs: number,
    addresses: Addresses,
  ): Promise<Claim | null> {
    const mine = token ?? randomUUID();
    const rows = await this.updateReturning<{ prev_at: Date | null; prev_token: string | null }>(
      `UPDATE sends s SET claimed_at = clock_timestamp(), claim_token = $3, attempts = s.attempts + 1, updated_at = now(),
              to_phone = $5, from_address = $6, to_address = $7
         FROM (SELECT id, claimed_at AS prev_at, claim_token AS prev_token FROM sends WHERE workspace_id = $1 AND id = $2 FOR UPDATE) p
        WHERE s.id = p.id AND s.status = 'pending' AND s.twilio_sid IS NULL
          AND (s.claimed_at IS NULL OR s.claim_token = $3 OR s.claimed_at < clock_timestamp() - make_interval(secs => $4 / 1000.0))
        RETURNING p.prev_at, p.prev_token`,
      [workspaceId, id, mine, staleMs, addresses.toPhone, addresses.fromAddress, addresses.toAddress],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      token: mine,
      previous: row.prev_at && row.prev_token ? { at: new Date(row.prev_at), token: row.prev_token } : null,
    };
  }

  /** Gives a claim back when we know no Twilio call of ours is outstanding. */
  async releaseClaim(workspaceId: string, id: string, token: string): Promise<void> {
    await this.sends.update({ workspaceId, id, claimToken: token }, { claimedAt: null, claimToken: null });
  }

  /** Remembers the rate slot a send booked before it went back to JetStream to wait for it. */
  async keepSlot(workspaceId: string, id: string, at: Date): Promise<void> {
    await this.sends.update({ workspaceId, id }, { rateSlotAt: at });
  }

  /** Which of these Twilio SIDs already belong to a send (so reconciliation never adopts one twice). */
  async knownSids(sids: string[]): Promise<Set<string>> {
    if (!sids.length) return new Set();
    const rows = await this.sends.find({ select: { twilioSid: true }, where: { twilioSid: In(sids) } });
    return new Set(rows.map((r) => r.twilioSid).filter((s): s is string => s !== null));
  }

  /** TypeORM answers an UPDATE ... RETURNING on Postgres as [rows, rowCount]. */
  private async updateReturning<T>(sql: string, params: unknown[]): Promise<T[]> {
    const result = await this.sends.query<[T[], number]>(sql, params);
    return result[0];
  }
}
