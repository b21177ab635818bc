import { Module } from '@nestjs/common';
import { MessagesController } from './messages.controller';

/** Sends through outbound, and their records. */
@Module({ controllers: [MessagesController] })
export class MessagesModule {}
