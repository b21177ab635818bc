import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '@app/contracts';
import { TooManyRequests } from '../http/too-many-requests';
import { RateLimits } from '../rate-limits/rate-limits';
import { hashPassword, verifyPassword } from '../users/password';
import { UserStore } from '../users/user.store';
import { SessionAuthenticator } from './session-authenticator';
import { SessionStore } from './session.store';
import type { ChangePasswordBody } from './session.view';

/** A signed-in user changes their password; every other session of theirs ends. */
@Injectable()
export class ChangePassword {
  private readonly logger = new Logger(ChangePassword.name);

  constructor(
    private readonly users: UserStore,
    private readonly sessions: SessionStore,
    private readonly authenticator: SessionAuthenticator,
    private readonly limits: RateLimits,
  ) {}

  async execute(userId: string, currentSessionId: string, body: ChangePasswordBody): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError('unauthorized', 'Your session has ended: sign in again.');
    // A stolen session must not become a way to guess the password: same limit as signing in.
    const failures = await this.limits.signInFailuresPerEmail.check(user.email);
    if (!failures.allowed)
      throw new TooManyRequests('Too many wrong current passwords.', failures.retryAfterSeconds);
    if (!(await verifyPassword(body.currentPassword, user.passwordHash))) {
      await this.limits.signInFailuresPerEmail.hit(user.email);
      throw new AppError('invalid_input', 'Invalid body: currentPassword: is not your current password.');
    }
    user.passwordHash = await hashPassword(body.newPassword);
    user.updatedAt = new Date();
    await this.users.save(user);
    const ended = await this.sessions.deleteAllOf(userId, currentSessionId);
    for (const id of ended) this.authenticator.forgetSession(id);
    this.logger.log(`User ${userId} changed their password; ${ended.length} other sessions ended`);
  }
}
