import { Module } from '@nestjs/common';
import { ChatsController } from './chats.controller';
import { InboxAgents, SendChatReply } from './inbox';

/** Chats and their messages (owned by chats); the inbox: takeover, hand back, a person's replies. */
@Module({ controllers: [ChatsController], providers: [InboxAgents, SendChatReply] })
export class ChatsModule {}
