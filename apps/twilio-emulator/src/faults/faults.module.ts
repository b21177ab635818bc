import { Module } from '@nestjs/common';
import { FaultInjector } from './fault-injector.service';
import { OutcomeOverrides } from './outcome-overrides.service';

/** Test-driven failures: HTTP errors on creation, and forced delivery outcomes. */
@Module({ providers: [FaultInjector, OutcomeOverrides], exports: [FaultInjector, OutcomeOverrides] })
export class FaultsModule {}
