import { Module } from '@nestjs/common';
import { RoutinesController } from './routines.controller';

/** Routines (broadcasts), owned by workflow. */
@Module({ controllers: [RoutinesController] })
export class RoutinesModule {}
