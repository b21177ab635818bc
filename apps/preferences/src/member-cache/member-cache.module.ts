import { Global, Module } from '@nestjs/common';
import { MemberCacheService } from './member-cache.service';

/** The per-process member cache that CheckSend reads and every member change invalidates. */
@Global()
@Module({ providers: [MemberCacheService], exports: [MemberCacheService] })
export class MemberCacheModule {}
