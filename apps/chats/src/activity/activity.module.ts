import { Module } from '@nestjs/common';
import { ActivityPublisher } from './activity.publisher';

/** ChatActivity events for the api's live stream. */
@Module({ providers: [ActivityPublisher], exports: [ActivityPublisher] })
export class ActivityModule {}
