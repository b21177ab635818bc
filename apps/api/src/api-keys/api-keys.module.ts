import { Global, Module } from '@nestjs/common';
import { PersistenceModule } from '@app/persistence';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeyStore } from './api-key.store';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeyAuthenticator } from './authenticate-api-key.usecase';
import { CreateApiKey } from './create-api-key.usecase';
import { RevokeApiKey } from './revoke-api-key.usecase';

/** Workspace API keys: issue, list, revoke, and authenticate (used by the guard everywhere). */
@Global()
@Module({
  imports: [PersistenceModule.forFeature([ApiKeyEntity])],
  controllers: [ApiKeysController],
  providers: [ApiKeyStore, ApiKeyAuthenticator, CreateApiKey, RevokeApiKey],
  exports: [ApiKeyAuthenticator],
})
export class ApiKeysModule {}
