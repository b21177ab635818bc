import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@app/persistence';
import { IsNull, type Repository } from 'typeorm';
import { credentialLookups } from '../auth/lookup-metrics';
import { ApiKeyEntity } from './api-key.entity';

/** The api_keys table. Every read of a workspace's keys filters by its workspace id. */
@Injectable()
export class ApiKeyStore {
  constructor(@InjectRepository(ApiKeyEntity) private readonly repo: Repository<ApiKeyEntity>) {}

  async insert(key: ApiKeyEntity): Promise<void> {
    await this.repo.insert(key);
  }

  findActiveByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    credentialLookups.inc({ kind: 'api_key' });
    return this.repo.findOneBy({ keyHash, revokedAt: IsNull() });
  }

  listForWorkspace(workspaceId: string): Promise<ApiKeyEntity[]> {
    return this.repo.find({ where: { workspaceId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findInWorkspace(workspaceId: string, id: string): Promise<ApiKeyEntity | null> {
    return this.repo.findOneBy({ workspaceId, id });
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.repo.update({ id }, { lastUsedAt: at });
  }

  /** Marks the key revoked (once: a second revoke keeps the first time) and answers it. */
  async revoke(workspaceId: string, id: string): Promise<ApiKeyEntity | null> {
    await this.repo.update({ workspaceId, id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return this.findInWorkspace(workspaceId, id);
  }
}
