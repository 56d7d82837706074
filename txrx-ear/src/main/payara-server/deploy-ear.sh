#!/usr/bin/env bash
# Runs txrx.ear on Payara Server 6 (the full server, not Micro) on this machine, loopback only.
#
#   deploy-ear.sh start   start (or restart) the domain, deploy the EAR, check it answers; leave it running
#   deploy-ear.sh check   the same, then stop the domain: for CI
#   deploy-ear.sh stop    stop the domain
#
# Payara Server comes from Maven Central through ./mvnw (profile payara-server of txrx-ear) and is unpacked once
# into txrx-ear/target/payara-server/payara6; the domain lives beside it in domains/. Before the first boot
# every listener of the domain is bound to 127.0.0.1, and Hazelcast (Payara's data grid, on by default), the
# embedded JMS broker's listener, IIOP and JMX are switched off, so the server listens on 127.0.0.1 only (admin,
# HTTP, HTTPS) and sends nothing beyond this machine but what the app sends to Redis. The script checks that.
#
# Settings (environment):
#   TXRX_ADMIN_PORT      admin port (default 14848); the ports of the switched-off services follow Payara's
#                        --portbase scheme from TXRX_ADMIN_PORT - 48, so they clash with nothing if switched on
#   TXRX_HTTP_PORT       HTTP port of the application (default 18280); HTTPS is the next port
#   TXRX_REDIS_URL       txrx.redis.url (default redis://127.0.0.1:6379)
#   TXRX_P2P_PSK         txrx.p2p.psk; when unset, a random key is made once and kept, readable by the owner
#                        only, in target/payara-server/p2p.psk (never printed)
#   TXRX_SEED_PASSWORD_FILE  txrx.seed.password-file, where generated seed passwords go (owner-only); default
#                        target/payara-server/seed-passwords
#   TXRX_PREFIX          txrx.prefix; `check` uses a fresh txrx-ear-<random>: prefix when unset
#   TXRX_ROLES           txrx.roles (default all)
#   TXRX_DB_URL / TXRX_DB_USER / TXRX_DB_PASSWORD, and any other TXRX_* variable, reach the server unchanged
#   TXRX_EAR             the EAR to deploy (default txrx-ear/target/txrx.ear, built when missing)
#   TXRX_START_TIMEOUT / TXRX_DEPLOY_TIMEOUT / TXRX_CHECK_TIMEOUT / TXRX_STOP_TIMEOUT  seconds (240/300/90/120)
#
# The txrx.* settings reach the server as environment variables (MicroProfile Config maps TXRX_P2P_PSK to
# txrx.p2p.psk), so the key is never written into domain.xml; `start` therefore restarts a running domain.
set -euo pipefail
# (Pipelines below end in `grep >/dev/null`, not `grep -q`: an early exit of grep would kill the writer with
# SIGPIPE, and pipefail would turn a match into a failure.)

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
EAR_MODULE=$(cd "$HERE/../../.." && pwd)
ROOT=$(cd "$EAR_MODULE/.." && pwd)
SERVER_DIR="$EAR_MODULE/target/payara-server"
PAYARA_HOME="$SERVER_DIR/payara6"
ASADMIN="$PAYARA_HOME/bin/asadmin"
DOMAINS="$SERVER_DIR/domains"
DOMAIN=txrx
DOMAIN_DIR="$DOMAINS/$DOMAIN"
SERVER_LOG="$DOMAIN_DIR/logs/server.log"
PREBOOT="$SERVER_DIR/preboot.asadmin"
PSK_FILE="$SERVER_DIR/p2p.psk"
SEED_PASSWORD_FILE="$SERVER_DIR/seed-passwords"
APP=txrx

ADMIN_PORT=${TXRX_ADMIN_PORT:-14848}
HTTP_PORT=${TXRX_HTTP_PORT:-18280}
PORT_BASE=$((ADMIN_PORT - 48))
EAR=${TXRX_EAR:-$EAR_MODULE/target/txrx.ear}
# the check is the launcher's PingProbe, on the Java client (the launcher's libraries are in target/lib)
PROBE_JAR=$ROOT/server-config/launcher/target/txrx-launcher.jar
START_TIMEOUT=${TXRX_START_TIMEOUT:-240}
DEPLOY_TIMEOUT=${TXRX_DEPLOY_TIMEOUT:-300}
CHECK_TIMEOUT=${TXRX_CHECK_TIMEOUT:-90}
STOP_TIMEOUT=${TXRX_STOP_TIMEOUT:-120}

STARTED_AT=$(date +%s)

say() { printf '[deploy-ear +%3ss] %s\n' "$(($(date +%s) - STARTED_AT))" "$*"; }
die() { printf '[deploy-ear] FAILED: %s\n' "$*" >&2; exit 1; }

REMOTE=("$ASADMIN" --interactive=false --host 127.0.0.1 --port "$ADMIN_PORT")

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

domain_running() {
    [[ -d "$DOMAIN_DIR" ]] \
        && timeout 60 "$ASADMIN" list-domains --domaindir "$DOMAINS" 2>/dev/null | grep "^$DOMAIN running" >/dev/null
}

# The server log from line $1 on, filtered to what explains a failure.
log_excerpt() {
    local from=${1:-1}
    [[ -f "$SERVER_LOG" ]] || return 0
    echo "---- $SERVER_LOG (SEVERE/WARNING records since line $from, no stack frames, last 60 lines) ----" >&2
    tail -n "+$from" "$SERVER_LOG" | awk '/^\[20/{keep = ($0 ~ /\[(SEVERE|WARNING)\]/)} keep' \
        | grep -v -E '^\s+(at |\.\.\. [0-9]+ more)' | cut -c1-400 | tail -n 60 >&2
    echo "----" >&2
}

log_lines() { if [[ -f "$SERVER_LOG" ]]; then wc -l <"$SERVER_LOG"; else echo 0; fi; }

ensure_payara() {
    if [[ -x "$ASADMIN" ]]; then
        return
    fi
    say "unpacking Payara Server (fish.payara.distributions:payara zip) into $SERVER_DIR"
    (cd "$ROOT" && timeout 900 ./mvnw -q -B -f txrx-ear/pom.xml -Ppayara-server dependency:unpack@unpack-payara-server) \
        || die "could not fetch or unpack Payara Server with ./mvnw"
    [[ -x "$ASADMIN" ]] || die "no $ASADMIN after unpacking"
}

ensure_ear() {
    if [[ -f "$EAR" ]]; then
        return
    fi
    [[ -z "${TXRX_EAR:-}" ]] || die "TXRX_EAR=$EAR does not exist"
    say "building the EAR"
    (cd "$ROOT" && timeout 1200 ./mvnw -q -B -DskipTests install -pl '!server-config/system-tests') || die "EAR build failed"
}

# Creates the domain once; a domain made for another admin port is made again (it holds nothing but the app).
ensure_domain() {
    local ports_file="$SERVER_DIR/$DOMAIN.admin-port"
    if [[ -d "$DOMAIN_DIR" && "$(cat "$ports_file" 2>/dev/null)" != "$ADMIN_PORT" ]]; then
        domain_running && die "domain $DOMAIN runs with admin port $(cat "$ports_file" 2>/dev/null); stop it first"
        say "domain $DOMAIN was made for another admin port: making it again"
        rm -rf "$DOMAIN_DIR"
    fi
    if [[ -d "$DOMAIN_DIR" ]]; then
        return
    fi
    say "creating domain $DOMAIN (admin 127.0.0.1:$ADMIN_PORT, http 127.0.0.1:$HTTP_PORT) in $DOMAINS"
    mkdir -p "$DOMAINS"
    timeout 180 "$ASADMIN" --interactive=false create-domain --domaindir "$DOMAINS" --nopassword=true \
        --checkports=false --adminport "$ADMIN_PORT" --instanceport "$HTTP_PORT" \
        --hazelcaststartport $((PORT_BASE + 59)) --hazelcastdasport $((PORT_BASE + 49)) \
        --domainproperties "http.ssl.port=$((HTTP_PORT + 1)):jms.port=$((PORT_BASE + 76)):orb.listener.port=$((PORT_BASE + 37)):orb.ssl.port=$((PORT_BASE + 38)):orb.mutualauth.port=$((PORT_BASE + 39)):domain.jmxPort=$((PORT_BASE + 86)):java.debugger.port=$((PORT_BASE + 9)):osgi.shell.telnet.port=$((PORT_BASE + 66))" \
        "$DOMAIN" >"$SERVER_DIR/create-domain.log" 2>&1 \
        || { cat "$SERVER_DIR/create-domain.log" >&2; die "create-domain failed"; }
    echo "$ADMIN_PORT" >"$ports_file"
}

# Commands Payara runs at every boot before any service starts, so even the first boot is loopback only.
# (list-jms-hosts makes Payara create the jms-service element, which a fresh domain.xml lacks, so it can be set.)
# Payara's default ManagedExecutorService is left as it is on purpose: core-pool-size 0 with the unbounded
# task-queue-capacity makes it hand each task to a thread of its own (a SynchronousQueue), which the txrx loops
# need; a core-pool-size above 0 would switch it to an unbounded queue served by only that many threads.
write_preboot() {
    local config=configs.config.server-config
    local listeners=$config.network-config.network-listeners.network-listener
    cat >"$PREBOOT" <<EOF
set $listeners.http-listener-1.address=127.0.0.1
set $listeners.http-listener-1.port=$HTTP_PORT
set $listeners.http-listener-2.address=127.0.0.1
set $listeners.http-listener-2.port=$((HTTP_PORT + 1))
set $listeners.admin-listener.address=127.0.0.1
set $config.iiop-service.iiop-listener.orb-listener-1.address=127.0.0.1
set $config.iiop-service.iiop-listener.orb-listener-1.enabled=false
set $config.iiop-service.iiop-listener.SSL.address=127.0.0.1
set $config.iiop-service.iiop-listener.SSL.enabled=false
set $config.iiop-service.iiop-listener.SSL_MUTUALAUTH.address=127.0.0.1
set $config.iiop-service.iiop-listener.SSL_MUTUALAUTH.enabled=false
set $config.admin-service.jmx-connector.system.address=127.0.0.1
set $config.admin-service.jmx-connector.system.enabled=false
set $config.hazelcast-config-specific-configuration.enabled=false
list-jms-hosts
set $config.jms-service.type=DISABLED
EOF
}

# The txrx settings, passed to the server through its environment.
export_settings() {
    export TXRX_REDIS_URL=${TXRX_REDIS_URL:-redis://127.0.0.1:6379}
    export TXRX_ROLES=${TXRX_ROLES:-all}
    if [[ -n "${TXRX_PREFIX:-}" ]]; then
        export TXRX_PREFIX
    else
        unset TXRX_PREFIX
    fi
    if [[ -z "${TXRX_P2P_PSK:-}" ]]; then
        if [[ ! -s "$PSK_FILE" ]]; then
            (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$PSK_FILE")
            say "made a random txrx.p2p.psk in $PSK_FILE (set TXRX_P2P_PSK to choose one)"
        fi
        TXRX_P2P_PSK=$(cat "$PSK_FILE")
    fi
    export TXRX_P2P_PSK
    export TXRX_SEED_PASSWORD_FILE=${TXRX_SEED_PASSWORD_FILE:-$SEED_PASSWORD_FILE}
    say "settings: txrx.redis.url from TXRX_REDIS_URL, txrx.prefix=${TXRX_PREFIX:-(default)}, txrx.roles=$TXRX_ROLES, txrx.p2p.psk set"
}

# Fails when the server listens on anything but loopback (needs ss from iproute2; skipped without it).
check_loopback_only() {
    local pid open
    pid=$(cat "$DOMAIN_DIR/config/pid" 2>/dev/null) || return 0
    if ! command -v ss >/dev/null; then
        say "ss not found: not checking that the server listens on loopback only"
        return
    fi
    open=$(ss -Hlntup 2>/dev/null | grep "pid=$pid," | awk '{print $5}' \
        | grep -v -E '^(127\.[0-9.]+|\[::ffff:127\.[0-9.]+\]|\[::1\]|localhost):[0-9]+$' || true)
    [[ -z "$open" ]] || die "the server (pid $pid) listens beyond loopback on: $(tr '\n' ' ' <<<"$open")"
    say "server pid $pid listens on loopback only: $(ss -Hlntup 2>/dev/null | grep "pid=$pid," | awk '{print $5}' | sort -u | tr '\n' ' ')"
    open=$(ss -Htnp state established 2>/dev/null | grep "pid=$pid," | awk '{print $4}' \
        | grep -v -E '^(127\.[0-9.]+|\[::ffff:127\.[0-9.]+\]|\[::1\]):[0-9]+$' | sort -u || true)
    say "server connections beyond loopback: ${open:-none}"
}

start_domain() {
    if domain_running; then
        say "domain $DOMAIN is running: stopping it so the current settings apply"
        stop_domain
    fi
    local port
    for port in "$ADMIN_PORT" "$HTTP_PORT"; do
        port_in_use "$port" && die "port $port on 127.0.0.1 is taken by another process (set TXRX_ADMIN_PORT / TXRX_HTTP_PORT)"
    done
    write_preboot
    say "starting domain $DOMAIN (bounded by ${START_TIMEOUT}s)"
    local from
    from=$(($(log_lines) + 1))
    if ! timeout "$START_TIMEOUT" "$ASADMIN" --interactive=false start-domain --domaindir "$DOMAINS" \
            --prebootcommandfile "$PREBOOT" "$DOMAIN" >"$SERVER_DIR/start-domain.log" 2>&1; then
        cat "$SERVER_DIR/start-domain.log" >&2
        log_excerpt "$from"
        die "start-domain did not succeed within ${START_TIMEOUT}s"
    fi
    say "domain $DOMAIN started; log: $SERVER_LOG"
    check_loopback_only
    if app_deployed; then
        remove_leftover_app "$from"
    fi
}

app_deployed() { timeout 60 "${REMOTE[@]}" list-applications 2>/dev/null | grep "^$APP " >/dev/null; }

# A domain that was not stopped by this script still holds the app and loads it at boot, after start-domain has
# returned: deploying over it then races that load and fails. Wait for the load to end, then remove the app.
remove_leftover_app() {
    local from=$1 waited=0
    say "application $APP was left deployed: waiting for its boot-time load to end (bounded by ${START_TIMEOUT}s)"
    local done_pattern="Loading application \[?$APP\]? done|Application deployment failed|Exception while (loading|preparing) the app"
    until tail -n "+$from" "$SERVER_LOG" | grep -E "$done_pattern" >/dev/null; do
        ((waited < START_TIMEOUT)) || die "application $APP did not finish loading within ${START_TIMEOUT}s"
        sleep 1
        waited=$((waited + 1))
    done
    undeploy_app
}

undeploy_app() {
    say "undeploying $APP"
    AS_ADMIN_READTIMEOUT=$((DEPLOY_TIMEOUT * 1000)) timeout "$DEPLOY_TIMEOUT" "${REMOTE[@]}" undeploy "$APP" >/dev/null \
        || say "undeploying $APP failed (see $SERVER_LOG); going on"
}

deploy_ear() {
    local from
    from=$(($(log_lines) + 1))
    say "deploying $EAR (bounded by ${DEPLOY_TIMEOUT}s)"
    if ! AS_ADMIN_READTIMEOUT=$((DEPLOY_TIMEOUT * 1000)) timeout "$DEPLOY_TIMEOUT" \
            "${REMOTE[@]}" deploy --force=true --enabled=true --name "$APP" "$EAR"; then
        log_excerpt "$from"
        die "deploying $EAR failed"
    fi
    say "deployed as application $APP"
    DEPLOY_LOG_FROM=$from
}

check_app() {
    if [[ ! -f "$PROBE_JAR" ]]; then
        say "building the launcher for its PingProbe"
        (cd "$ROOT" && timeout 1200 ./mvnw -q -B -DskipTests install -pl server-config/launcher -am) \
            || die "launcher build failed"
    fi
    local ws="ws://127.0.0.1:$HTTP_PORT/gateway/ws" page="http://127.0.0.1:$HTTP_PORT/"
    say "checking system.ping over $ws and GET $page (bounded by ${CHECK_TIMEOUT}s)"
    if ! timeout $((CHECK_TIMEOUT + 30)) java -cp "$PROBE_JAR:${PROBE_JAR%/*}/lib/*" io.txrx.launcher.PingProbe "$ws" "$page" "$CHECK_TIMEOUT"; then
        log_excerpt "${DEPLOY_LOG_FROM:-1}"
        die "txrx on Payara Server did not answer"
    fi
    local severe
    severe=$(tail -n "+${DEPLOY_LOG_FROM:-1}" "$SERVER_LOG" | grep -c '\[SEVERE\]' || true)
    if [[ "$severe" != 0 ]]; then
        log_excerpt "${DEPLOY_LOG_FROM:-1}"
        die "the app answers, but the server logged $severe SEVERE record(s) since the deployment"
    fi
    say "txrx answers on Payara Server: ws $ws, page $page"
    check_loopback_only
}

stop_domain() {
    if [[ ! -d "$DOMAIN_DIR" ]]; then
        say "no domain $DOMAIN in $DOMAINS: nothing to stop"
        return
    fi
    if ! domain_running; then
        say "domain $DOMAIN is not running"
        return
    fi
    # Undeployed first, so the next boot starts empty and its deployment races nothing (see remove_leftover_app).
    if app_deployed; then
        undeploy_app
    fi
    say "stopping domain $DOMAIN (bounded by ${STOP_TIMEOUT}s)"
    if ! timeout "$STOP_TIMEOUT" "$ASADMIN" --interactive=false stop-domain --domaindir "$DOMAINS" "$DOMAIN"; then
        say "stop-domain did not finish: killing the server"
        timeout 60 "$ASADMIN" --interactive=false stop-domain --domaindir "$DOMAINS" --kill=true "$DOMAIN" || true
    fi
}

# Removes this run's keys (best effort: needs redis-cli) so CI runs leave nothing behind in Redis.
remove_keys() {
    local prefix=$1
    if ! command -v redis-cli >/dev/null; then
        say "redis-cli not found: leaving keys $prefix* in Redis"
        return
    fi
    local keys
    keys=$(timeout 30 redis-cli -u "$TXRX_REDIS_URL" --scan --pattern "$prefix*" 2>/dev/null || true)
    if [[ -n "$keys" ]]; then
        echo "$keys" | timeout 30 xargs redis-cli -u "$TXRX_REDIS_URL" del >/dev/null 2>&1 || true
    fi
    say "removed $(echo -n "$keys" | grep -c . || true) Redis key(s) under $prefix"
}

usage() {
    sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

main() {
    local command=${1:-}
    case "$command" in
        start)
            ensure_payara
            ensure_ear
            ensure_domain
            export_settings
            start_domain
            deploy_ear
            check_app
            say "running: http://127.0.0.1:$HTTP_PORT/ (stop with: $0 stop)"
            ;;
        check)
            ensure_payara
            ensure_ear
            ensure_domain
            if [[ -z "${TXRX_PREFIX:-}" ]]; then
                TXRX_PREFIX="txrx-ear-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n'):"
                REMOVE_KEYS=$TXRX_PREFIX
            fi
            export_settings
            trap 'stop_domain; [[ -z "${REMOVE_KEYS:-}" ]] || remove_keys "$REMOVE_KEYS"' EXIT
            start_domain
            deploy_ear
            check_app
            say "check passed"
            ;;
        stop)
            [[ -x "$ASADMIN" ]] || { say "Payara Server is not unpacked: nothing to stop"; exit 0; }
            stop_domain
            ;;
        *)
            usage
            ;;
    esac
}

main "$@"
