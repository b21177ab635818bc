import { Module } from '@nestjs/common';
import { ActivityFeed } from './activity-feed';
import { StreamController } from './stream.controller';

/** GET /v1/stream: the workspace's chat activity as Server-Sent Events. */
@Module({ controllers: [StreamController], providers: [ActivityFeed] })
export class StreamModule {}
