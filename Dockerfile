# syntax=docker/dockerfile:1
# One production image per service, from this one file:
#
#   docker build --build-arg APP=routing -t twilio-agents/routing .
#
# APP is one of: ingress api routing preferences chats workflow outbound twilio-emulator.
# The image holds only that service's compiled output (dist/apps/$APP + dist/libs), the
# production node_modules and a one-line entry point; no sources, tests, dev dependencies or
# source maps. It runs as the unprivileged `node` user (uid 1000). `docker run IMAGE migrate`
# runs the service's migrations only.
# Node 24 (LTS) in the images; the code also runs on Node >= 20.19 (package.json engines).
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: every app and lib, transpiled to dist/ (shared by all eight images) -------------
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json .swcrc ./
COPY scripts/build.mjs scripts/build-console.mjs scripts/healthcheck.cjs scripts/
COPY libs libs
COPY apps apps
# Also builds the operator console (Vite) into dist/apps/api/console: the api image serves it.
RUN node scripts/build.mjs --clean \
 && find dist -name '*.map' -delete \
 && rm -rf dist/apps/e2e dist/libs/testing \
 && test -f dist/apps/api/console/index.html

# ---- prod-deps: runtime dependencies only (no install scripts: nothing at runtime needs one),
# without source maps, type declarations and docs (about half of node_modules).
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force \
 && find node_modules -type f \( -name '*.map' -o -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' -o -name '*.md' \) -delete

# ---- runtime: one service ----------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG APP
RUN test -n "$APP" || (echo 'build with --build-arg APP=<service>' >&2 && exit 1)
ENV NODE_ENV=production \
    APP=${APP}
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/package.json ./package.json
COPY --from=build /src/dist/libs ./dist/libs
COPY --from=build /src/dist/apps/${APP} ./dist/apps/${APP}
# A fixed entry point, so exec-form ENTRYPOINT works for every APP and arguments pass through.
RUN test -f "dist/apps/${APP}/src/main.js" \
 && printf "require('./dist/apps/%s/src/main.js');\n" "$APP" > main.js
COPY --from=build /src/scripts/healthcheck.cjs ./healthcheck.cjs
USER 1000:1000
# The service's port comes from its config default (or PORT); health: /health/live, /health/ready.
# Compose and Kubernetes use their own probes; this one is for a plain `docker run`.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "/app/healthcheck.cjs"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "/app/main.js"]
