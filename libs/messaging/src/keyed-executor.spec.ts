import { KeyedExecutor } from './keyed-executor';

/** A task that records its start and end and finishes when released. */
function gate() {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { done, release };
}
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('KeyedExecutor', () => {
  it('runs the tasks of one key one at a time, in submission order', async () => {
    const executor = new KeyedExecutor(8);
    const log: string[] = [];
    const first = gate();
    await executor.submit('chat-1', async () => {
      log.push('a start');
      await first.done;
      log.push('a end');
    });
    await executor.submit('chat-1', async () => {
      log.push('b');
    });
    await tick();
    expect(log).toEqual(['a start']);
    first.release();
    await executor.idle();
    expect(log).toEqual(['a start', 'a end', 'b']);
  });

  it('runs different keys (and unkeyed tasks) side by side', async () => {
    const executor = new KeyedExecutor(8);
    const started: string[] = [];
    const held = gate();
    for (const key of ['chat-1', 'chat-2', undefined]) {
      await executor.submit(key, async () => {
        started.push(key ?? 'none');
        await held.done;
      });
    }
    await tick();
    expect(started).toEqual(['chat-1', 'chat-2', 'none']);
    held.release();
    await executor.idle();
  });

  it('holds a submit back while `concurrency` tasks are pending (back-pressure)', async () => {
    const executor = new KeyedExecutor(2);
    const held = gate();
    await executor.submit('a', () => held.done);
    await executor.submit('b', () => held.done);
    let third = false;
    const submitted = executor.submit('c', async () => undefined).then(() => (third = true));
    await tick();
    expect(executor.size).toBe(2);
    expect(third).toBe(false);
    held.release();
    await submitted;
    expect(third).toBe(true);
    await executor.idle();
    expect(executor.size).toBe(0);
  });

  it('enqueues work already taken at once, over the bound, still in key order', async () => {
    const executor = new KeyedExecutor(1);
    const held = gate();
    const log: string[] = [];
    executor.enqueue('chat-1', async () => {
      await held.done;
      log.push('first');
    });
    expect(executor.free).toBe(0);
    executor.enqueue('chat-1', async () => {
      log.push('second');
    });
    expect(executor.size).toBe(2);
    let roomy = false;
    const room = executor.room().then(() => (roomy = true));
    await tick();
    expect(roomy).toBe(false);
    held.release();
    await room;
    await executor.idle();
    expect(log).toEqual(['first', 'second']);
    expect(executor.free).toBe(1);
  });

  it("does not let a failing task block its key's later tasks", async () => {
    const executor = new KeyedExecutor(4);
    const log: string[] = [];
    await executor.submit('chat-1', async () => {
      log.push('fails');
      throw new Error('handler bug');
    });
    await executor.submit('chat-1', async () => {
      log.push('runs after');
    });
    await executor.idle();
    expect(log).toEqual(['fails', 'runs after']);
  });

  it('is idle at once when nothing is pending', async () => {
    await expect(new KeyedExecutor(1).idle()).resolves.toBeUndefined();
  });
});
