import { listMessagePage } from './message-list';
import type { EmulatedMessage } from './message.model';

const base = '/2010-04-01/Accounts/AC1/Messages.json';

function message(n: number, overrides: Partial<EmulatedMessage> = {}): EmulatedMessage {
  const at = Date.UTC(2024, 0, 1, 12, 0, n);
  return {
    sid: `SM${String(n).padStart(32, '0')}`,
    accountSid: 'AC1',
    channel: 'sms',
    to: '+15550000001',
    from: '+15559999999',
    toPhone: '+15550000001',
    fromPhone: '+15559999999',
    body: `m${n}`,
    contentSid: null,
    contentVariables: null,
    content: null,
    mediaUrls: [],
    statusCallback: null,
    messagingServiceSid: null,
    numSegments: 1,
    status: 'delivered',
    errorCode: null,
    errorMessage: null,
    createdAt: at,
    updatedAt: at,
    sentAt: at,
    history: [],
    callbacks: [],
    outcome: { status: 'delivered' },
    ...overrides,
  };
}

describe('listMessagePage', () => {
  const newestFirst = [5, 4, 3, 2, 1].map((n) => message(n));

  it('pages with PageSize and links the next page with a PageToken', () => {
    const first = listMessagePage(newestFirst, { PageSize: '2' }, base);
    expect(first.messages.map((m) => m.body)).toEqual(['m5', 'm4']);
    expect(first.start).toBe(0);
    expect(first.end).toBe(1);
    expect(first.previousPageUri).toBeNull();
    expect(first.nextPageUri).toBe(`${base}?PageSize=2&Page=1&PageToken=PA${newestFirst[1].sid}`);

    const next = Object.fromEntries(new URL(first.nextPageUri!, 'http://x').searchParams);
    const second = listMessagePage([message(6), ...newestFirst], next, base);
    expect(second.messages.map((m) => m.body)).toEqual(['m3', 'm2']);
    expect(second.page).toBe(1);

    const last = listMessagePage(newestFirst, { PageSize: '2', Page: '2' }, base);
    expect(last.messages.map((m) => m.body)).toEqual(['m1']);
    expect(last.nextPageUri).toBeNull();
    expect(last.previousPageUri).toContain('Page=1');
  });

  it('filters by To and From, keeping filters in page links', () => {
    const mixed = [
      message(3, { to: 'whatsapp:+15550000002', toPhone: '+15550000002', channel: 'whatsapp' }),
      message(2, { to: '+15550000002', toPhone: '+15550000002' }),
      message(1),
    ];
    expect(listMessagePage(mixed, { To: '+15550000002' }, base).messages.map((m) => m.body)).toEqual(['m2']);
    expect(listMessagePage(mixed, { To: 'whatsapp:+15550000002' }, base).messages.map((m) => m.body)).toEqual(
      ['m3'],
    );
    expect(listMessagePage(mixed, { From: '+15550000000' }, base).messages).toHaveLength(0);
    expect(listMessagePage(mixed, { To: '+15550000002', PageSize: '1' }, base).firstPageUri).toBe(
      `${base}?To=%2B15550000002&PageSize=1&Page=0`,
    );
  });

  it('filters by DateSent (a day) and DateSent< / DateSent> (inclusive bounds)', () => {
    const days = [
      message(2, { sentAt: Date.UTC(2024, 0, 2, 10) }),
      message(1, { sentAt: Date.UTC(2024, 0, 1, 10) }),
    ];
    expect(
      listMessagePage(days, { DateSent: '2024-01-01T00:00:00Z' }, base).messages.map((m) => m.body),
    ).toEqual(['m1']);
    expect(listMessagePage(days, { 'DateSent>': '2024-01-02' }, base).messages.map((m) => m.body)).toEqual([
      'm2',
    ]);
    expect(listMessagePage(days, { 'DateSent<': '2024-01-01' }, base).messages.map((m) => m.body)).toEqual([
      'm1',
    ]);
    expect(listMessagePage(days, { 'DateSent<': '2024-01-02T10:00:00Z' }, base).messages).toHaveLength(2);
  });

  it('bounds the page size', () => {
    expect(listMessagePage(newestFirst, { PageSize: '5000' }, base).pageSize).toBe(1000);
    expect(listMessagePage(newestFirst, {}, base).pageSize).toBe(50);
  });
});
