#!/usr/bin/env bash
# Runs a private PostgreSQL server in the foreground (Aspire executable resource
# and integration-test fixture). The last step is `exec`, so the postmaster owns
# this PID and receives the stop signals directly:
#   SIGTERM = smart shutdown (waits for open sessions), SIGINT = fast shutdown,
#   SIGQUIT = immediate shutdown. Prefer SIGINT when you control the signal.
#
# Environment contract:
#   MOATOWN_PG_DATA        (required) data directory; created and initdb'd on first run
#   MOATOWN_PG_PORT        (required) TCP port, bound on 127.0.0.1 only
#   MOATOWN_PG_PASSWORD    (required on first run) password of superuser "postgres";
#                          only applied by initdb, later runs keep the stored one
#   MOATOWN_PG_SOCKET_DIR  (optional) unix socket dir, default $MOATOWN_PG_DATA/run
#   MOATOWN_PG_BIN         (optional) dir with postgres/initdb, default: newest
#                          /usr/lib/postgresql/*/bin, else PATH
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }
log() { echo "postgres.sh: $*" >&2; }

: "${MOATOWN_PG_DATA:?MOATOWN_PG_DATA must be set}"
: "${MOATOWN_PG_PORT:?MOATOWN_PG_PORT must be set}"
[[ "$MOATOWN_PG_PORT" =~ ^[0-9]+$ ]] || die "MOATOWN_PG_PORT must be numeric"

find_bin() {
  if [[ -n "${MOATOWN_PG_BIN:-}" ]]; then echo "$MOATOWN_PG_BIN"; return; fi
  # Debian keeps the server binaries off PATH; /usr/bin/psql is only a wrapper.
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  if [[ -n "$newest" && -x "$newest/postgres" ]]; then echo "$newest"; return; fi
  local p
  p=$(command -v postgres 2>/dev/null) || die "no PostgreSQL server binaries found"
  dirname "$p"
}
BIN=$(find_bin)
[[ -x "$BIN/postgres" && -x "$BIN/initdb" ]] || die "postgres/initdb not found in $BIN"

mkdir -p "$MOATOWN_PG_DATA"
DATA=$(cd "$MOATOWN_PG_DATA" && pwd -P)
SOCKET_DIR=${MOATOWN_PG_SOCKET_DIR:-$DATA/run}
# sun_path is 108 bytes; a longer path fails later with an obscure error.
(( ${#SOCKET_DIR} + 20 < 108 )) || die "socket dir path too long: $SOCKET_DIR"

# PostgreSQL refuses to run as root, so root runs it as the postgres account.
AS_USER=()
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || die "running as root but no 'postgres' user exists"
  AS_USER=(setpriv --reuid=postgres --regid=postgres --init-groups --)
  # The state dir usually lives in a root-owned checkout (often mode 700);
  # grant traverse-only (o+x, no listing) on each ancestor postgres cannot enter.
  # Walk top-down so only the directories that really block access are changed.
  IFS=/ read -ra parts <<<"${DATA#/}"
  dir=""
  for part in "${parts[@]:0:${#parts[@]}-1}"; do
    dir="$dir/$part"
    if ! "${AS_USER[@]}" test -x "$dir"; then
      log "granting o+x on $dir so the postgres user can reach its data dir"
      chmod o+x "$dir"
    fi
  done
  if [[ $(stat -c %U "$DATA") != postgres ]]; then
    chown -R postgres:postgres "$DATA"
  fi
fi
chmod 700 "$DATA"
# initdb prints a warning if it cannot return to an unreadable cwd.
cd "$DATA"

if [[ ! -s "$DATA/PG_VERSION" ]]; then
  : "${MOATOWN_PG_PASSWORD:?MOATOWN_PG_PASSWORD must be set for the first run}"
  [[ -z "$(ls -A "$DATA")" ]] || die "$DATA is not empty and not a PostgreSQL data dir"
  pwfile=$(mktemp)
  trap 'rm -f "$pwfile"' EXIT
  printf '%s\n' "$MOATOWN_PG_PASSWORD" >"$pwfile"
  if [[ $(id -u) -eq 0 ]]; then chown postgres "$pwfile"; fi
  locale=C.UTF-8
  locale -a 2>/dev/null | grep -qix 'c\.utf-\?8' || locale=C
  # Unix-socket connections are trusted: the socket dir is mode 700, so only the
  # server account (and root) can reach it. TCP always needs the password.
  "${AS_USER[@]}" "$BIN/initdb" -D "$DATA" -U postgres --pwfile="$pwfile" \
    --auth-host=scram-sha-256 --auth-local=trust \
    --encoding=UTF8 --locale="$locale"  # stdout: progress, not errors (Aspire shows stderr as failures)
  rm -f "$pwfile"
  trap - EXIT
fi

mkdir -p "$SOCKET_DIR"
if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$SOCKET_DIR"; fi
chmod 700 "$SOCKET_DIR"

# Keep the password out of the server's environment.
unset MOATOWN_PG_PASSWORD

# Settings are passed on the command line (not written to postgresql.conf) so a
# changed port or socket dir takes effect on an existing data dir.
exec "${AS_USER[@]}" "$BIN/postgres" -D "$DATA" \
  -c listen_addresses=127.0.0.1 \
  -c port="$MOATOWN_PG_PORT" \
  -c unix_socket_directories="$SOCKET_DIR" \
  -c max_connections=200 \
  -c shared_buffers=128MB \
  -c fsync=on \
  -c huge_pages=off \
  -c logging_collector=off \
  -c log_line_prefix='%m [%p] %q%u@%d ' \
  -c log_timezone=UTC \
  -c timezone=UTC
