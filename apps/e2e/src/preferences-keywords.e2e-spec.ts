import { randomPhone, staysFalse, waitFor } from '@app/testing';
import { System } from './system';

describe('members, preferences and the STOP / START / HELP keywords, end to end', () => {
  const system = System.forSuite();
  let number: { id: string; number: string };

  beforeAll(async () => {
    const workflow = await system.workflow(system.ws.key, [
      { reply: 'Thanks{{#if member.first_name}}, {{member.first_name}}{{/if}}!' },
    ]);
    number = await system.phoneNumber(system.ws.key, {
      defaultWorkflowId: workflow.id,
      brandName: 'Sunrise Dental',
    });
  });

  const memberByPhone = async (phone: string) =>
    (await system.membersWithPhone<Record<string, unknown>>(system.ws.key, phone))[0];
  /** The member at `phone` texts the number (SMS unless said). */
  const texts = (phone: string, body: string, channel: 'sms' | 'whatsapp' = 'sms') =>
    system.inbound({ from: phone, to: number.number, body, channel });

  /** A new member texts `body`: the workflow answers it, the member stays opted in. Their phone. */
  const answeredAsOrdinary = async (body: string) => {
    const phone = randomPhone();
    await texts(phone, body);
    const [reply] = await system.waitForSent(phone, 1, 'sms');
    // SMS carries no profile name (WhatsApp does), so the member has no first name yet.
    expect(reply.body).toBe('Thanks!');
    expect(await memberByPhone(phone)).toMatchObject({ optedOut: false });
    return phone;
  };

  it.each([
    ['STOP', 'sms'],
    ['  stop  ', 'whatsapp'],
    ['Unsubscribe', 'sms'],
    ['quit', 'whatsapp'],
  ] as const)(
    '"%s" on %s opts the member out with one confirmation and no workflow reply',
    async (word, channel) => {
      const phone = randomPhone();
      await texts(phone, 'hi', channel);
      await system.waitForSent(phone, 1, channel);
      await texts(phone, word, channel);
      const sent = await system.waitForSent(phone, 2, channel);
      expect(sent[1].body).toMatch(/unsubscribed|opted out|stop/i);
      const member = await waitFor(async () => {
        const m = await memberByPhone(phone);
        return m?.optedOut ? m : undefined;
      });
      expect(member).toMatchObject({ optedOut: true, optedOutChannel: channel });
      // A retry of the same STOP, or a second STOP, sends no second confirmation.
      await texts(phone, 'STOP', channel);
      // Opted out: a later message gets no workflow reply.
      await texts(phone, 'hello again', channel);
      expect(await staysFalse(async () => (await system.sentTo(phone)).length > 2, 1500)).toBe(true);
    },
  );

  it('treats "please don\'t stop" as an ordinary message, START opts back in, HELP names the brand', async () => {
    const phone = await answeredAsOrdinary("please don't stop");

    await texts(phone, 'STOP');
    await waitFor(async () => (await memberByPhone(phone))?.optedOut === true);
    await texts(phone, 'start');
    await waitFor(async () => (await memberByPhone(phone))?.optedOut === false, { message: 'opted back in' });

    await texts(phone, 'HELP');
    const sent = await system.waitForSent(phone, 4, 'sms');
    expect(sent[3].body).toContain('Sunrise Dental');
  });

  it('answers "Yes" from a member who never opted out with the workflow, and keeps each number\'s own keywords', async () => {
    await answeredAsOrdinary('Yes');

    // A number where "Cancel" answers an appointment and ARRET opts out, with its own confirmation.
    const workflow = await system.workflow(
      system.ws.key,
      [{ reply: 'Noted: {{message.body}}' }],
      'Appointments',
    );
    const own = await system.phoneNumber(system.ws.key, {
      defaultWorkflowId: workflow.id,
      brandName: 'Sunrise Dental',
    });
    const patched = await system.ok('PATCH', `/v1/phone-numbers/${own.id}`, system.ws.key, {
      keywords: { optOut: ['STOP', 'ARRET'] },
      keywordReplies: { optOut: 'Sunrise Dental: you will hear no more from us. START to come back.' },
    });
    expect(patched.keywords).toEqual({
      optOut: ['STOP', 'ARRET'],
      optIn: ['START', 'UNSTOP', 'YES'],
      help: ['HELP', 'INFO'],
    });
    const bad = await system.api('PATCH', `/v1/phone-numbers/${own.id}`, system.ws.key, {
      keywords: { optOut: ['ARRET'] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toMatch(/keywords\.optOut: must include STOP/);

    const other = randomPhone();
    await system.inbound({ from: other, to: own.number, body: 'Cancel', channel: 'sms' });
    const [answer] = await system.waitForSent(other, 1, 'sms');
    expect(answer.body).toBe('Noted: Cancel');
    await system.inbound({ from: other, to: own.number, body: 'arret!', channel: 'sms' });
    const sent = await system.waitForSent(other, 2, 'sms');
    expect(sent[1].body).toBe('Sunrise Dental: you will hear no more from us. START to come back.');
    await waitFor(async () => (await memberByPhone(other))?.optedOut === true, {
      message: 'opted out by ARRET',
    });
  });

  it('creates members with WhatsApp off and SMS, email and voice on, and audits every switch change', async () => {
    const created = await system.ok('POST', '/v1/members', system.ws.key, {
      firstName: 'Dana',
      phone: '+1 (415) 555-2671',
    });
    expect(created).toMatchObject({
      phone: '+14155552671',
      notifySms: true,
      notifyEmail: true,
      notifyVoice: true,
      notifyWhatsapp: false,
      optedOut: false,
    });
    const updated = await system.ok('PATCH', `/v1/members/${created.id}`, system.ws.key, {
      notifyWhatsapp: true,
      notifyEmail: false,
    });
    expect(updated).toMatchObject({ notifyWhatsapp: true, notifyEmail: false, notifySms: true });
    const changes = await system.ok<{
      items: Array<{ field: string; oldValue: unknown; newValue: unknown }>;
    }>('GET', `/v1/members/${created.id}/preference-changes`, system.ws.key);
    expect(changes.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'notifyWhatsapp', oldValue: false, newValue: true }),
        expect.objectContaining({ field: 'notifyEmail', oldValue: true, newValue: false }),
      ]),
    );
    // Bad input changes nothing.
    const bad = await system.api('PATCH', `/v1/members/${created.id}`, system.ws.key, {
      phone: 'not a phone',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/phone/);
    const unknown = await system.api('PATCH', `/v1/members/${created.id}`, system.ws.key, {
      favouriteColour: 'blue',
    });
    expect(unknown.status).toBe(400);
    expect(await system.ok('GET', `/v1/members/${created.id}`, system.ws.key)).toMatchObject({
      phone: '+14155552671',
      notifyWhatsapp: true,
    });

    // Another workspace's key cannot read or change this member.
    const other = await system.workspace({ whatsapp: false, name: 'Other clinic' });
    expect((await system.api('GET', `/v1/members/${created.id}`, other.key)).status).toBe(404);
    expect(
      (await system.api('PATCH', `/v1/members/${created.id}`, other.key, { notifySms: false })).status,
    ).toBe(404);
  });
});
