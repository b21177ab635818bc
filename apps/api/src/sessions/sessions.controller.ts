import { Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@app/contracts';
import { SignedIn, type SessionCaller } from '../auth/signed-in.decorator';
import { Anonymous, ApiController, Endpoint } from '../http/api-controller.decorator';
import { schemaRef } from '../http/openapi';
import { IdParam, ZodBody } from '../http/validation';
import { UserStore } from '../users/user.store';
import { ChangePassword } from './change-password.usecase';
import { SessionAuthenticator } from './session-authenticator';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { SessionUsers } from './session-user';
import { SessionStore } from './session.store';
import {
  ChangePasswordBody,
  CurrentSession,
  SessionList,
  SignedIn as SignedInView,
  SignInBody,
} from './session.view';
import { SignIn } from './sign-in.usecase';

/**
 * Console sign-in by email and password. The session lives in an httpOnly, SameSite=Strict
 * cookie (`ta_session`); changes made with it must carry `X-Requested-With: console`.
 */
@ApiController('sessions', 'user', 'Sessions (console sign-in)')
export class SessionsController {
  constructor(
    private readonly signIn: SignIn,
    private readonly changePassword: ChangePassword,
    private readonly sessions: SessionStore,
    private readonly authenticator: SessionAuthenticator,
    private readonly users: UserStore,
    private readonly sessionUsers: SessionUsers,
  ) {}

  @Anonymous()
  @Endpoint('POST', '', {
    summary: 'Sign in: sets the ta_session cookie (wrong email or password: 401, too many attempts: 429)',
    status: 201,
    response: schemaRef('SignedIn', SignedInView),
  })
  async create(
    @ZodBody(SignInBody) body: SignInBody,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { user, session, token } = await this.signIn.execute(body, request.headers['user-agent']);
    setSessionCookie(request, reply, token, session.expiresAt);
    return { user: await this.sessionUsers.view(user) };
  }

  @Endpoint('GET', 'current', {
    summary: 'The signed-in user (with the workspaces they may pick) and this session',
    response: schemaRef('CurrentSession', CurrentSession),
  })
  async current(@SignedIn() caller: SessionCaller) {
    const [user, session] = await Promise.all([
      this.users.findById(caller.userId),
      this.sessions.findForUser(caller.userId, caller.sessionId),
    ]);
    if (!user || !session) throw new AppError('unauthorized', 'Your session has ended: sign in again.');
    return {
      user: await this.sessionUsers.view(user),
      session: {
        id: session.id,
        createdAt: session.createdAt.toISOString(),
        expiresAt: session.expiresAt.toISOString(),
      },
    };
  }

  @Endpoint('DELETE', 'current', {
    summary: 'Sign out (ends this session and clears the cookie)',
    status: 204,
  })
  async signOut(
    @SignedIn() caller: SessionCaller,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.sessions.delete(caller.userId, caller.sessionId);
    this.authenticator.forgetSession(caller.sessionId);
    clearSessionCookie(request, reply);
  }

  @Endpoint('GET', '', {
    summary: "The signed-in user's sessions, newest first",
    response: schemaRef('SessionList', SessionList),
  })
  async list(@SignedIn() caller: SessionCaller) {
    const rows = await this.sessions.listLive(caller.userId);
    return {
      items: rows.map((s) => ({
        id: s.id,
        createdAt: s.createdAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        userAgent: s.userAgent,
        current: s.id === caller.sessionId,
      })),
    };
  }

  @Endpoint('DELETE', ':id', {
    summary: 'End one of your sessions (another browser, say)',
    status: 204,
    errors: [404],
  })
  async revoke(@SignedIn() caller: SessionCaller, @IdParam() id: string) {
    if (!(await this.sessions.delete(caller.userId, id))) throw AppError.notFound('Session');
    this.authenticator.forgetSession(id);
  }

  @Endpoint('POST', 'current/password', {
    summary: 'Change your password; your other sessions end',
    status: 204,
  })
  async password(@SignedIn() caller: SessionCaller, @ZodBody(ChangePasswordBody) body: ChangePasswordBody) {
    await this.changePassword.execute(caller.userId, caller.sessionId, body);
  }
}
