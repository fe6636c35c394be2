# syntax=docker/dockerfile:1
# One image for the three processes of distributed mode (DESIGN §2); docker-compose.yml picks the entry point:
#   api        node --max-semi-space-size=64 dist/apps/api/apps/api/src/main.js
#   relay      node dist/apps/relay/apps/relay/src/main.js
#   projector  node dist/apps/projector/apps/projector/src/main.js
#   crm CLI    node dist/apps/cli/apps/cli/src/main.js

# Build: full toolchain (better-sqlite3 compiles from source when no prebuilt binary can be fetched).
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npx nest build api \
 && npx nest build relay \
 && npx nest build projector \
 && npx nest build cli \
 && npm prune --omit=dev

# Run: the same Debian release, so the native module built above loads; no compilers, no sources.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/config ./config
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
CMD ["node", "--max-semi-space-size=64", "dist/apps/api/apps/api/src/main.js"]
