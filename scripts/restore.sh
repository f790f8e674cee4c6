#!/usr/bin/env bash
# Restores a backup made by backup.sh into the database of DATABASE_URL (created if missing).
#   scripts/restore.sh BACKUP.sql.gz
# Refuses a database that already has tables unless FORCE=1: a restore must not mix two shops' data.
set -euo pipefail
file=${1:?usage: scripts/restore.sh BACKUP.sql.gz}
if [[ -z "${DATABASE_URL:-}" && -f .env ]]; then
  DATABASE_URL=$(grep -E '^DATABASE_URL=' .env | tail -n1 | cut -d= -f2-)
fi
: "${DATABASE_URL:?DATABASE_URL is not set}"
# shellcheck source=scripts/mysql-url.sh
source "$(dirname "$0")/mysql-url.sh"
parse_mysql_url "$DATABASE_URL"

client() { MYSQL_PWD="$DB_PASSWORD" mysql --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" --default-character-set=utf8mb4 "$@"; }
client -e "CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
tables=$(client -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$DB_NAME'")
if [[ "$tables" != "0" && "${FORCE:-0}" != "1" ]]; then
  echo "refusing: $DB_NAME already has $tables tables (FORCE=1 to restore over them)" >&2
  exit 1
fi
gunzip -c "$file" | client "$DB_NAME"
echo "restored $file into $DB_NAME"
