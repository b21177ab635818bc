import { trace } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

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
    options.exporter ??
    (options.otlpEndpoint
      ? new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` })
      : undefined);
  if (!exporter) return false;
  sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
    instrumentations: instrumentations(),
  });
  sdk.start();
  return true;
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
  const exporter = new InMemorySpanExporter();
  startTracing({ serviceName, exporter });
  return exporter;
}

export const tracer = (name: string) => trace.getTracer(name);
