#!/usr/bin/env bash
# The restore drill (DEPLOYMENT.md, Backups): restores a backup into a scratch database beside the live one,
# checks it is a whole Dvorik database, prints its tables' row counts, and drops the scratch database.
#   scripts/restore-drill.sh [BACKUP.sql.gz]      (default: the newest dvorik-*.sql.gz in BACKUP_DIR, or .)
# DATABASE_URL names the live database (its server and credentials are used; the user needs CREATE/DROP).
set -euo pipefail
if [[ -z "${DATABASE_URL:-}" && -f .env ]]; then
  DATABASE_URL=$(grep -E '^DATABASE_URL=' .env | tail -n1 | cut -d= -f2-)
fi
: "${DATABASE_URL:?DATABASE_URL is not set}"
file=${1:-$(find "${BACKUP_DIR:-.}" -maxdepth 1 -name 'dvorik-*.sql.gz' | sort | tail -n1)}
[[ -n "$file" && -f "$file" ]] || { echo "no backup to drill (give a file or BACKUP_DIR)" >&2; exit 1; }
here=$(dirname "$0")
# shellcheck source=scripts/mysql-url.sh
source "$here/mysql-url.sh"
parse_mysql_url "$DATABASE_URL"
scratch="${DB_NAME}_drill"
client() { MYSQL_PWD="$DB_PASSWORD" mysql --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" -N "$@"; }
trap 'client -e "DROP DATABASE IF EXISTS \`$scratch\`"' EXIT

client -e "DROP DATABASE IF EXISTS \`$scratch\`"
DATABASE_URL="${DATABASE_URL%/*}/$scratch" bash "$here/restore.sh" "$file" >/dev/null
counts=$(client "$scratch" -e "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name" |
  while read -r table; do printf '%s\t%s\n' "$table" "$(client "$scratch" -e "SELECT COUNT(*) FROM \`$table\`")"; done)
echo "$counts"
for table in migrations users discounts settings admins; do
  grep -q "^$table	" <<<"$counts" || { echo "drill FAILED: table $table is missing from $file" >&2; exit 1; }
done
migrations=$(grep '^migrations	' <<<"$counts" | cut -f2)
[[ "$migrations" -gt 0 ]] || { echo "drill FAILED: no migration history in $file" >&2; exit 1; }
echo "drill ok: $file restores into $(wc -l <<<"$counts") tables, $migrations migrations"
