#!/usr/bin/env bash
# Dumps the Dvorik database (schema, data, migration history) to a gzipped SQL file that restore.sh reads.
#   scripts/backup.sh                  BACKUP_DIR/dvorik-<UTC timestamp>.sql.gz (BACKUP_DIR default: .)
#   scripts/backup.sh OUTPUT.sql.gz    exactly that file
# DATABASE_URL comes from the environment or ./.env. A consistent snapshot without locking the shop:
# --single-transaction (InnoDB). Times are UTC as stored. The dump is written to a temporary name and moved
# into place only when mysqldump and gzip both succeeded, so a half-written file never counts as a backup.
# After a success, in the backup's directory:
#  - retention: only the newest BACKUP_KEEP (default 14) files dvorik-*.sql.gz are kept;
#  - dvorik-backup.prom, in node_exporter's textfile format: dvorik_backup_last_success_timestamp_seconds
#    and dvorik_backup_size_bytes, which the BackupTooOld alert reads (docs/MONITORING.md).
set -euo pipefail

if [[ -z "${DATABASE_URL:-}" && -f .env ]]; then
  DATABASE_URL=$(grep -E '^DATABASE_URL=' .env | tail -n1 | cut -d= -f2-)
fi
: "${DATABASE_URL:?DATABASE_URL is not set (mysql://user:password@host:port/database)}"
keep=${BACKUP_KEEP:-14}
[[ "$keep" =~ ^[1-9][0-9]*$ ]] || { echo "BACKUP_KEEP must be a positive integer (got \"$keep\")" >&2; exit 1; }

if [[ $# -ge 1 ]]; then
  out=$1
else
  mkdir -p "${BACKUP_DIR:-.}"
  out="${BACKUP_DIR:-.}/dvorik-$(date -u +%Y%m%dT%H%M%SZ).sql.gz"
fi
dir=$(dirname "$out")
# shellcheck source=scripts/mysql-url.sh
source "$(dirname "$0")/mysql-url.sh"
parse_mysql_url "$DATABASE_URL"

dump=$(command -v mysqldump || command -v mariadb-dump)
options=(--single-transaction --routines --triggers --hex-blob --default-character-set=utf8mb4)
# MySQL 8's mysqldump would otherwise write GTID statements a restore into another server refuses.
if "$dump" --help 2>/dev/null | grep -q -- '--set-gtid-purged'; then options+=(--set-gtid-purged=OFF); fi
umask 077 # a backup holds personal data: readable by its owner only
partial="$out.partial"
trap 'rm -f "$partial"' EXIT
MYSQL_PWD="$DB_PASSWORD" "$dump" --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" "${options[@]}" "$DB_NAME" |
  gzip -9 >"$partial"
mv "$partial" "$out"
echo "backup written: $out ($(du -h "$out" | cut -f1))"

# Retention: the newest $keep timestamped backups of this directory (names sort by time).
mapfile -t old < <(find "$dir" -maxdepth 1 -name 'dvorik-*.sql.gz' -printf '%f\n' | sort -r | tail -n +$((keep + 1)))
for name in "${old[@]}"; do
  rm -f "$dir/$name"
  echo "removed old backup: $dir/$name"
done

# The success the BackupTooOld alert reads (node_exporter's textfile collector, or any scraper of the file).
status="$dir/dvorik-backup.prom"
umask 022
cat >"$status.tmp" <<PROM
# HELP dvorik_backup_last_success_timestamp_seconds When scripts/backup.sh last wrote a complete dump, Unix time
# TYPE dvorik_backup_last_success_timestamp_seconds gauge
dvorik_backup_last_success_timestamp_seconds $(date -u +%s)
# HELP dvorik_backup_size_bytes Size of the last complete dump
# TYPE dvorik_backup_size_bytes gauge
dvorik_backup_size_bytes $(stat -c %s "$out")
PROM
mv "$status.tmp" "$status"
