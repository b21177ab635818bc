import { Module } from '@nestjs/common';
import { MembersController } from './members.controller';

/** Members, their switches and audit trail (owned by preferences), and their windows (outbound). */
@Module({ controllers: [MembersController] })
export class MembersModule {}
