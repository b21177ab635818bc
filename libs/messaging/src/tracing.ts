import {
  context,
  INVALID_SPAN_CONTEXT,
  propagation,
  ProxyTracerProvider,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';
import type { MsgHdrs } from '@nats-io/transport-node';

const tracer = () => trace.getTracer('messaging');

/** What the API's tracer provider delegates to while no SDK has registered one. */
const NOOP_PROVIDER = new ProxyTracerProvider().getDelegate();
const NON_RECORDING_SPAN = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/**
 * False while no SDK is registered (no exporter: the default). Every span and context is then a
 * no-op, so the hot path (each handling and publish) skips making them; checked on each call, since
 * tracing may start after the transport.
 */
export function tracingOn(): boolean {
  const provider = trace.getTracerProvider();
  return !(provider instanceof ProxyTracerProvider) || provider.getDelegate() !== NOOP_PROVIDER;
}

const setter = { set: (carrier: MsgHdrs, key: string, value: string) => carrier.set(key, value) };
const getter = {
  get: (carrier: MsgHdrs | undefined, key: string) => carrier?.get(key) || undefined,
  keys: (carrier: MsgHdrs | undefined) => (carrier ? [...carrier.keys()] : []),
};

/** Writes the active trace context (W3C traceparent) into NATS headers. */
export function injectTraceContext(headers: MsgHdrs, ctx: Context = context.active()): void {
  propagation.inject(ctx, headers, setter);
}

export function extractTraceContext(headers: MsgHdrs | undefined): Context {
  return propagation.extract(context.active(), headers, getter);
}

/** Runs work in a span that continues the trace found in the message headers. */
export async function withConsumerSpan<T>(
  name: string,
  headers: MsgHdrs | undefined,
  attributes: Record<string, string | number>,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  if (!tracingOn()) return work(NON_RECORDING_SPAN);
  const parent = extractTraceContext(headers);
  return tracer().startActiveSpan(name, { kind: SpanKind.CONSUMER, attributes }, parent, (span) =>
    recorded(span, work),
  );
}

export async function withSpan<T>(
  name: string,
  kind: SpanKind,
  attributes: Record<string, string | number>,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  if (!tracingOn()) return work(NON_RECORDING_SPAN);
  return tracer().startActiveSpan(name, { kind, attributes }, (span) => recorded(span, work));
}

/** Runs the work in the span, records its error on it, and ends it. */
async function recorded<T>(span: Span, work: (span: Span) => Promise<T>): Promise<T> {
  try {
    return await work(span);
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

export function currentTraceId(): string | undefined {
  const id = trace.getActiveSpan()?.spanContext().traceId;
  return id && !/^0+$/.test(id) ? id : undefined;
}
