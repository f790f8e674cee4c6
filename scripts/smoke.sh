#!/usr/bin/env bash
# Runs the docs/API_EXAMPLES.md requests against a running Dvorik and reports each step, through the typed
# client @dvorik/api (scripts/smoke.ts), each answer also checked against the OpenAPI document.
#   SMOKE_USERNAME=owner SMOKE_PASSWORD=... SMOKE_POS_KEY=... scripts/smoke.sh http://127.0.0.1:3000
# Needs at least one active client (test clients count: `npm run seed:demo -- --users 50`). It issues one
# code, redeems it through the POS API, and schedules then cancels one test broadcast: safe on a live shop.
set -uo pipefail
base=${1:?usage: scripts/smoke.sh BASE_URL}
: "${SMOKE_USERNAME:?SMOKE_USERNAME is not set}" "${SMOKE_PASSWORD:?SMOKE_PASSWORD is not set}" "${SMOKE_POS_KEY:?SMOKE_POS_KEY is not set}"
cd "$(dirname "$0")/.."
exec npx ts-node --transpile-only scripts/smoke.ts "${base%/}"
