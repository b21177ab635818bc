import { DeadLetter, deadLetterSubject } from '@app/contracts';
import { deadLetterEnvelope, deadLetterMsgId } from './dead-letter';

const base = {
  service: 'chats',
  consumer: 'chats__conversation_message_accepted',
  subject: 'conversation.message.accepted',
  msgId: 'SM0123',
  streamSequence: 42,
  deliveries: 5,
  error: 'invalid payload: twilioSid: Too small',
  payload: { twilioSid: '' },
  at: new Date('2026-01-02T03:04:05.000Z'),
};

describe('the dead-letter envelope', () => {
  it('names where the message came from, why it failed, and carries it as received', () => {
    const letter = deadLetterEnvelope(base);
    const { at: _at, ...asGiven } = base;
    expect(letter).toEqual({ ...asGiven, failedAt: '2026-01-02T03:04:05.000Z' });
    // What `dlq` consumers (and the dead-letter tooling) parse it with.
    expect(DeadLetter.parse(letter)).toEqual(letter);
  });

  it.each([undefined, null, ''])('has a null msgId when the message had none (%p)', (msgId) => {
    expect(deadLetterEnvelope({ ...base, msgId }).msgId).toBeNull();
  });

  it('keeps a payload that was not JSON as the string received', () => {
    const letter = deadLetterEnvelope({ ...base, payload: '{not json' });
    expect(DeadLetter.parse(letter).payload).toBe('{not json');
  });

  it('is published once per consumer and stream message, on the service and subject it failed on', () => {
    expect(deadLetterMsgId(base.consumer, 42)).toBe(deadLetterMsgId(base.consumer, 42));
    expect(deadLetterMsgId(base.consumer, 42)).not.toBe(deadLetterMsgId(base.consumer, 43));
    expect(deadLetterMsgId(base.consumer, 42)).not.toBe(deadLetterMsgId('outbound__x', 42));
    expect(deadLetterSubject('chats', base.subject)).toBe('dlq.chats.conversation.message.accepted');
  });
});
