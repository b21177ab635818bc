import { trace } from '@opentelemetry/api';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import type { InMemorySpanExporter, SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * The SDK, its exporter and the instrumentations are loaded when tracing starts, not at import: a
 * service without an endpoint (the default) never loads them (~25 MB resident per process).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = <T>(id: string): T => require(id) as T;
const traceBase = () => load<typeof import('@opentelemetry/sdk-trace-base')>('@opentelemetry/sdk-trace-base');

let sdk: NodeSDK | undefined;

/**
 * Starts OpenTelemetry tracing when an OTLP endpoint is configured (or an exporter is given, as
 * tests do). Without either, the OpenTelemetry API stays a no-op and costs nothing. Phone numbers
 * and message bodies are never put on spans by our code.
 */
export function startTracing(options: {
  serviceName: string;
  otlpEndpoint?: string;
  exporter?: SpanExporter;
}): boolean {
  if (sdk) return true;
  const exporter =
    options.exporter ?? (options.otlpEndpoint ? otlpExporter(options.otlpEndpoint) : undefined);
  if (!exporter) return false;
  const { resourceFromAttributes } =
    load<typeof import('@opentelemetry/resources')>('@opentelemetry/resources');
  const { ATTR_SERVICE_NAME } = load<typeof import('@opentelemetry/semantic-conventions')>(
    '@opentelemetry/semantic-conventions',
  );
  const { BatchSpanProcessor, SimpleSpanProcessor } = traceBase();
  sdk = new (load<typeof import('@opentelemetry/sdk-node')>('@opentelemetry/sdk-node').NodeSDK)({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
    instrumentations: instrumentations(),
  });
  sdk.start();
  return true;
}

function otlpExporter(endpoint: string): SpanExporter {
  const { OTLPTraceExporter } = load<typeof import('@opentelemetry/exporter-trace-otlp-http')>(
    '@opentelemetry/exporter-trace-otlp-http',
  );
  return new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` });
}

/** Probes and scrapes make no spans. */
const UNTRACED_PATHS = /^\/(health\/|metrics)/;

/**
 * HTTP in and out (node:http: Fastify, the Twilio client), undici (fetch) and pg, beside our NATS
 * spans. Registered only with an exporter. They patch modules loaded after this call: services
 * start tracing first (`@app/telemetry/register`). pg spans carry the statement, never its values,
 * and only inside a trace (requireParentSpan): no spans for pool checks or migrations.
 */
function instrumentations() {
  const { HttpInstrumentation } = load<typeof import('@opentelemetry/instrumentation-http')>(
    '@opentelemetry/instrumentation-http',
  );
  const { PgInstrumentation } = load<typeof import('@opentelemetry/instrumentation-pg')>(
    '@opentelemetry/instrumentation-pg',
  );
  const { UndiciInstrumentation } = load<typeof import('@opentelemetry/instrumentation-undici')>(
    '@opentelemetry/instrumentation-undici',
  );
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.test(request.url ?? ''),
    }),
    new UndiciInstrumentation(),
    new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
  ];
}

export async function stopTracing(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  await running?.shutdown();
}

/** For tests: every finished span, in memory. */
export function startInMemoryTracing(serviceName = 'test'): InMemorySpanExporter {
  const exporter = new (traceBase().InMemorySpanExporter)();
  startTracing({ serviceName, exporter });
  return exporter;
}

export const tracer = (name: string) => trace.getTracer(name);
