import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError } from '@app/contracts';
import { API_CONFIG, type ApiConfig } from '../config';
import { TooManyRequests } from '../http/too-many-requests';
import { RateLimits } from '../rate-limits/rate-limits';
import { hashPassword, needsRehash, verifyPassword } from '../users/password';
import type { UserEntity } from '../users/user.entity';
import { UserStore } from '../users/user.store';
import type { SessionEntity } from './session.entity';
import { SessionStore } from './session.store';
import { newSessionToken } from './session-token';
import type { SignInBody } from './session.view';

export const WRONG_CREDENTIALS = 'Email or password is incorrect.';

export interface SignedInSession {
  user: UserEntity;
  session: SessionEntity;
  /** The cookie's value: returned once, only its hash is stored. */
  token: string;
}

/**
 * Signs a user in: the same answer (and about the same time) for an unknown email, a wrong
 * password and a disabled user; failures are counted per email (attempts per address are counted
 * by the request gate before the body is read).
 */
@Injectable()
export class SignIn {
  private readonly logger = new Logger(SignIn.name);
  /** Checked when the email is unknown, so that case costs a hash like the others. */
  private decoy?: Promise<string>;

  constructor(
    private readonly users: UserStore,
    private readonly sessions: SessionStore,
    private readonly limits: RateLimits,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async execute(body: SignInBody, userAgent: string | undefined): Promise<SignedInSession> {
    const failures = await this.limits.signInFailuresPerEmail.check(body.email);
    if (!failures.allowed)
      throw new TooManyRequests('Too many failed sign-ins for this email.', failures.retryAfterSeconds);
    const user = await this.users.findByEmail(body.email);
    this.decoy ??= hashPassword(randomUUID());
    const matches = await verifyPassword(body.password, user?.passwordHash ?? (await this.decoy));
    if (!user || !matches || user.disabled) {
      await this.limits.signInFailuresPerEmail.hit(body.email);
      throw new AppError('unauthorized', WRONG_CREDENTIALS);
    }
    if (needsRehash(user.passwordHash)) {
      user.passwordHash = await hashPassword(body.password);
      await this.users.save(user);
    }
    await this.sessions.deleteExpiredOf(user.id);
    const { token, hash } = newSessionToken();
    const now = new Date();
    const session: SessionEntity = {
      id: randomUUID(),
      userId: user.id,
      tokenHash: hash,
      userAgent: userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.SESSION_TTL_HOURS * 3_600_000),
      lastSeenAt: now,
    };
    await this.sessions.insert(session);
    this.logger.log(`User ${user.id} signed in (session ${session.id})`);
    return { user, session, token };
  }
}
