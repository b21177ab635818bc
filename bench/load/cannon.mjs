// Load generator child process (autocannon, closed loop): POSTs signed, unique webhooks to one URL
// for a duration and prints autocannon's summary as one JSON line.
// argv[2]: { url, signedUrl, connections, durationS, phones, to }
import autocannon from 'autocannon';
import { sidFactory, signedWebhook } from '../lib/webhook.mjs';

const cfg = JSON.parse(process.argv[2]);
const nextSid = sidFactory('SM');
const path = new URL(cfg.url).pathname;
const phones = cfg.phones ?? 1000;
let n = 0;
const body = 'Hello there, I would like to book an appointment for next Tuesday morning please.';

const result = await autocannon({
  url: cfg.url,
  connections: cfg.connections ?? 50,
  duration: cfg.durationS,
  requests: [
    {
      method: 'POST',
      path,
      setupRequest: (req) => {
        const from = `+1444${String(n++ % phones).padStart(7, '0')}`;
        const hook = signedWebhook(cfg.signedUrl, {
          messageSid: nextSid(),
          from,
          to: cfg.to ?? '+15550001111',
          body,
        });
        return { ...req, body: hook.body, headers: { ...req.headers, ...hook.headers } };
      },
    },
  ],
});
const pick = (o) => ({ mean: o.mean, p50: o.p50, p90: o.p90, p99: o.p99, max: o.max });
process.stdout.write(
  `${JSON.stringify({
    rps: pick(result.requests),
    latencyMs: pick(result.latency),
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS: result.duration,
  })}\n`,
);
