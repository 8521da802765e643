# syntax=docker/dockerfile:1
# Gigafibre Ops: the built SPA + the BFF in one small image (the standin is for local runs and
# tests only and is not shipped). Runs on Node 22 LTS; the code also runs on Node 20.

FROM node:22-bookworm-slim AS build
WORKDIR /src
RUN npm install -g -E pnpm@12.4.2
# Manifests first so the dependency layer is cached across source changes.
COPY package.json pnpm-workspace.yaml pnpm-lock.yaml ./
COPY apps/ops/package.json apps/ops/
COPY apps/bff/package.json apps/bff/
COPY packages/capabilities/package.json packages/capabilities/
COPY packages/contracts/package.json packages/contracts/
COPY packages/keepalive/package.json packages/keepalive/
RUN pnpm install --frozen-lockfile --filter @gigafibre/ops... --filter @gigafibre/bff... --filter gigafibre-ops-workspace
COPY tsconfig.base.json vite.config.ts ./
COPY public public
COPY packages packages
COPY apps/ops apps/ops
COPY apps/bff apps/bff
# The SPA (vite, base /ops/) and the BFF (one esbuild bundle that includes packages/*).
RUN pnpm exec vite build && pnpm --filter @gigafibre/bff run build
# A standalone folder with the BFF's production dependencies only.
RUN pnpm --filter @gigafibre/bff deploy --prod --legacy /out \
 && cp -r apps/bff/dist /out/dist \
 && cp -r apps/ops/dist /out/public

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    OPS_STATIC_DIR=/app/public
WORKDIR /app
COPY --from=build --chown=node:node /out /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/ops/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM drains in-flight requests and open streams (see apps/bff/src/index.ts).
STOPSIGNAL SIGTERM
CMD ["node", "dist/index.js"]
