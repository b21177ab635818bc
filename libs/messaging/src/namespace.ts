import { STREAMS, type StreamName } from '@app/contracts';

/**
 * Prefixes every subject and stream with NATS_NAMESPACE, so parallel test runs (and several
 * installations on one NATS) never see each other's messages.
 */
export class Namespace {
  constructor(readonly prefix: string) {}

  subject(subject: string): string {
    return this.prefix ? `${this.prefix}.${subject}` : subject;
  }

  /** The contract subject of a namespaced subject. */
  strip(subject: string): string {
    return this.prefix && subject.startsWith(`${this.prefix}.`)
      ? subject.slice(this.prefix.length + 1)
      : subject;
  }

  stream(name: StreamName): string {
    return this.prefix ? `${this.prefix.replace(/[^A-Za-z0-9_-]/g, '_').toUpperCase()}_${name}` : name;
  }

  streamSubjects(name: StreamName): string[] {
    return STREAMS[name].subjects.map((s) => this.subject(s));
  }

  /** Durable consumer names allow no dots. */
  durable(service: string, subject: string): string {
    return `${service}__${subject}`.replace(/[.*>\s]/g, '_');
  }
}
