import { Module } from '@nestjs/common';
import { ChatsController } from './chats.controller';

/** Chats and their messages (owned by chats), read-only here. */
@Module({ controllers: [ChatsController] })
export class ChatsModule {}
