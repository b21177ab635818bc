import { Controller, Get } from '@nestjs/common';

@Controller('health')
export class HealthController {
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** The emulator keeps everything in memory: once it listens, it is ready. */
  @Get('ready')
  ready() {
    return { status: 'ok' };
  }
}
