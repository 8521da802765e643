# The BFF image: the bundled BFF (apps/bff/build.mjs), its npm runtime dependencies, and the built
# SPA it serves at /ops/. Built from the repository root: `docker compose -f deploy/docker-compose.yml build`.
FROM node:20-bookworm AS build
WORKDIR /src
RUN npm install -g -E pnpm@12.4.2
COPY . .
# The full image has the compilers better-sqlite3 (standin only; the BFF never loads it) may need.
RUN npm_config_nodedir=/usr/local pnpm install --frozen-lockfile \
 && pnpm exec vite build \
 && node apps/bff/build.mjs \
 && pnpm --filter @gigafibre/bff deploy --legacy --prod /out

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=8080 OPS_STATIC_DIR=/app/public
COPY --from=build /out/package.json ./package.json
COPY --from=build /out/node_modules ./node_modules
COPY --from=build /src/apps/bff/dist ./dist
COPY --from=build /src/apps/ops/dist ./public
USER node
EXPOSE 8080
# node itself is the process (no npm/sh in between), so SIGTERM reaches the BFF's drain.
CMD ["node", "dist/index.js"]
