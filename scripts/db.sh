# Sourced by run.sh and test.sh: makes sure a MariaDB is reachable and exports
# BOT_Database__ConnectionString for the bot and the tests.
# With BOT_DB set, that connection string is used as it is; otherwise a private
# MariaDB is started under .data/mariadb, listening on 127.0.0.1 only.

fail() { echo "error: $*" >&2; exit 1; }

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
db_port=${BOT_DB_PORT:-3307}
db_password=bot-dev-only

ensure_mariadb_installed() {
  command -v mariadbd >/dev/null && command -v mariadb-install-db >/dev/null && return
  command -v apt-get >/dev/null \
    || fail "MariaDB is not installed and apt-get is not available. Install mariadb-server 10.11+ yourself, or set BOT_DB to a connection string."
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing mariadb-server with apt (one time)..."
  $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq mariadb-server >/dev/null \
    || fail "apt-get could not install mariadb-server. Install it yourself, or set BOT_DB."
  # Debian starts a system server on install where it can; ours is separate and private.
}

private_mariadb_up() {
  local data="$repo_root/.data/mariadb"
  local socket="$data/mysqld.sock"
  local user; user=$(id -un)
  local admin=(mariadb -S "$socket" -u "$user")

  if mariadb-admin -S "$socket" -u "$user" ping >/dev/null 2>&1; then
    return
  fi
  if (echo >"/dev/tcp/127.0.0.1/$db_port") 2>/dev/null; then
    fail "port $db_port on 127.0.0.1 is taken by another program. Free it, set BOT_DB_PORT to another port, or set BOT_DB."
  fi
  mkdir -p "$data"
  if [ ! -d "$data/mysql" ]; then
    echo "Creating a private MariaDB in $data ..."
    mariadb-install-db --datadir="$data" --user="$user" --auth-root-authentication-method=socket \
      --skip-test-db >"$data/install.log" 2>&1 || fail "mariadb-install-db failed; see $data/install.log"
  fi
  setsid mariadbd --no-defaults --datadir="$data" --socket="$socket" --port="$db_port" \
    --bind-address=127.0.0.1 --pid-file="$data/mysqld.pid" --log-error="$data/error.log" \
    --user="$user" --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --skip-name-resolve --innodb-buffer-pool-size=256M --max-connections=500 \
    --innodb-flush-log-at-trx-commit=2 </dev/null >/dev/null 2>&1 &
  for _ in $(seq 1 60); do
    mariadb-admin -S "$socket" -u "$user" ping >/dev/null 2>&1 && break
    sleep 0.5
  done
  mariadb-admin -S "$socket" -u "$user" ping >/dev/null 2>&1 \
    || fail "MariaDB did not start; see $data/error.log"
  # The bot user may create databases because each test class makes its own.
  "${admin[@]}" -e "
    CREATE USER IF NOT EXISTS 'bot'@'127.0.0.1' IDENTIFIED BY '$db_password';
    GRANT ALL PRIVILEGES ON *.* TO 'bot'@'127.0.0.1';
    CREATE DATABASE IF NOT EXISTS bot CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;" \
    || fail "could not create the bot user in the private MariaDB"
  echo "Private MariaDB listening on 127.0.0.1:$db_port (data in .data/mariadb)"
}

if [ -n "${BOT_DB:-}" ]; then
  export BOT_Database__ConnectionString="$BOT_DB"
else
  ensure_mariadb_installed
  private_mariadb_up
  export BOT_Database__ConnectionString="Server=127.0.0.1;Port=$db_port;Database=bot;User Id=bot;Password=$db_password;CharSet=utf8mb4;SslMode=None"
fi
command -v dotnet >/dev/null || fail "the .NET SDK (dotnet) is not on PATH; install .NET 10 SDK first."
