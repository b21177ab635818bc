// The image's HEALTHCHECK (Dockerfile): GET /health/ready on the service's own port, which is PORT
// or, unset, the default in its config schema. Exits 0 when ready, 1 otherwise.
const port =
  process.env.PORT ||
  Object.entries(require(`./dist/apps/${process.env.APP}/src/config.js`))
    .find(([name]) => name.endsWith('ConfigShape'))[1]
    .PORT.parse(undefined);
fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(4000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
