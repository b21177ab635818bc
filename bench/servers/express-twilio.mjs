// The baseline most people write: Express, express.urlencoded(), twilio.webhook() for the
// signature, then an awaited JetStream publish (default client options) before answering.
import express from 'express';
import twilio from 'twilio';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';

const ns = process.env.NATS_NAMESPACE;
const subject = `${ns}.baseline.inbound`;
const stream = `${ns.toUpperCase()}_BASELINE`;
const nc = await connect({ servers: process.env.NATS_URL });
const jsm = await jetstreamManager(nc);
await jsm.streams
  .add({ name: stream, subjects: [`${ns}.baseline.>`], storage: 'file', duplicate_window: 120e9 })
  .catch(async (e) => {
    if (!/already in use/i.test(String(e))) throw e;
  });
const js = jetstream(nc);
const TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const app = express();
app.use(express.urlencoded({ extended: false }));
app.get('/health/ready', (_req, res) => res.json({ status: 'ok' }));
app.post(
  '/twilio/messaging',
  twilio.webhook({ url: `${process.env.PUBLIC_BASE_URL}/twilio/messaging` }, process.env.TWILIO_AUTH_TOKEN),
  async (req, res) => {
    try {
      await js.publish(subject, JSON.stringify(req.body), { msgID: req.body.MessageSid });
      res.type('text/xml').send(TWIML);
    } catch (error) {
      res.status(503).send(String(error));
    }
  },
);
const server = app.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => nc.drain().then(() => process.exit(0))));
