#!/usr/bin/env bash
# Dumps the Dvorik database (schema, data, migration history) to a gzipped SQL file that restore.sh reads.
#   scripts/backup.sh [OUTPUT.sql.gz]        (DATABASE_URL from the environment or ./.env)
# A consistent snapshot without locking the shop: --single-transaction (InnoDB). Times are UTC as stored.
set -euo pipefail

if [[ -z "${DATABASE_URL:-}" && -f .env ]]; then
  DATABASE_URL=$(grep -E '^DATABASE_URL=' .env | tail -n1 | cut -d= -f2-)
fi
: "${DATABASE_URL:?DATABASE_URL is not set (mysql://user:password@host:port/database)}"

out=${1:-"dvorik-$(date -u +%Y%m%dT%H%M%SZ).sql.gz"}
# shellcheck source=scripts/mysql-url.sh
source "$(dirname "$0")/mysql-url.sh"
parse_mysql_url "$DATABASE_URL"

dump=$(command -v mysqldump || command -v mariadb-dump)
options=(--single-transaction --routines --triggers --hex-blob --default-character-set=utf8mb4)
# MySQL 8's mysqldump would otherwise write GTID statements a restore into another server refuses.
if "$dump" --help 2>/dev/null | grep -q -- '--set-gtid-purged'; then options+=(--set-gtid-purged=OFF); fi
umask 077 # a backup holds personal data: readable by its owner only
MYSQL_PWD="$DB_PASSWORD" "$dump" --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" "${options[@]}" "$DB_NAME" |
  gzip -9 >"$out"
echo "backup written: $out ($(du -h "$out" | cut -f1))"
