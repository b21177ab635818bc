import { ADMIN_KEY, ApiHarness, type ApiAnswer } from '../testing/api-harness';

const PASSWORD = 'correct horse battery staple';
const email = (who: string) => `${who}-${crypto.randomUUID().slice(0, 8)}@example.com`;

describe('people: users and console sessions', () => {
  // The requests come through a proxy on loopback (its X-Forwarded-Proto is believed).
  const h = ApiHarness.forSuite({
    workspace: false,
    env: { API_SIGN_IN_FAILURES_PER_EMAIL: '3', TRUSTED_PROXIES: '127.0.0.1,::1' },
  });
  let clinic: { id: string; key: string };
  let dental: { id: string; key: string };

  beforeAll(async () => {
    [clinic, dental] = [await h.workspace(), await h.workspace()];
  });

  /** A user made by the operator key. */
  async function user(role: 'admin' | 'member', workspaceIds: string[] = []) {
    const address = email(role);
    const created = await h.ok('POST', '/v1/users', ADMIN_KEY, {
      email: address,
      password: PASSWORD,
      role,
      workspaceIds,
    });
    return { ...created, email: address } as { id: string; email: string };
  }

  /** Signs in and answers the cookie to send back (`ta_session=...`). */
  async function signIn(address: string, password = PASSWORD, headers: Record<string, string> = {}) {
    const res = await h.call('POST', '/v1/sessions', undefined, { email: address, password }, headers);
    if (res.status !== 201) throw new Error(`sign-in -> ${res.status} ${JSON.stringify(res.body)}`);
    return { cookie: res.headers.get('set-cookie')!.split(';')[0], res };
  }

  const as = (cookie: string, more: Record<string, string> = {}) => ({
    cookie,
    'x-requested-with': 'console',
    ...more,
  });
  const call = (
    method: string,
    path: string,
    cookie: string,
    body?: unknown,
    more: Record<string, string> = {},
  ) => h.call(method, path, undefined, body, as(cookie, more));

  it('creates users through the operator key, shows no password, and refuses bad input', async () => {
    const address = email('Ana.Admin');
    const created = await h.call('POST', '/v1/users', ADMIN_KEY, {
      email: address.toUpperCase(),
      password: PASSWORD,
      role: 'member',
      workspaceIds: [clinic.id],
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      email: address.toLowerCase(),
      role: 'member',
      workspaceIds: [clinic.id],
      disabled: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const row = await h.sql(`SELECT password_hash FROM "${h.namespace}_api".users WHERE id = $1`, [
      created.body.id,
    ]);
    expect(row[0].password_hash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(row[0])).not.toContain(PASSWORD);

    const again = await h.call('POST', '/v1/users', ADMIN_KEY, {
      email: address,
      password: PASSWORD,
      role: 'admin',
    });
    expect(again.status).toBe(409);
    const short = await h.call('POST', '/v1/users', ADMIN_KEY, {
      email: email('x'),
      password: 'short',
      role: 'admin',
    });
    expect(short).toMatchObject({ status: 400, body: { message: expect.stringMatching(/password/) } });
    const unknownWorkspace = crypto.randomUUID();
    const nowhere = await h.call('POST', '/v1/users', ADMIN_KEY, {
      email: email('x'),
      password: PASSWORD,
      role: 'member',
      workspaceIds: [unknownWorkspace],
    });
    expect(nowhere).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining(unknownWorkspace) },
    });
    expect(
      (
        await h.call('POST', '/v1/users', clinic.key, {
          email: email('x'),
          password: PASSWORD,
          role: 'admin',
        })
      ).status,
    ).toBe(403);

    const listed = await h.ok('GET', '/v1/users', ADMIN_KEY);
    expect(listed.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: created.body.id })]));
    expect(JSON.stringify(listed)).not.toMatch(/scrypt|password/i);
  });

  it('signs in with the right password only, the same answer for a wrong email or password', async () => {
    const ana = await user('member', [clinic.id]);
    const wrongPassword = await h.call('POST', '/v1/sessions', undefined, {
      email: ana.email,
      password: 'nope nope nope',
    });
    const wrongEmail = await h.call('POST', '/v1/sessions', undefined, {
      email: email('nobody'),
      password: PASSWORD,
    });
    for (const res of [wrongPassword, wrongEmail]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Email or password is incorrect.',
      });
      expect(res.headers.get('set-cookie')).toBeNull();
    }

    const { cookie, res } = await signIn(ana.email.toUpperCase());
    expect(res.body).toEqual({
      user: {
        id: ana.id,
        email: ana.email,
        role: 'member',
        workspaces: [{ id: clinic.id, name: 'Sunrise Dental' }],
      },
    });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(
      /^ta_session=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    const stored = await h.sql(`SELECT token_hash FROM "${h.namespace}_api".sessions WHERE user_id = $1`, [
      ana.id,
    ]);
    expect(JSON.stringify(stored)).not.toContain(cookie.split('=')[1]);

    const current = await call('GET', '/v1/sessions/current', cookie);
    expect(current.status).toBe(200);
    expect(current.body).toEqual({
      user: res.body.user,
      session: { id: expect.any(String), createdAt: expect.any(String), expiresAt: expect.any(String) },
    });
    const hours =
      (Date.parse(current.body.session.expiresAt) - Date.parse(current.body.session.createdAt)) / 3_600_000;
    expect(hours).toBeCloseTo(12, 1);
    expect((await h.call('GET', '/v1/sessions/current')).status).toBe(401);
    expect(
      (
        await h.call('GET', '/v1/sessions/current', undefined, undefined, {
          cookie: `ta_session=${'x'.repeat(43)}`,
        })
      ).status,
    ).toBe(401);
    // A key has no user.
    expect((await h.call('GET', '/v1/sessions/current', clinic.key)).status).toBe(403);
  });

  it('marks the cookie Secure when the request came over https through the proxy', async () => {
    const ana = await user('member');
    const { res } = await signIn(ana.email, PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure; SameSite=Strict$/);
  });

  it('refuses a signed-in change without X-Requested-With: console (CSRF), and lets reads through', async () => {
    const admin = await user('admin');
    const { cookie } = await signIn(admin.email);
    const forged = await h.call('POST', '/v1/workspaces', undefined, { name: 'Forged' }, { cookie });
    expect(forged.status).toBe(403);
    expect(forged.body.message).toMatch(/X-Requested-With: console/);
    const wrongValue = await h.call(
      'POST',
      '/v1/workspaces',
      undefined,
      { name: 'Forged' },
      { cookie, 'x-requested-with': 'XMLHttpRequest' },
    );
    expect(wrongValue.status).toBe(403);
    expect((await h.call('GET', '/v1/workspaces', undefined, undefined, { cookie })).status).toBe(200);
    expect((await call('POST', '/v1/workspaces', cookie, { name: 'By an admin' })).status).toBe(201);
  });

  it('lets a member act in their workspaces named by X-Workspace-Id, and an admin in any', async () => {
    const member = await user('member', [clinic.id]);
    const admin = await user('admin');
    const memberCookie = (await signIn(member.email)).cookie;
    const adminCookie = (await signIn(admin.email)).cookie;

    const missing = await call('GET', '/v1/members', memberCookie);
    expect(missing).toMatchObject({
      status: 400,
      body: { message: expect.stringMatching(/X-Workspace-Id/) },
    });
    const malformed = await call('GET', '/v1/members', memberCookie, undefined, { 'x-workspace-id': 'nope' });
    expect(malformed.status).toBe(400);
    const own = await call(
      'POST',
      '/v1/members',
      memberCookie,
      { firstName: 'Bo' },
      { 'x-workspace-id': clinic.id },
    );
    expect(own.status).toBe(201);
    expect(h.fakes.members.get(own.body.id)?.workspaceId).toBe(clinic.id);
    // Changes are audited with the user who made them.
    const audit = h.fakes.requests.filter((r) => r.subject.endsWith('member.create')).at(-1);
    expect(audit?.payload.source).toEqual({ type: 'api', ref: `user:${member.id}` });
    const other = await call('GET', '/v1/members', memberCookie, undefined, { 'x-workspace-id': dental.id });
    expect(other).toMatchObject({ status: 403, body: { message: expect.stringMatching(/not a member/) } });
    expect((await call('GET', '/v1/workspaces', memberCookie)).status).toBe(403);
    expect((await call('GET', '/v1/users', memberCookie)).status).toBe(403);

    // An admin has the operator key's capabilities, and may pick any workspace.
    expect(
      (await call('GET', '/v1/members', adminCookie, undefined, { 'x-workspace-id': dental.id })).status,
    ).toBe(200);
    const workspaces = await call('GET', '/v1/workspaces', adminCookie);
    expect(workspaces.body.items.map((w: { id: string }) => w.id)).toEqual(
      expect.arrayContaining([clinic.id, dental.id]),
    );
    const key = await call('POST', `/v1/workspaces/${dental.id}/api-keys`, adminCookie, {
      name: 'from the console',
    });
    expect(key.status).toBe(201);
    const keys = await call('GET', `/v1/workspaces/${dental.id}/api-keys`, adminCookie);
    expect(keys.body.items.map((k: { id: string }) => k.id)).toContain(key.body.id);
    expect(
      (await call('DELETE', `/v1/workspaces/${dental.id}/api-keys/${key.body.id}`, adminCookie)).status,
    ).toBe(200);
    const current = await call('GET', '/v1/sessions/current', adminCookie);
    expect(current.body.user.workspaces.map((w: { id: string }) => w.id)).toEqual(
      expect.arrayContaining([clinic.id, dental.id]),
    );
  });

  it("lists the user's sessions, revokes one, and signs out", async () => {
    const ana = await user('member');
    const laptop = (await signIn(ana.email, PASSWORD, { 'user-agent': 'laptop' })).cookie;
    const phone = (await signIn(ana.email, PASSWORD, { 'user-agent': 'phone' })).cookie;
    const listed = await call('GET', '/v1/sessions', laptop);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    const phoneSession = listed.body.items.find((s: { userAgent: string }) => s.userAgent === 'phone');
    expect(listed.body.items.find((s: { current: boolean }) => s.current).userAgent).toBe('laptop');

    // Another user cannot end it; its owner can.
    const bo = await user('member');
    const boCookie = (await signIn(bo.email)).cookie;
    expect((await call('DELETE', `/v1/sessions/${phoneSession.id}`, boCookie)).status).toBe(404);
    expect((await call('GET', '/v1/sessions/current', phone)).status).toBe(200);
    expect((await call('DELETE', `/v1/sessions/${phoneSession.id}`, laptop)).status).toBe(204);
    expect((await call('GET', '/v1/sessions/current', phone)).status).toBe(401);

    const out = await call('DELETE', '/v1/sessions/current', laptop);
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(
      /^ta_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict/,
    );
    expect((await call('GET', '/v1/sessions/current', laptop)).status).toBe(401);
  });

  it('changes the password: the old one stops working and the other sessions end', async () => {
    const ana = await user('member');
    const here = (await signIn(ana.email)).cookie;
    const elsewhere = (await signIn(ana.email)).cookie;
    const wrong = await call('POST', '/v1/sessions/current/password', here, {
      currentPassword: 'not the password',
      newPassword: 'a brand new passphrase',
    });
    expect(wrong).toMatchObject({ status: 400, body: { message: expect.stringMatching(/currentPassword/) } });
    const weak = await call('POST', '/v1/sessions/current/password', here, {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(weak).toMatchObject({ status: 400, body: { message: expect.stringMatching(/newPassword/) } });
    const changed = await call('POST', '/v1/sessions/current/password', here, {
      currentPassword: PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    expect(changed.status).toBe(204);
    expect((await call('GET', '/v1/sessions/current', here)).status).toBe(200);
    expect((await call('GET', '/v1/sessions/current', elsewhere)).status).toBe(401);
    expect(
      (await h.call('POST', '/v1/sessions', undefined, { email: ana.email, password: PASSWORD })).status,
    ).toBe(401);
    await signIn(ana.email, 'a brand new passphrase');
  });

  it('ends the sessions of a disabled or deleted user, and keeps the last admin', async () => {
    const ana = await user('member', [clinic.id]);
    const cookie = (await signIn(ana.email)).cookie;
    const disabled = await h.call('PATCH', `/v1/users/${ana.id}`, ADMIN_KEY, { disabled: true });
    expect(disabled).toMatchObject({ status: 200, body: { disabled: true } });
    expect((await call('GET', '/v1/sessions/current', cookie)).status).toBe(401);
    expect(
      (await h.call('POST', '/v1/sessions', undefined, { email: ana.email, password: PASSWORD })).status,
    ).toBe(401);
    await h.ok('PATCH', `/v1/users/${ana.id}`, ADMIN_KEY, { disabled: false, workspaceIds: [dental.id] });
    const back = (await signIn(ana.email)).cookie;
    expect((await call('GET', '/v1/members', back, undefined, { 'x-workspace-id': dental.id })).status).toBe(
      200,
    );
    expect((await call('GET', '/v1/members', back, undefined, { 'x-workspace-id': clinic.id })).status).toBe(
      403,
    );
    expect((await h.call('DELETE', `/v1/users/${ana.id}`, ADMIN_KEY)).status).toBe(204);
    expect((await call('GET', '/v1/sessions/current', back)).status).toBe(401);
    expect((await h.call('GET', `/v1/users/${ana.id}`, ADMIN_KEY)).status).toBe(404);

    // The last enabled admin stays (another admin may be demoted).
    const admins = (await h.ok('GET', '/v1/users', ADMIN_KEY)).items.filter(
      (u: { role: string; disabled: boolean }) => u.role === 'admin' && !u.disabled,
    );
    for (const extra of admins.slice(1))
      await h.ok('PATCH', `/v1/users/${extra.id}`, ADMIN_KEY, { role: 'member' });
    const last = admins[0] ?? (await user('admin'));
    const demote = await h.call('PATCH', `/v1/users/${last.id}`, ADMIN_KEY, { role: 'member' });
    expect(demote).toMatchObject({
      status: 409,
      body: { message: expect.stringMatching(/last enabled admin/) },
    });
    expect((await h.call('DELETE', `/v1/users/${last.id}`, ADMIN_KEY)).status).toBe(409);
  });

  it('answers 429 with Retry-After after too many failed sign-ins for one email', async () => {
    const ana = await user('member');
    const attempts: Array<ApiAnswer> = [];
    for (let i = 0; i < 4; i++)
      attempts.push(
        await h.call('POST', '/v1/sessions', undefined, { email: ana.email, password: `wrong guess ${i}` }),
      );
    expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 429]);
    expect(Number(attempts[3].headers.get('retry-after'))).toBeGreaterThan(0);
    expect(attempts[3].body.message).toMatch(/Too many failed sign-ins/);
    // Even the right password waits now; another email is unaffected.
    expect(
      (await h.call('POST', '/v1/sessions', undefined, { email: ana.email, password: PASSWORD })).status,
    ).toBe(429);
    const bo = await user('member');
    await signIn(bo.email);
  });
});

describe('sign-in attempts per address', () => {
  const h = ApiHarness.forSuite({ workspace: false, env: { API_SIGN_IN_PER_ADDRESS: '3' } });

  it('answers 429 with Retry-After past the limit, before reading the body', async () => {
    const statuses: number[] = [];
    // No proxy is trusted: an invented X-Forwarded-For does not make each attempt a new address.
    for (let i = 0; i < 3; i++)
      statuses.push(
        (
          await h.call(
            'POST',
            '/v1/sessions',
            undefined,
            { email: `x${i}@example.com`, password: 'whatever' },
            { 'x-forwarded-for': `203.0.113.${i + 1}` },
          )
        ).status,
      );
    const fourth = await h.call('POST', '/v1/sessions', undefined, '{"email": broken', {
      'content-type': 'application/json',
      'x-forwarded-for': '203.0.113.99',
    });
    expect(statuses).toEqual([401, 401, 401]);
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('caps a sign-in body at 4 KiB', async () => {
    const fresh = await ApiHarness.start();
    try {
      const res = await fresh.call('POST', '/v1/sessions', undefined, {
        email: 'a@example.com',
        password: 'x'.repeat(5000),
      });
      expect(res.status).toBe(413);
    } finally {
      await fresh.stop();
    }
  });
});
