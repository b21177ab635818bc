import { mediaOutcome } from './media-outcome';

describe('mediaOutcome', () => {
  it('lets ordinary media through', () => {
    expect(mediaOutcome(['https://cdn.example.com/a.jpg'])).toBeNull();
    expect(mediaOutcome([])).toBeNull();
  });

  it('fails a message whose media the URL says is too large (11751) or unreachable (63019)', () => {
    expect(
      mediaOutcome([
        'https://cdn.example.com/a.jpg',
        'https://cdn.example.com/b.jpg?emulator-media=too-large',
      ]),
    ).toMatchObject({ status: 'failed', errorCode: 11751 });
    expect(mediaOutcome(['https://cdn.example.com/a.jpg?emulator-media=unreachable'])).toMatchObject({
      status: 'failed',
      errorCode: 63019,
    });
  });
});
