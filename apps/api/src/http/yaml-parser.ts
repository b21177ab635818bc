import { Worker } from 'node:worker_threads';

/** Runs in the worker thread: parse, refuse documents nested too deep, answer plain data. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { parse } = require(workerData.yamlPath);
function tooDeep(root, maxDepth, maxNodes) {
  const stack = [[root, 0]];
  let nodes = 0;
  while (stack.length) {
    const [value, depth] = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth || ++nodes > maxNodes) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, text, maxDepth, maxNodes }) => {
  try {
    const value = parse(text, { maxAliasCount: 50 });
    if (tooDeep(value, maxDepth, maxNodes)) parentPort.postMessage({ id, error: 'it is nested deeper than ' + maxDepth + ' levels or has too many parts' });
    else parentPort.postMessage({ id, value });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error).split('\\n')[0] });
  }
});`;

export type YamlOutcome =
  { ok: true; value: unknown } | { ok: false; reason: 'invalid' | 'timeout' | 'busy'; message: string };

export interface YamlParserOptions {
  /** How long one document may take before its worker is stopped. */
  timeoutMs: number;
  maxDepth: number;
  /** Documents waiting beyond this are refused (busy). */
  maxQueued: number;
}

interface Task {
  id: number;
  text: string;
  resolve: (outcome: YamlOutcome) => void;
}

/**
 * YAML is parsed off the event loop, in one worker thread, with a deadline: the `yaml` library
 * needs hundreds of milliseconds for some 64 KiB documents, and a document that takes longer than
 * `timeoutMs` gets its worker terminated (a fresh one starts for the next). Documents are parsed
 * one at a time; the worker exits when idle.
 */
export class YamlParser {
  private worker?: Worker;
  /** The worker has loaded the parser: deadlines count parsing, not starting a thread. */
  private ready = false;
  private readonly queue: Task[] = [];
  private current?: { task: Task; timer: NodeJS.Timeout; worker: Worker };
  private nextId = 0;

  constructor(private readonly options: YamlParserOptions) {}

  parse(text: string): Promise<YamlOutcome> {
    if (this.queue.length >= this.options.maxQueued)
      return Promise.resolve({
        ok: false,
        reason: 'busy',
        message: 'too many YAML documents are being parsed',
      });
    return new Promise((resolve) => {
      this.queue.push({ id: ++this.nextId, text, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.forget();
    await worker?.terminate();
  }

  private pump(): void {
    if (this.current) return;
    const task = this.queue[0];
    if (!task) {
      // Nothing waiting: let the thread go (and the process exit) until the next document.
      this.worker?.unref();
      return;
    }
    const worker = this.spawn();
    worker.ref();
    if (!this.ready) return; // pumped again once it has loaded
    this.queue.shift();
    const timer = setTimeout(() => {
      // Stop the stuck worker first, so the next document gets a fresh one.
      if (this.worker === worker) this.forget();
      void worker.terminate();
      this.finish(task.id, {
        ok: false,
        reason: 'timeout',
        message: `it took longer than ${this.options.timeoutMs} ms to parse`,
      });
    }, this.options.timeoutMs);
    this.current = { task, timer, worker };
    worker.postMessage({ id: task.id, text: task.text, maxDepth: this.options.maxDepth, maxNodes: 100_000 });
  }

  private finish(id: number, outcome: YamlOutcome): void {
    if (this.current?.task.id !== id) return;
    clearTimeout(this.current.timer);
    this.current.task.resolve(outcome);
    this.current = undefined;
    this.pump();
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { yamlPath: require.resolve('yaml') },
      resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
    });
    worker.on('message', (m: { ready?: true; id: number; value?: unknown; error?: string }) => {
      if (m.ready) {
        if (this.worker === worker) this.ready = true;
        return this.pump();
      }
      this.finish(
        m.id,
        m.error === undefined
          ? { ok: true, value: m.value }
          : { ok: false, reason: 'invalid', message: m.error },
      );
    });
    const lost = (why: string) => {
      const starting = this.worker === worker && !this.ready;
      if (this.worker === worker) this.forget();
      if (this.current?.worker === worker)
        this.finish(this.current.task.id, { ok: false, reason: 'invalid', message: why });
      else if (starting) {
        // It died before loading the parser: the first waiting document fails, the rest retry.
        this.queue.shift()?.resolve({ ok: false, reason: 'invalid', message: why });
        this.pump();
      }
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', () => lost('the parser stopped'));
    this.worker = worker;
    this.ready = false;
    return worker;
  }

  private forget(): void {
    this.worker = undefined;
    this.ready = false;
  }
}
