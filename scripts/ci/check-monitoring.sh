#!/usr/bin/env bash
# CI: checks monitoring/ with Debian's promtool (package `prometheus`).
#   scripts/ci/check-monitoring.sh [METRICS_FILE]
# METRICS_FILE: a scrape of the built app's live /metrics (scripts/ci-smoke.sh saves one with METRICS_OUT).
# With it: `promtool check metrics` must have no complaint, and every dvorik_ metric the dashboard and the
# alert rules read must be served (or written by scripts/backup.sh).
# Prints one line `monitoring: N passed, M failed`; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
metrics=${1:-}
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

check "promtool check config monitoring/prometheus.yml" promtool check config monitoring/prometheus.yml
check "promtool check rules monitoring/alerts.yml" promtool check rules monitoring/alerts.yml
check "promtool test rules monitoring/alerts.test.yml" promtool test rules monitoring/alerts.test.yml
check "the dashboard is JSON with a uid and panels" \
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["uid"] and len(d["panels"]) > 10' \
  monitoring/grafana/dashboards/dvorik.json

if [[ -n "$metrics" ]]; then
  lint() {
    local complaints
    complaints=$(promtool check metrics <"$metrics" 2>&1)
    if [[ -n "$complaints" ]]; then
      echo "$complaints"
      return 1
    fi
  }
  check "promtool check metrics on the live /metrics: no complaint" lint

  # Every dvorik_ name an expression reads, served by the app (histograms by their base name) or by backup.sh.
  served() {
    local missing
    missing=$(
      python3 - "$metrics" monitoring/grafana/dashboards/dvorik.json monitoring/alerts.yml <<'PY'
import json, re, sys
served = set(re.findall(r"^# TYPE (\S+)", open(sys.argv[1]).read(), re.M))
served |= {"dvorik_backup_last_success_timestamp_seconds", "dvorik_backup_size_bytes"}  # scripts/backup.sh
exprs = [t["expr"] for p in json.load(open(sys.argv[2]))["panels"] for t in p.get("targets", [])]
exprs.append(open(sys.argv[3]).read())
used = {re.sub(r"_(bucket|count|sum)$", "", n) for e in exprs for n in re.findall(r"\bdvorik_[a-z0-9_]+", e)}
print("\n".join(sorted(n for n in used if n not in served)))
PY
    )
    if [[ -n "$missing" ]]; then
      echo "read by the dashboard or alerts but not served: $missing"
      return 1
    fi
  }
  check "every metric the dashboard and alerts read is served" served
fi

echo "monitoring: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
