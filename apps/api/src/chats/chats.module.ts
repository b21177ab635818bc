import { Module } from '@nestjs/common';
import { ChatsController } from './chats.controller';
import { AssignChatToUser, InboxAgents, SendChatReply } from './inbox';

/** Chats and their messages (owned by chats); the inbox: the queue, takeover, hand back, assignment, a person's replies. */
@Module({ controllers: [ChatsController], providers: [InboxAgents, SendChatReply, AssignChatToUser] })
export class ChatsModule {}
