import { RequestOne } from '@nats-io/nats-core/internal';

/**
 * nats-core 3.4's `RequestOne.cancel()` rejects the request's promise with a new
 * `RequestError('cancelled')`, and `resolver()` calls it right after the reply resolved that
 * promise: an Error, its stack trace captured, thrown away on every request and every JetStream
 * publish (5.5 % of ingress's CPU under load, the largest single function after GC and socket
 * writes). A request its reply settled only unhooks its timer and subscription here; one cancelled
 * while pending (the connection closing) is rejected as before. Remove once nats-core stops it.
 */
interface Settling {
  answered?: boolean;
}

const { resolver, cancel } = RequestOne.prototype;
let installed = false;

export function settleRequestsWithoutErrors(): void {
  if (installed) return;
  installed = true;
  RequestOne.prototype.resolver = function (this: RequestOne & Settling, ...args) {
    this.answered = true;
    resolver.apply(this, args);
  };
  RequestOne.prototype.cancel = function (this: RequestOne & Settling, err?: Error) {
    if (err || !this.answered) return cancel.call(this, err);
    this.timer?.cancel();
    this.mux.cancel(this);
  };
}
