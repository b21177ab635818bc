import { joinsSandbox, needsSandboxJoin, parseSandboxJoin } from './sandbox';

describe('the WhatsApp sandbox join', () => {
  it.each([
    ['join bright-tiger', 'bright-tiger'],
    ['  Join   Bright-Tiger ', 'bright-tiger'],
    ['JOIN two words', 'two words'],
    ['join', null],
    ['please join bright-tiger', null],
    ['joined bright-tiger', null],
    ['', null],
  ])('reads %j as the code %j', (body, code) => {
    expect(parseSandboxJoin(body)).toBe(code);
  });

  it.each([
    ['join bright-tiger', 'bright-tiger', true],
    ['JOIN Bright-Tiger', 'bright-tiger', true],
    ['join bright-tiger', 'Bright-Tiger', true],
    ['join calm-lake', 'bright-tiger', false],
    ['hello', 'bright-tiger', false],
    ['join anything-at-all', null, true],
    ['hello', null, false],
  ] as const)('%j joins a sandbox with code %j: %s', (body, code, joins) => {
    expect(joinsSandbox(body, code)).toBe(joins);
  });

  it.each([
    ['whatsapp', true, true],
    ['whatsapp', false, false],
    ['sms', true, false],
  ] as const)('a %s send from a number with sandbox %s needs the join: %s', (channel, sandbox, needs) => {
    expect(needsSandboxJoin(channel, { whatsappSandbox: sandbox })).toBe(needs);
  });
});
