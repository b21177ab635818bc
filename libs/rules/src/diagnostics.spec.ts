import {
  INBOUND_REJECTION_REASONS,
  inboundRejectionReason,
  mediaRefusalReason,
  TURN_SKIP_REASONS,
  turnSkipReason,
} from './diagnostics';
import { mayWorkflowAnswer } from './work-mode';

describe('diagnostics reasons', () => {
  it.each(Object.keys(INBOUND_REJECTION_REASONS) as Array<keyof typeof INBOUND_REJECTION_REASONS>)(
    'says why an inbound message was dropped (%s) in a sentence',
    (code) => {
      expect(inboundRejectionReason(code)).toMatch(/^[A-Z].{20,}[.)]$/);
    },
  );

  it.each([
    ['whatsapp_feature_off', /WhatsApp feature/],
    ['whatsapp_disabled', /turn on WhatsApp/],
    ['unknown_number', /no workspace has/],
    ['archived_number', /archived/],
  ] as const)('names what to do for %s', (code, words) => {
    expect(inboundRejectionReason(code)).toMatch(words);
  });

  it.each([
    ['no_default_workflow', /default workflow/],
    ['keyword_opt_in', /opt-in keyword/],
    ['opted_out', /opted out/],
    ['off_hours', /business hours/],
    ['held_by_person', /taken over/],
  ] as const)('says why a turn was skipped (%s)', (code, words) => {
    expect(turnSkipReason(code)).toMatch(words);
  });

  it('has words for every reason the work mode gives', () => {
    const verdicts = [
      mayWorkflowAnswer('ai', { heldBy: { actor: 'user:1' }, waitingSince: null }),
      mayWorkflowAnswer('human', { heldBy: null, waitingSince: null }),
      mayWorkflowAnswer('ai_with_handoff', { heldBy: null, waitingSince: '2026-01-01' }),
    ];
    for (const verdict of verdicts) {
      if (verdict.answer) throw new Error('expected a refusal');
      expect(TURN_SKIP_REASONS[verdict.reason]).toBeDefined();
    }
  });

  it('still says an unknown skip code rather than hiding it', () => {
    expect(turnSkipReason('something_new')).toBe('The workflow did not answer (something_new).');
  });

  it.each([
    [
      { code: 'too_large', reason: 'the file is 6.0 MB, over the 5 MB limit for image/jpeg' },
      /too large.*6\.0 MB/,
    ],
    [
      { code: 'unsupported_type', reason: 'files of type application/zip are not accepted' },
      /type we do not keep.*zip/,
    ],
    [{ code: 'download_failed', reason: 'Twilio answered 404' }, /could not be downloaded.*404/],
  ])('says why a file was not kept: %j', (refusal, words) => {
    expect(mediaRefusalReason(refusal)).toMatch(words);
  });
});
