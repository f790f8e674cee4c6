#!/usr/bin/env bash
# Runs the docs/API_EXAMPLES.md requests against a running Dvorik and reports each step.
#   SMOKE_USERNAME=owner SMOKE_PASSWORD=... SMOKE_POS_KEY=... scripts/smoke.sh http://127.0.0.1:3000
# Needs at least one active client (test clients count: `npm run seed:demo -- --users 50`). It issues one
# code, redeems it through the POS API, and schedules then cancels one test broadcast: safe on a live shop.
set -uo pipefail
base=${1:?usage: scripts/smoke.sh BASE_URL}
base=${base%/}
: "${SMOKE_USERNAME:?SMOKE_USERNAME is not set}" "${SMOKE_PASSWORD:?SMOKE_PASSWORD is not set}" "${SMOKE_POS_KEY:?SMOKE_POS_KEY is not set}"

failed=0
passed=0
body=$(mktemp)
trap 'rm -f "$body"' EXIT

# step NAME EXPECTED_STATUS curl-args...  -> the response body is left in $body
step() {
  local name=$1 expected=$2
  shift 2
  local status
  status=$(curl -sS -o "$body" -w '%{http_code}' "$@") || status=000
  if [[ "$status" == "$expected" ]]; then
    passed=$((passed + 1))
    printf 'ok    %-46s %s\n' "$name" "$status"
  else
    failed=$((failed + 1))
    printf 'FAIL  %-46s %s (expected %s): %s\n' "$name" "$status" "$expected" "$(head -c 300 "$body")"
  fi
}

# json FIELD.PATH -> a value of the last response body
json() { node -e 'let v=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));for(const k of process.argv[2].split("."))v=v?.[k];process.stdout.write(v===undefined||v===null?"":String(v))' "$body" "$1"; }

step 'health: MySQL and Redis reachable' 200 "$base/health/ready"

step 'log in' 200 -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "$(node -e 'process.stdout.write(JSON.stringify({username:process.argv[1],password:process.argv[2]}))' "$SMOKE_USERNAME" "$SMOKE_PASSWORD")"
token=$(json accessToken)
auth=(-H "Authorization: Bearer $token")

step 'who am I' 200 "${auth[@]}" "$base/api/v1/auth/me"

step 'a filtered client list' 200 "${auth[@]}" "$base/api/v1/users?status=active&isTest=true&limit=5&sort=-createdAt"
user=$(json items.0.id)
if [[ -z "$user" ]]; then
  step 'any client at all' 200 "${auth[@]}" "$base/api/v1/users?status=active&limit=1"
  user=$(json items.0.id)
fi

step 'issue a code by hand (manual template 3)' 201 "${auth[@]}" -X POST "$base/api/v1/discounts" \
  -H 'Content-Type: application/json' -d "{\"userId\": ${user:-0}, \"templateId\": 3}"
code=$(json code)

step 'POS: validate the code' 200 -X POST "$base/internal/v1/discounts/validate" -H "X-API-Key: $SMOKE_POS_KEY" \
  -H 'Content-Type: application/json' -d "{\"code\": \"$code\", \"purchaseAmount\": 150000}"
key="smoke-$(date +%s)-$$"
redeem=(-X POST "$base/internal/v1/discounts/redeem" -H "X-API-Key: $SMOKE_POS_KEY" -H 'Content-Type: application/json'
  -d "{\"code\": \"$code\", \"purchaseAmount\": 150000, \"terminalId\": \"smoke\", \"idempotencyKey\": \"$key\"}")
step 'POS: redeem the code' 200 "${redeem[@]}"
step 'POS: the same request again (idempotent)' 200 "${redeem[@]}"

step 'draft a test broadcast' 201 "${auth[@]}" -X POST "$base/api/v1/broadcasts" -H 'Content-Type: application/json' \
  -d '{"title": "Проверка (smoke)", "contentType": "text", "text": "<b>Проверка</b> рассылки", "isTest": true}'
broadcast=$(json id)
tomorrow=$(node -e 'process.stdout.write(new Date(Date.now()+86400000).toISOString())')
step 'schedule it for tomorrow' 200 "${auth[@]}" -X POST "$base/api/v1/broadcasts/${broadcast:-0}/schedule" \
  -H 'Content-Type: application/json' -d "{\"scheduledAt\": \"$tomorrow\"}"
step 'cancel it' 200 "${auth[@]}" -X POST "$base/api/v1/broadcasts/${broadcast:-0}/cancel"

step 'log out' 204 "${auth[@]}" -X POST "$base/api/v1/auth/logout"

echo "smoke: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
