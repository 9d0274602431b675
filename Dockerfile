# syntax=docker/dockerfile:1
# One image, two programs: the api (default command) and the worker (compose.yaml overrides the
# command). Every command below is the one the tests run (test/processes.ts, test/production.test.ts):
#   node --conditions=compiled apps/api/dist/migrate.js      (npm run migrate)
#   node --conditions=compiled --import ./apps/api/dist/instrument.js apps/api/dist/main.js  (npm run start:api)
#   node --conditions=compiled --import ./apps/worker/dist/instrument.js apps/worker/dist/main.js  (npm run start:worker)
#   node --conditions=compiled apps/{api,worker}/dist/healthcheck.js
ARG NODE_IMAGE=node:20.20-bookworm-slim

FROM ${NODE_IMAGE} AS base
# corepack can't verify pnpm on some registries; the pinned npm package always installs.
RUN npm install -g pnpm@12.21.0 && pnpm --version
WORKDIR /app
# Manifests only, so the dependency layers are cached until a lockfile or package.json changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
# pnpm applies these to dependencies at install (patchedDependencies in pnpm-workspace.yaml).
COPY patches patches/
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/web/package.json apps/web/
COPY packages/config/package.json packages/config/
COPY packages/db/package.json packages/db/
COPY packages/core/package.json packages/core/
COPY packages/sdk/package.json packages/sdk/

FROM base AS build
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm build

FROM base AS prod-deps
# Runtime dependencies only: no tsx, no vite, no test tools.
RUN pnpm install --frozen-lockfile --prod

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production API_PORT=8000 DATA_DIR=/app/.data
WORKDIR /app
COPY --from=prod-deps /app ./
COPY --from=build /app/packages/config/dist packages/config/dist
COPY --from=build /app/packages/db/dist packages/db/dist
COPY --from=build /app/packages/db/migrations packages/db/migrations
COPY --from=build /app/packages/core/dist packages/core/dist
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/worker/dist apps/worker/dist
# The SPA the api serves on its own origin; its source maps stay out of the image.
COPY --from=build /app/apps/web/dist apps/web/dist
RUN find apps/web/dist -name '*.map' -delete && mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 CMD ["node", "--conditions=compiled", "apps/api/dist/healthcheck.js"]
CMD ["node", "--conditions=compiled", "--import", "./apps/api/dist/instrument.js", "apps/api/dist/main.js"]
