// Imported first by every service's main.ts: starts tracing, when an exporter is configured
// (OTEL_EXPORTER_OTLP_ENDPOINT), before http, undici and pg are loaded, so that their
// auto-instrumentation can patch them. Without an endpoint nothing is registered (no cost).
import { startTracing } from './tracing';

/** The service whose main.js is loading: dist/apps/<name>/src/main.js (also inside the image). */
function serviceName(): string {
  for (const file of Object.keys(require.cache)) {
    const match = /[/\\]apps[/\\]([^/\\]+)[/\\]src[/\\]main\.js$/.exec(file);
    if (match) return match[1];
  }
  return 'twilio-agents';
}

const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
if (endpoint) startTracing({ serviceName: serviceName(), otlpEndpoint: endpoint });
