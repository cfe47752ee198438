# Khong Hen: one image for the app instances and the notification worker (compose.yaml runs both).
# Build stage compiles everything (`npm run build`); the runtime stage holds the compiled output, the mini-app and
# console builds and the production dependencies only, and runs as the unprivileged "node" user.

FROM node:22-bookworm-slim AS build
WORKDIR /app
# Native modules (better-sqlite3, argon2) use prebuilt binaries; the toolchain is the fallback.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
# tini forwards SIGTERM to node (graceful shutdown); pg_dump/pg_restore serve npm run backup / restore.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini postgresql-client \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/mini-app/www ./mini-app/www
COPY --from=build --chown=node:node /app/bot-server/start.js ./bot-server/start.js
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "bot-server/start.js"]
