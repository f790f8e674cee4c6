# syntax=docker/dockerfile:1
# Multi-stage on Node 24 LTS (what CI tests on, see .nvmrc): build with dev dependencies, run with
# production dependencies only. The npm workspaces under web/ are built by `npm run build` too; the image
# carries their web/*/dist, whichever web packages exist.
FROM node:24-bookworm-slim AS build
WORKDIR /app
# The whole tree minus .dockerignore: package.json files of web/* workspaces must be there for `npm ci`.
COPY . .
RUN mkdir -p web && npm ci --no-audit --no-fund && npm run build
# Collect web/<package>/dist (none yet is fine) into one tree the runtime stage copies.
RUN mkdir -p /web-dist && for dist in web/*/dist; do \
      [ -d "$dist" ] || continue; mkdir -p "/web-dist/$(dirname "$dist")" && cp -r "$dist" "/web-dist/$dist"; \
    done

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
# Workspaces' package.json files, so `npm ci --omit=dev` sees the same lock as the build stage.
COPY --from=build /app/web ./web-all
RUN mkdir -p web && for p in web-all/*/package.json; do \
      [ -f "$p" ] || continue; d=$(basename "$(dirname "$p")"); mkdir -p "web/$d" && cp "$p" "web/$d/"; \
    done && rm -rf web-all && npm ci --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /web-dist/ ./
COPY package.json ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Stops gracefully on SIGTERM: the current job finishes, bots stop polling, HTTP drains.
CMD ["node", "dist/src/main.js"]
