#!/usr/bin/env bash
# CI: checks docker-compose.yml the way it can be checked without a Docker daemon.
#  1. `docker-compose config` accepts the file with .env.production.example filled in (every `${VAR:?}` the
#     file demands is named in the example), with and without the monitoring profile's services.
#  2. Every app service (built from the Dockerfile) is given every variable src/config/load-config.ts requires,
#     and its environment passes loadConfig itself (scripts/ci/check-compose-env.ts).
# Prints one line `compose: N passed, M failed`; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { # name, command...
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
  fi
}

# The example with its empty values filled with values shaped as the app expects (CI placeholders only).
fill() {
  case $1 in
    *BOT_TOKEN) echo "123456:ci-placeholder-token" ;;
    JWT_SECRET) echo "ci-placeholder-jwt-secret-0123456789abcdef" ;;
    INTERNAL_API_KEYS) echo "ci-placeholder-key-0123456789" ;;
    PUBLIC_URL) echo "https://dvorik.example.ru" ;;
    *) echo "ci-placeholder-${1,,}" | tr '_' '-' ;;
  esac
}
while IFS= read -r line; do
  if [[ "$line" =~ ^([A-Z0-9_]+)=$ ]]; then
    echo "${BASH_REMATCH[1]}=$(fill "${BASH_REMATCH[1]}")"
  else
    echo "$line"
  fi
done <.env.production.example >"$work/env"

# docker-compose reads .env of the project directory too: run from a copy so a developer's .env is not used.
mkdir -p "$work/project"
cp docker-compose.yml "$work/project/"
compose() { (cd "$work/project" && docker-compose --env-file "$work/env" "$@"); }
check "docker-compose config" compose -f docker-compose.yml config -q
check "docker-compose config --profile monitoring --profile backup" \
  compose -f docker-compose.yml --profile monitoring --profile backup config -q
check "docker-compose config without the example's values fails" \
  bash -c "! (cd '$work/project' && env -i PATH=\"\$PATH\" docker-compose --env-file /dev/null config -q 2>/dev/null)"

compose -f docker-compose.yml config >"$work/config.yml" 2>/dev/null
python3 - "$work/config.yml" >"$work/services.json" <<'PY'
import json, sys, yaml
config = yaml.safe_load(open(sys.argv[1]))
apps = {}
for name, service in config.get("services", {}).items():
    if "build" not in service:
        continue
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    apps[name] = {k: "" if v is None else str(v) for k, v in env.items()}
print(json.dumps(apps))
PY
check "app services get every variable load-config requires" \
  npx ts-node --transpile-only scripts/ci/check-compose-env.ts "$work/services.json"

echo "compose: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
