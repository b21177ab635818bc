import { maxMediaBytes, mediaKind, mediaRefusal, outboundMediaUrlProblem } from './media';

const MB = 1024 * 1024;

describe('media rules', () => {
  it.each([
    ['image/jpeg', 'image'],
    ['IMAGE/PNG', 'image'],
    ['audio/ogg; codecs=opus', 'audio'],
    ['audio/mpeg', 'audio'],
    ['video/mp4', 'video'],
    ['application/pdf', 'document'],
    ['text/vcard', 'contact'],
    ['application/x-msdownload', null],
    ['', null],
  ])('%s is of kind %s', (contentType, kind) => {
    expect(mediaKind(contentType)).toBe(kind);
  });

  it.each([
    ['whatsapp', 'image/jpeg', 5 * MB],
    ['whatsapp', 'audio/ogg', 16 * MB],
    ['whatsapp', 'application/pdf', 16 * MB],
    ['sms', 'image/jpeg', 5 * MB],
    ['sms', 'video/mp4', 5 * MB],
  ] as const)('on %s, %s may be %d bytes', (channel, contentType, max) => {
    expect(maxMediaBytes(channel, contentType)).toBe(max);
  });

  it.each([
    ['whatsapp', 'image/jpeg', 1 * MB, null],
    ['whatsapp', 'image/jpeg', 5 * MB + 1, 'too_large'],
    ['whatsapp', 'audio/ogg', 10 * MB, null],
    ['sms', 'audio/ogg', 6 * MB, 'too_large'],
    ['whatsapp', 'application/zip', 10, 'unsupported_type'],
    ['whatsapp', 'image/png', null, null],
  ] as const)('on %s, %s of %s bytes is refused for %s', (channel, contentType, bytes, code) => {
    expect(mediaRefusal(channel, contentType, bytes)?.code ?? null).toBe(code);
  });

  it('says why, with the limit', () => {
    expect(mediaRefusal('whatsapp', 'image/jpeg', 6 * MB)?.reason).toBe(
      'the file is 6.0 MB, over the 5 MB limit for image/jpeg',
    );
  });
});

describe('outboundMediaUrlProblem', () => {
  it('takes an https URL', () => {
    expect(outboundMediaUrlProblem('https://cdn.example.com/a.jpg?x=1')).toBeNull();
  });
  it.each([
    ['not a url', 'must be a URL'],
    ['http://cdn.example.com/a.jpg', 'must be an https URL'],
    ['ftp://cdn.example.com/a.jpg', 'must be an https URL'],
    ['https://user:pw@cdn.example.com/a.jpg', 'must not carry credentials'],
  ])('refuses %s', (url, problem) => {
    expect(outboundMediaUrlProblem(url)).toBe(problem);
  });
});
