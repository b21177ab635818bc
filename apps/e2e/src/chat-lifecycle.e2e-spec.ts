import { randomPhone } from '@app/testing';
import { System } from './system';

/**
 * A chat keeps the workflow it started with until it closes: a change of the number's default
 * reaches only the next chat, and a workflow an action pinned answers until the chat closes.
 */
describe('chat lifecycle: the workflow of a chat holds until it closes, end to end', () => {
  const system = System.forSuite();

  /** A workflow that answers every message with its name in front. */
  const echo = (name: string) =>
    system.workflow(system.ws.key, [{ reply: `${name}: {{message.body}}` }], name);

  /** The member at `phone` on WhatsApp: writes, and gets the text of the answer. */
  const member = (phone: string, number: { number: string }) => async (body: string) => {
    const before = (await system.sentTo(phone, 'whatsapp')).length;
    await system.inbound({ from: phone, to: number.number, body, channel: 'whatsapp' });
    return (await system.waitForSent(phone, before + 1, 'whatsapp'))[before].body;
  };

  /** The member's chats, newest first. */
  async function chatsOf(phone: string) {
    const { id } = await system.memberByPhone(system.ws.key, phone);
    const { items } = await system.ok<{ items: Array<{ id: string; status: string; createdAt: string }> }>(
      'GET',
      `/v1/chats?memberId=${id}`,
      system.ws.key,
    );
    return [...items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  }

  const close = async (chatId: string) =>
    expect(await system.ok('POST', `/v1/chats/${chatId}/close`, system.ws.key)).toMatchObject({
      status: 'closed',
    });

  it('a new default workflow answers from the next chat on: the open chat keeps the one it started with', async () => {
    const [a, b] = [await echo('A'), await echo('B')];
    const number = await system.phoneNumber(system.ws.key, { defaultWorkflowId: a.id });
    const phone = randomPhone();
    const writes = member(phone, number);

    expect(await writes('hello')).toBe('A: hello');
    await system.ok('PATCH', `/v1/phone-numbers/${number.id}`, system.ws.key, { defaultWorkflowId: b.id });
    expect(await writes('still there?')).toBe('A: still there?');

    const [open] = await chatsOf(phone);
    await close(open.id);
    expect(await writes('back again')).toBe('B: back again');
    expect((await chatsOf(phone)).map((c) => [c.id === open.id, c.status])).toEqual([
      [false, 'open'],
      [true, 'closed'],
    ]);
  });

  it("a workflow an event rule pinned answers the member until the chat closes, then the number's default", async () => {
    const number = await system.phoneNumber(system.ws.key, { defaultWorkflowId: (await echo('Default')).id });
    const pinned = await echo('C');
    const phone = randomPhone();
    const { id: memberId } = await system.ok<{ id: string }>('POST', '/v1/members', system.ws.key, {
      phone,
      notifyWhatsapp: true,
    });
    const contentSid = `HX${'c3'.repeat(16)}`;
    await system.ok('POST', '/v1/event-rules', system.ws.key, {
      event: 'check_in_due',
      action: { type: 'send_whatsapp', phoneNumberId: number.id, contentSid, workflowId: pinned.id },
    });
    await system.ok('POST', '/v1/events', system.ws.key, { type: 'check_in_due', memberId, data: {} });
    const [template] = await system.waitForSent(phone, 1, 'whatsapp');
    expect(template.contentSid).toBe(contentSid);

    const writes = member(phone, number);
    expect(await writes('feeling better')).toBe('C: feeling better');
    expect(await writes('thanks')).toBe('C: thanks');

    // One chat so far: the one the template opened, pinned to C.
    const [pinnedChat, ...others] = await chatsOf(phone);
    expect(others).toEqual([]);
    await close(pinnedChat.id);
    expect(await writes('one more thing')).toBe('Default: one more thing');
    expect((await chatsOf(phone)).map((c) => [c.id === pinnedChat.id, c.status])).toEqual([
      [false, 'open'],
      [true, 'closed'],
    ]);
  });
});
