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
    instrumentations: [],
  });
  sdk.start();
  return true;
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
