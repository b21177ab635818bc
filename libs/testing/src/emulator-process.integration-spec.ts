import { startEmulatorProcess } from './emulator-process';

jest.setTimeout(90_000);

describe('the emulator as a process', () => {
  it('starts, answers and stops', async () => {
    const emulator = await startEmulatorProcess();
    expect((await fetch(`${emulator.url}/health/live`)).ok).toBe(true);
    await emulator.stop();
    expect(emulator.process.exitCode !== null || emulator.process.signalCode !== null).toBe(true);
  });

  it('fails at once, leaving no process behind, when the emulator exits before it answers', async () => {
    const started = Date.now();
    // An account SID of the wrong form fails the emulator's configuration check.
    await expect(startEmulatorProcess({ TWILIO_ACCOUNT_SID: 'not-a-sid' })).rejects.toThrow(
      /exited \(code 1\) before it answered/,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
