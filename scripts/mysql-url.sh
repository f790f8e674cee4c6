# Splits mysql://user:password@host:port/database into DB_USER, DB_PASSWORD, DB_HOST, DB_PORT, DB_NAME.
parse_mysql_url() {
  local url=$1 rest auth hostport
  [[ "$url" == mysql://* ]] || { echo "DATABASE_URL must start with mysql://" >&2; return 1; }
  rest=${url#mysql://}
  if [[ "$rest" == *@* ]]; then auth=${rest%%@*}; rest=${rest#*@}; else auth=""; fi
  DB_USER=${auth%%:*}
  DB_PASSWORD=""
  [[ "$auth" == *:* ]] && DB_PASSWORD=$(printf '%b' "${auth#*:}" | sed 's/%\([0-9A-Fa-f][0-9A-Fa-f]\)/\\x\1/g' | xargs -0 printf '%b')
  hostport=${rest%%/*}
  DB_NAME=${rest#*/}
  DB_NAME=${DB_NAME%%\?*}
  DB_HOST=${hostport%%:*}
  DB_PORT=3306
  [[ "$hostport" == *:* ]] && DB_PORT=${hostport#*:}
  DB_USER=${DB_USER:-root}
  export DB_USER DB_PASSWORD DB_HOST DB_PORT DB_NAME
}
