#!/usr/bin/env bash
# Runs Ferry's whole test suite: installs what the tests need (PostgreSQL, Chromium, sqlite3) when missing,
# starts a throwaway PostgreSQL cluster on 127.0.0.1, then runs `dotnet test`. Extra arguments go to dotnet test.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from apt"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
work=$(mktemp -d /tmp/ferry-pg.XXXXXX)
port=
for candidate in $(shuf -i 20000-60000 -n 50); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "No free port for PostgreSQL on 127.0.0.1" >&2; exit 1; }
pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$work" postgres
  chown postgres "$work"
fi
stop_pg() {
  pg "$pgbin/pg_ctl" -D "$work/data" stop -m immediate >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop_pg EXIT
pg "$pgbin/initdb" -D "$work/data" -U postgres -A trust --no-sync >/dev/null
pg "$pgbin/pg_ctl" -D "$work/data" -l "$work/postgres.log" -w start \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

export FERRY_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
export FERRY_TEST_REQUIRE_POSTGRES=1
export FERRY_TEST_CHROMIUM="$(command -v chromium)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build Ferry.slnx -c Release -warnaserror
dotnet test Ferry.slnx -c Release --no-build --blame-hang-timeout 5m "$@" | tee "$work/test.log"
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1) } }
     END { printf "%d passed, %d failed\n", p, f }' FS='[ ,]+' "$work/test.log"
