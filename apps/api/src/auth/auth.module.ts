import { Global, Module } from '@nestjs/common';
import { PersistenceModule } from '@app/persistence';
import { RateLimits } from '../rate-limits/rate-limits';
import { SessionAuthenticator } from '../sessions/session-authenticator';
import { SessionEntity } from '../sessions/session.entity';
import { SessionStore } from '../sessions/session.store';
import { SessionUsers } from '../sessions/session-user';
import { UserEntity } from '../users/user.entity';
import { UserStore } from '../users/user.store';
import { WorkspaceDirectory } from '../workspaces/workspace-directory';
import { CallerIdentifier } from './identify-caller';
import { OperatorKeys } from './operator-keys';

/**
 * Who is calling (keys, operator keys, sessions), the stores behind it, and the rate limits:
 * provided and exported alike, for every module (global).
 */
const CALLER_PROVIDERS = [
  OperatorKeys,
  CallerIdentifier,
  RateLimits,
  UserStore,
  SessionStore,
  SessionAuthenticator,
  SessionUsers,
  WorkspaceDirectory,
];

@Global()
@Module({
  imports: [PersistenceModule.forFeature([UserEntity, SessionEntity])],
  providers: CALLER_PROVIDERS,
  exports: CALLER_PROVIDERS,
})
export class AuthModule {}
