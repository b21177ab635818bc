import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { findOneRow, InjectDataSource } from '@app/persistence';
import type { ChangeSource } from '@app/contracts';
import type { FieldChange, SourcePosition } from '@app/rules';
import type { MemberSearch } from './member-search';
import { MemberEntity } from './member.entity';
import { PreferenceChangeEntity } from './preference-change.entity';

/** New member's stored columns (ids, defaults and timestamps are the repository's). */
export type NewMember = Omit<
  MemberEntity,
  | 'id'
  | 'workspaceId'
  | 'optedOut'
  | 'optedOutAt'
  | 'optedOutChannel'
  | 'optOutSourceAt'
  | 'optOutSourceSeq'
  | 'createdAt'
  | 'updatedAt'
  | 'attributes'
> & { attributes?: Record<string, unknown> };

/** Members and their audit trail. Every method is scoped by workspace. */
@Injectable()
export class MembersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(
    workspaceId: string,
    memberId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MemberEntity | null> {
    return findOneRow(manager, MemberEntity, { workspaceId, id: memberId });
  }

  /** Reads the member and holds it until the transaction ends, so concurrent changes audit in order. */
  lockById(manager: EntityManager, workspaceId: string, memberId: string): Promise<MemberEntity | null> {
    return findOneRow(manager, MemberEntity, { workspaceId, id: memberId }, 'FOR UPDATE');
  }

  findByPhone(
    workspaceId: string,
    phone: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MemberEntity | null> {
    return findOneRow(manager, MemberEntity, { workspaceId, phone });
  }

  /**
   * Inserts the member unless its phone is already taken in the workspace, in which case nothing
   * happens and null comes back: two inbound messages from one new number create one member. (No
   * failing INSERT either: the driver would log its parameters, phone included.)
   */
  async insertIfPhoneFree(
    workspaceId: string,
    fields: NewMember,
    manager: EntityManager = this.dataSource.manager,
    id: string = randomUUID(),
  ): Promise<MemberEntity | null> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO members (id, workspace_id, first_name, last_name, phone, email, notify_sms, notify_email, notify_voice, notify_whatsapp, attributes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (workspace_id, phone) DO NOTHING RETURNING id`,
      insertParams(id, workspaceId, fields),
    );
    return rows.length ? this.findById(workspaceId, rows[0].id, manager) : null;
  }

  /** Fills an empty first name (from a WhatsApp profile name) without overwriting one set meanwhile. */
  async fillFirstName(workspaceId: string, memberId: string, firstName: string): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(MemberEntity)
      .set({ firstName, updatedAt: () => 'now()' })
      .where("workspace_id = :workspaceId AND id = :memberId AND (first_name IS NULL OR first_name = '')", {
        workspaceId,
        memberId,
      })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Writes a locked member's changed columns back. */
  async save(manager: EntityManager, member: MemberEntity): Promise<MemberEntity> {
    const { id, workspaceId, createdAt: _createdAt, ...columns } = member;
    member.updatedAt = new Date();
    await manager.update(
      MemberEntity,
      { workspaceId, id },
      {
        ...columns,
        // jsonb: TypeORM's deep-partial type does not fit an open object.
        attributes: columns.attributes as never,
        updatedAt: member.updatedAt,
      },
    );
    return member;
  }

  /** One page of a workspace's members in id order, after `afterId`, optionally matching a search. */
  page(
    workspaceId: string,
    afterId: string | null,
    limit: number,
    search?: MemberSearch,
  ): Promise<MemberEntity[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(MemberEntity, 'm')
      .where('m.workspace_id = :workspaceId', { workspaceId })
      .orderBy('m.id', 'ASC')
      .limit(limit);
    if (afterId) query.andWhere('m.id > :afterId', { afterId });
    if (search) {
      query.andWhere(
        new Brackets((q) => {
          q.where(
            "concat_ws(' ', m.first_name, m.last_name) ILIKE :pattern ESCAPE '\\' OR m.email ILIKE :pattern ESCAPE '\\' OR m.phone LIKE :pattern ESCAPE '\\'",
            { pattern: search.pattern },
          );
          if (search.phonePattern)
            q.orWhere('m.phone LIKE :phonePattern', { phonePattern: search.phonePattern });
        }),
      );
    }
    return query.getMany();
  }

  async recordChanges(
    manager: EntityManager,
    member: MemberEntity,
    changes: FieldChange[],
    source: ChangeSource,
    position: SourcePosition | null = null,
  ): Promise<void> {
    if (!changes.length) return;
    await manager.insert(
      PreferenceChangeEntity,
      changes.map((c) => ({
        id: randomUUID(),
        workspaceId: member.workspaceId,
        memberId: member.id,
        field: c.field,
        oldValue: c.oldValue,
        newValue: c.newValue,
        sourceType: source.type,
        sourceRef: source.ref,
        sourceAt: position?.at ?? null,
        sourceSeq: position ? String(position.seq) : null,
      })),
    );
  }

  /**
   * A STOP/START older than the last one applied, kept in the history as `optedOut:ignored`
   * (old value: the state kept; new value: the state asked for). Once per message: a
   * redelivery of it adds nothing.
   */
  async recordIgnoredOptOut(
    manager: EntityManager,
    member: MemberEntity,
    requested: boolean,
    source: ChangeSource,
    position: SourcePosition,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO preference_changes
         (id, workspace_id, member_id, field, old_value, new_value, source_type, source_ref, source_at, source_seq)
       VALUES ($1, $2, $3, 'optedOut:ignored', $4, $5, $6, $7, $8, $9)
       ON CONFLICT (workspace_id, member_id, source_at, source_seq) WHERE field = 'optedOut:ignored' DO NOTHING`,
      [
        randomUUID(),
        member.workspaceId,
        member.id,
        JSON.stringify(member.optedOut),
        JSON.stringify(requested),
        source.type,
        source.ref,
        position.at,
        position.seq,
      ],
    );
  }

  /** The member's audit trail, newest first, before the `beforeSeq` cursor. */
  changes(
    workspaceId: string,
    memberId: string,
    beforeSeq: string | null,
    limit: number,
  ): Promise<PreferenceChangeEntity[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(PreferenceChangeEntity, 'c')
      .where('c.workspace_id = :workspaceId AND c.member_id = :memberId', { workspaceId, memberId })
      .orderBy('c.seq', 'DESC')
      .limit(limit);
    if (beforeSeq) query.andWhere('c.seq < :beforeSeq', { beforeSeq });
    return query.getMany();
  }
}

function insertParams(id: string, workspaceId: string, f: NewMember): unknown[] {
  return [
    id,
    workspaceId,
    f.firstName,
    f.lastName,
    f.phone,
    f.email,
    f.notifySms,
    f.notifyEmail,
    f.notifyVoice,
    f.notifyWhatsapp,
    JSON.stringify(f.attributes ?? {}),
  ];
}
