import { Global, Module } from '@nestjs/common';
import { ServiceClient } from './service-client';

/** What every feature's controller uses to reach the services behind it. */
@Global()
@Module({ providers: [ServiceClient], exports: [ServiceClient] })
export class ServiceClientModule {}
