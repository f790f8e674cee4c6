#!/usr/bin/env bash
# CI: starts the built app on a fresh database with a demo shop and one owner, runs scripts/smoke.sh against
# it, saves a scrape of its /metrics (METRICS_OUT, for scripts/ci/check-monitoring.sh), and cleans up. Run
# after `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/.."
run="ci_smoke_$$"
server=${TEST_DATABASE_SERVER:-mysql://root@127.0.0.1:3306}
export DATABASE_URL="$server/dvorik_test_$run" REDIS_URL=${TEST_REDIS_URL:-redis://127.0.0.1:6379/0} REDIS_PREFIX="dvorik_test_$run"
export JWT_SECRET="ci-smoke-secret-0123456789-abcdefghij" CLIENT_BOT_TOKEN="111111:ci-smoke-client-token" STAFF_BOT_TOKEN="222222:ci-smoke-staff-token"
export TELEGRAM_WEBHOOK_SECRET="ci-smoke-webhook-secret-01" INTERNAL_API_KEYS="ci-smoke-pos-key-0123456789" TELEGRAM_API_ROOT="http://127.0.0.1:9"
export APP_ROLES="api,worker,scheduler" LOG_LEVEL=warn PUBLIC_URL=""
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
export PORT=$port

cleanup() {
  local status=$?
  set +e # clean up whatever happened, and keep the smoke's own exit status
  if [[ -n "${app:-}" ]]; then
    kill "$app" 2>/dev/null
    wait "$app" 2>/dev/null
  fi
  mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS \`dvorik_test_$run\`"
  redis-cli --scan --pattern "dvorik_test_$run:*" | xargs -r redis-cli del >/dev/null
  exit "$status"
}
trap cleanup EXIT

npx ts-node --transpile-only scripts/create-database.ts
npm run --silent migration:run:prod >/dev/null
ADMIN_PASSWORD="ci-smoke-owner-password" node dist/src/cli/create-admin.js --username smoke --role owner
node dist/src/cli/seed-demo.js --users 30 >/dev/null
node dist/src/main.js >/tmp/dvorik-ci-smoke-app.log 2>&1 &
app=$!
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
SMOKE_USERNAME=smoke SMOKE_PASSWORD="ci-smoke-owner-password" SMOKE_POS_KEY="ci-smoke-pos-key-0123456789" \
  bash scripts/smoke.sh "http://127.0.0.1:$port"
if [[ -n "${METRICS_OUT:-}" ]]; then
  curl -fsS "http://127.0.0.1:$port/metrics" >"$METRICS_OUT"
  echo "metrics of the live app saved to $METRICS_OUT"
fi
