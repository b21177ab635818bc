// The ceiling: bare Fastify (the framework under our NestJS ingress) parsing the same form body
// and answering the same empty TwiML, with no signature check and no persistence.
import Fastify from 'fastify';
import formbody from '@fastify/formbody';

const TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
const app = Fastify({ logger: false });
await app.register(formbody);
app.post('/twilio/messaging', async (_req, reply) => reply.header('content-type', 'text/xml').send(TWIML));
app.get('/health/ready', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
