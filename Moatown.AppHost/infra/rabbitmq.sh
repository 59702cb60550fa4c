#!/usr/bin/env bash
# Runs a private RabbitMQ node in the foreground (Aspire executable resource and
# integration-test fixture), fully isolated from any system-wide broker: own node
# name, ports, epmd, cookie, config, plugins file, data and log dirs.
#
# Unlike postgres.sh this stays a small parent process instead of `exec`-ing,
# because Erlang's epmd would otherwise outlive the broker. Guarantees:
#   SIGTERM/SIGINT -> graceful broker stop, then epmd is stopped; exit 0 / 130.
#   SIGKILL of this script -> the kernel sends SIGTERM to the broker and SIGKILL
#   to epmd (PR_SET_PDEATHSIG via setpriv), so nothing is left behind either.
#
# Environment contract:
#   MOATOWN_RABBITMQ_DATA      (required) state dir; created if missing, reusable
#   MOATOWN_RABBITMQ_PORT      (required) AMQP port, bound on 127.0.0.1 only
#   MOATOWN_RABBITMQ_USER      (optional, default "guest") administrator on vhost "/";
#   MOATOWN_RABBITMQ_PASSWORD  (optional, default "guest")   (re)applied on every start
#   MOATOWN_RABBITMQ_DIST_PORT (optional) Erlang distribution port, default PORT+20000
#   MOATOWN_RABBITMQ_EPMD_PORT (optional) private epmd port, default PORT+10000
#   MOATOWN_RABBITMQ_NODENAME  (optional) default moatown-PORT@localhost
#   MOATOWN_RABBITMQ_MANAGEMENT_PORT (optional) enables the management UI/API on
#                              127.0.0.1:PORT (costs ~2-3 s at start and ~6 s at stop)
# Ports above 65535 wrap downwards (minus 20000 / 10000).
#
# $MOATOWN_RABBITMQ_DATA/cli-env.sh exports everything CLI tools need, e.g.
#   (. "$MOATOWN_RABBITMQ_DATA/cli-env.sh" && rabbitmq-diagnostics -q ping)
# CLI tools run while the broker is down start an epmd daemon on ERL_EPMD_PORT;
# stop it with `epmd -port <port> -kill` (the next start of this script also does).
set -uo pipefail

die() { echo "rabbitmq.sh: $*" >&2; exit 1; }
log() { echo "$(date -u +%FT%T.%3N) rabbitmq.sh: $*" >&2; }

: "${MOATOWN_RABBITMQ_DATA:?MOATOWN_RABBITMQ_DATA must be set}"
: "${MOATOWN_RABBITMQ_PORT:?MOATOWN_RABBITMQ_PORT must be set}"
PORT=$MOATOWN_RABBITMQ_PORT
offset_port() { local p=$(($1 + $2)); ((p > 65535)) && p=$(($1 - $2)); echo "$p"; }
DIST_PORT=${MOATOWN_RABBITMQ_DIST_PORT:-$(offset_port "$PORT" 20000)}
EPMD_PORT=${MOATOWN_RABBITMQ_EPMD_PORT:-$(offset_port "$PORT" 10000)}
MGMT_PORT=${MOATOWN_RABBITMQ_MANAGEMENT_PORT:-}
NODENAME=${MOATOWN_RABBITMQ_NODENAME:-moatown-$PORT@localhost}
USER_NAME=${MOATOWN_RABBITMQ_USER:-guest}
PASSWORD=${MOATOWN_RABBITMQ_PASSWORD:-guest}
[[ -n "$USER_NAME" && -n "$PASSWORD" ]] || die "user and password must not be empty"
for p in "$PORT" "$DIST_PORT" "$EPMD_PORT" ${MGMT_PORT:+"$MGMT_PORT"}; do
  [[ "$p" =~ ^[0-9]+$ ]] || die "ports must be numeric (got '$p')"
done

# Use the real launcher, not Debian's /usr/sbin wrapper, which su's to the
# rabbitmq account and redirects all output into /var/log/rabbitmq.
SERVER=""
for c in /usr/lib/rabbitmq/bin/rabbitmq-server \
         $(ls -d /usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin 2>/dev/null | sort -V -r | sed 's|$|/rabbitmq-server|'); do
  [[ -x "$c" ]] && { SERVER=$c; break; }
done
[[ -n "$SERVER" ]] || die "rabbitmq-server not found (apt-get install rabbitmq-server)"
SBIN=$(dirname "$SERVER")
EPMD=$(command -v epmd) || die "epmd not found"

mkdir -p "$MOATOWN_RABBITMQ_DATA"
D=$(cd "$MOATOWN_RABBITMQ_DATA" && pwd -P)
mkdir -p "$D/home" "$D/mnesia" "$D/log"
chmod 700 "$D" "$D/home"

# Erlang refuses cookies readable by others, and the CLI needs the same one.
if [[ ! -s "$D/home/.erlang.cookie" ]]; then
  (umask 077 && head -c 30 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$D/home/.erlang.cookie")
fi
chmod 400 "$D/home/.erlang.cookie"

json_str() {
  local s=$1
  s=${s//\\/\\\\}; s=${s//\"/\\\"}; s=${s//$'\n'/\\n}; s=${s//$'\r'/\\r}; s=${s//$'\t'/\\t}
  printf '"%s"' "$s"
}
# Imported on every boot, so a changed user or password also applies to an
# existing data dir (default_user alone only takes effect on the very first boot).
cat >"$D/definitions.json.tmp" <<JSON
{
  "users": [{"name": $(json_str "$USER_NAME"), "password": $(json_str "$PASSWORD"), "tags": "administrator"}],
  "vhosts": [{"name": "/"}],
  "permissions": [{"user": $(json_str "$USER_NAME"), "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"}]
}
JSON
chmod 600 "$D/definitions.json.tmp"
mv -f "$D/definitions.json.tmp" "$D/definitions.json"

# Classic Erlang-term config (the user lives in definitions.json, see above).
{
  echo '['
  echo ' {rabbit, ['
  echo "   {tcp_listeners, [{\"127.0.0.1\", $PORT}]},"
  echo '   {ssl_listeners, []},'
  echo '   {loopback_users, []},'
  echo "   {load_definitions, \"$D/definitions.json\"},"
  echo '   {vm_memory_high_watermark, {absolute, "1GiB"}},'
  echo '   {disk_free_limit, 50000000}'
  echo ' ]},'
  if [[ -n "$MGMT_PORT" ]]; then
    echo " {rabbitmq_management, [{tcp_config, [{ip, \"127.0.0.1\"}, {port, $MGMT_PORT}]}]},"
  fi
  echo ' {kernel, [{inet_dist_use_interface, {127,0,0,1}}]}'
  echo '].'
} >"$D/rabbitmq.config.tmp"
chmod 600 "$D/rabbitmq.config.tmp"
mv -f "$D/rabbitmq.config.tmp" "$D/rabbitmq.config"
if [[ -n "$MGMT_PORT" ]]; then echo '[rabbitmq_management].' >"$D/enabled_plugins"
else echo '[].' >"$D/enabled_plugins"; fi
: >"$D/rabbitmq-env.conf"   # shadows /etc/rabbitmq/rabbitmq-env.conf

export HOME="$D/home"
export RABBITMQ_NODENAME="$NODENAME" RABBITMQ_USE_LONGNAME=false
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$PORT"
export RABBITMQ_DIST_PORT="$DIST_PORT"
export ERL_EPMD_PORT="$EPMD_PORT" ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_MNESIA_BASE="$D/mnesia" RABBITMQ_LOG_BASE="$D/log"
export RABBITMQ_CONFIG_FILE="$D/rabbitmq.config"
export RABBITMQ_ADVANCED_CONFIG_FILE="$D/advanced.config"
export RABBITMQ_ENABLED_PLUGINS_FILE="$D/enabled_plugins"
export RABBITMQ_CONF_ENV_FILE="$D/rabbitmq-env.conf"
export RABBITMQ_LOGS=-   # log to stdout: Aspire / the test fixture capture it
unset MOATOWN_RABBITMQ_PASSWORD NOTIFY_SOCKET

{
  echo "# Source this to point rabbitmqctl / rabbitmq-diagnostics at this node."
  for v in HOME RABBITMQ_NODENAME RABBITMQ_USE_LONGNAME ERL_EPMD_PORT ERL_EPMD_ADDRESS \
           RABBITMQ_MNESIA_BASE RABBITMQ_LOG_BASE RABBITMQ_CONFIG_FILE \
           RABBITMQ_ADVANCED_CONFIG_FILE RABBITMQ_ENABLED_PLUGINS_FILE RABBITMQ_CONF_ENV_FILE; do
    printf 'export %s=%q\n' "$v" "${!v}"
  done
  printf 'export PATH=%q:"$PATH"\n' "$SBIN"
} >"$D/cli-env.sh"

epmd_pid="" rabbit_pid="" exit_code=""

cleanup() {
  if [[ -n "$rabbit_pid" ]] && kill -0 "$rabbit_pid" 2>/dev/null; then
    kill -KILL "$rabbit_pid" 2>/dev/null; wait "$rabbit_pid" 2>/dev/null
  fi
  if [[ -n "$epmd_pid" ]]; then
    kill -TERM "$epmd_pid" 2>/dev/null; wait "$epmd_pid" 2>/dev/null
  fi
}
trap cleanup EXIT

on_signal() {
  exit_code=$1
  trap '' TERM INT
  if [[ -n "$rabbit_pid" ]] && kill -0 "$rabbit_pid" 2>/dev/null; then
    log "stopping broker (graceful, max 60 s)"
    kill -TERM "$rabbit_pid" 2>/dev/null
  else
    exit "$exit_code"
  fi
}
trap 'on_signal 0' TERM
trap 'on_signal 130' INT
trap '' HUP

# Our own epmd, in the foreground as our child, so its lifetime is ours. Erlang
# would otherwise start a daemonised epmd that survives the broker.
# An epmd without nodes here is a leftover (rabbitmqctl/-diagnostics start one when
# run while the broker is down): remove it. One with nodes belongs to a live node.
if names=$("$EPMD" -port "$EPMD_PORT" -names 2>/dev/null); then
  if grep -q '^name ' <<<"$names"; then
    die "epmd on port $EPMD_PORT already has nodes registered (another broker running?): $names"
  fi
  log "removing leftover epmd on port $EPMD_PORT"
  "$EPMD" -port "$EPMD_PORT" -kill >/dev/null 2>&1
  sleep 0.2
fi
setpriv --pdeathsig KILL -- "$EPMD" -port "$EPMD_PORT" -address 127.0.0.1 &
epmd_pid=$!
for _ in $(seq 1 50); do
  "$EPMD" -port "$EPMD_PORT" -names >/dev/null 2>&1 && break
  kill -0 "$epmd_pid" 2>/dev/null || die "epmd failed to start on port $EPMD_PORT"
  sleep 0.1
done

# RUNNING_UNDER_SYSTEMD makes the launcher exec the VM instead of keeping its own
# signal-forwarding shell, so $rabbit_pid *is* beam.smp and inherits the
# parent-death signal. "+B i": the VM ignores SIGINT (Ctrl+C reaches the whole
# process group); we turn SIGINT into SIGTERM = graceful stop ourselves.
# "-start_epmd false": use our epmd, never spawn a daemon.
export RUNNING_UNDER_SYSTEMD=true
export RABBITMQ_SERVER_START_ARGS="+B i"
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-start_epmd false"
log "starting node $NODENAME: amqp 127.0.0.1:$PORT, dist $DIST_PORT, epmd $EPMD_PORT${MGMT_PORT:+, management $MGMT_PORT}"
setpriv --pdeathsig TERM -- "$SERVER" </dev/null &
rabbit_pid=$!

rc=0
wait "$rabbit_pid"; rc=$?
if [[ -n "$exit_code" ]]; then
  # Interrupted by a stop signal: poll instead of blocking so that a hung
  # shutdown is cut off (bash reaps the child itself, so kill -0 turns false).
  deadline=$((SECONDS + 60))
  while kill -0 "$rabbit_pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      log "graceful stop timed out, killing the VM"
      kill -KILL "$rabbit_pid" 2>/dev/null
    fi
    sleep 0.2
  done
  wait "$rabbit_pid" 2>/dev/null; rc=$?
fi
rabbit_pid=""
log "broker exited (status $rc)"
exit "${exit_code:-$rc}"
