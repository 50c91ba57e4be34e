# shellcheck shell=bash
# Shared settings for scripts/testbed and scripts/busctl-auth. Source it; do not run it.
#
# Inputs (environment):
#   EAPOLCTL_TESTBED_PREFIX  namespace prefix (default "eapol" → eapol-auth / eapol-supp)
#   EAPOLCTL_TESTBED_DIR     run directory (default /tmp/eapolctl-testbed, or
#                            /tmp/eapolctl-testbed-<prefix> when the prefix is not the default)

TB_PREFIX=${EAPOLCTL_TESTBED_PREFIX:-eapol}
if [[ ! $TB_PREFIX =~ ^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$ ]]; then
  echo "testbed: EAPOLCTL_TESTBED_PREFIX '$TB_PREFIX' is not a valid short name ([A-Za-z0-9_.-], ≤ 21 chars)" >&2
  exit 2
fi
if [[ -n ${EAPOLCTL_TESTBED_DIR:-} ]]; then
  TB_DIR=$EAPOLCTL_TESTBED_DIR
elif [[ $TB_PREFIX == eapol ]]; then
  TB_DIR=/tmp/eapolctl-testbed
else
  TB_DIR=/tmp/eapolctl-testbed-$TB_PREFIX
fi
[[ $TB_DIR == /* ]] || { echo "testbed: EAPOLCTL_TESTBED_DIR must be an absolute path" >&2; exit 2; }
TB_DIR=${TB_DIR%/}

TB_NS_AUTH=$TB_PREFIX-auth
TB_NS_SUPP=$TB_PREFIX-supp
TB_IF_AUTH=veth-auth
TB_IF_SUPP=veth-supp
TB_AUTH_ADDR=198.18.0.1
TB_PREFIXLEN=24
TB_DHCP_FIRST=198.18.0.100
TB_DHCP_LAST=198.18.0.199
TB_SERVER_NAME=radius.testbed.example

TB_MARKER=$TB_DIR/.eapolctl-testbed
TB_BUS_SOCK=$TB_DIR/bus.sock
TB_BUS_ADDR=unix:path=$TB_BUS_SOCK
TB_ENV_FILE=$TB_DIR/testbed.env

TB_HOSTAPD_CONF=$TB_DIR/hostapd.conf
TB_HOSTAPD_ROGUE_CONF=$TB_DIR/hostapd-rogue.conf
TB_HOSTAPD_PID=$TB_DIR/hostapd.pid
TB_HOSTAPD_LOG=$TB_DIR/hostapd.log
TB_HOSTAPD_CTRL=$TB_DIR/hostapd-ctrl
TB_EAP_USER=$TB_DIR/hostapd.eap_user

TB_DNSMASQ_PID=$TB_DIR/dnsmasq.pid
TB_DNSMASQ_LOG=$TB_DIR/dnsmasq.log
TB_DNSMASQ_LEASES=$TB_DIR/dnsmasq.leases

TB_DBUS_CONF=$TB_DIR/bus.conf
TB_DBUS_PID=$TB_DIR/dbus-daemon.pid
TB_DBUS_LOG=$TB_DIR/dbus-daemon.log

TB_SUPP_PID=$TB_DIR/wpa_supplicant.pid
TB_SUPP_LOG=$TB_DIR/wpa_supplicant.log

TB_PKI=$TB_DIR/pki
TB_CA=$TB_PKI/ca.pem
# DH parameters of the internal EAP server (ffdhe2048): EAP-FAST's anonymous provisioning uses ADH cipher suites.
TB_DH=$TB_PKI/dh.pem
TB_CA_KEY=$TB_PKI/ca.key
TB_SERVER_CERT=$TB_PKI/server.pem
TB_SERVER_KEY=$TB_PKI/server.key
TB_CLIENT_CERT=$TB_PKI/client.pem
TB_CLIENT_KEY=$TB_PKI/client.key
TB_CLIENT_P12=$TB_PKI/client.p12
TB_CLIENT_P12_PASS_FILE=$TB_PKI/client.p12.pass
TB_ROGUE_CA=$TB_PKI/rogue-ca.pem
TB_ROGUE_CA_KEY=$TB_PKI/rogue-ca.key
TB_ROGUE_SERVER_CERT=$TB_PKI/rogue-server.pem
TB_ROGUE_SERVER_KEY=$TB_PKI/rogue-server.key
# Intermediate-CA chain (scripts/lib/testbed-pki-chain.sh), served by the FreeRADIUS backend.
TB_INTERMEDIATE_CN="eapolctl Testbed Intermediate CA"
TB_INTERMEDIATE_CA=$TB_PKI/intermediate.pem
TB_RADIUS_SERVER_CERT=$TB_PKI/radius-server.pem
TB_RADIUS_SERVER_CHAIN=$TB_PKI/radius-server-chain.pem
TB_RADIUS_SERVER_KEY=$TB_PKI/radius-server.key
TB_CAPATH=$TB_PKI/capath
TB_CHAIN_CLIENT_P12=$TB_PKI/chain-client.p12
TB_EXPIRED_CLIENT_P12=$TB_PKI/expired-client.p12
TB_REVOKED_CLIENT_P12=$TB_PKI/revoked-client.p12
TB_CHAIN_P12_PASS_FILE=$TB_PKI/chain-client.p12.pass

# RADIUS backend: "internal" (hostapd's integrated EAP server) or "freeradius" (FreeRADIUS 3.2 on 127.0.0.1 in the
# authenticator namespace, hostapd its RADIUS client). Recorded in the run directory by `up`.
TB_RADIUS_FILE=$TB_DIR/radius-backend
TB_RADDB=$TB_DIR/raddb
TB_RADIUS_PID=$TB_DIR/freeradius.pid
TB_RADIUS_LOG=$TB_DIR/freeradius.log
TB_RADIUS_SECRET_FILE=$TB_DIR/radius.secret
TB_HOSTAPD_RADIUS_CONF=$TB_DIR/hostapd-radius.conf

# Test users (test data only; they exist nowhere but in this testbed).
TB_PEAP_USER=peap-user
TB_PEAP_PASS=peap-pass-123
TB_TTLS_PAP_USER=ttls-pap-user
TB_TTLS_PAP_PASS=ttls-pap-pass-123
TB_TTLS_MSCHAP_USER=ttls-mschap-user
TB_TTLS_MSCHAP_PASS=ttls-mschap-pass-123
TB_TLS_USER=tls-user@testbed.example
TB_ANON_IDENTITY=anonymous@testbed.example
TB_PEAP_GTC_USER=peap-gtc-user
TB_PEAP_GTC_PASS=peap-gtc-pass-123
TB_TTLS_EAP_USER=ttls-eap-user
TB_TTLS_EAP_PASS=ttls-eap-pass-123
TB_TLS_EXPIRED_USER=tls-expired@testbed.example
TB_TLS_REVOKED_USER=tls-revoked@testbed.example
TB_FAST_USER=fast-user
TB_FAST_PASS=fast-pass-123

tb_log() { echo "testbed: $*" >&2; }
tb_die() { echo "testbed: error: $*" >&2; exit 1; }

tb_now() { date +%s.%N; }

# tb_pid_alive PIDFILE EXPECTED_COMM → prints the pid and returns 0 when the pid file names a live
# process whose executable name is EXPECTED_COMM and whose command line mentions our run directory.
tb_pid_alive() {
  local pidfile=$1 comm=$2 pid cmd exe
  [[ -r $pidfile ]] || return 1
  pid=$(tr -dc '0-9' <"$pidfile")
  [[ -n $pid && -d /proc/$pid ]] || return 1
  exe=$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | head -n1) || return 1
  [[ ${exe##*/} == "$comm" ]] || return 1
  cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmd == *"$TB_DIR/"* ]] || return 1
  echo "$pid"
}

# The RADIUS backend the run directory records (internal when none is recorded).
tb_radius_backend() {
  local b=internal
  [[ -r $TB_RADIUS_FILE ]] && b=$(tr -dc 'a-z' <"$TB_RADIUS_FILE")
  echo "${b:-internal}"
}

tb_ns_exists() { [[ -e /run/netns/$1 ]]; }

# tb_exec_unlocked CMD...: replace this shell with CMD, stdin from /dev/null and every descriptor above 2 closed
# (daemons must inherit neither our lock nor a caller's pipe, or a caller reading to EOF would hang), and with no
# signal blocked or ignored: a caller such as the Swift test runner (Foundation's Process) starts us with SIGTERM and
# most other signals blocked, a mask every exec'd daemon would keep, so `stop` would wait 5 s and SIGKILL it. Bash
# cannot unblock signals; a one-line python3 exec does. Call it with & for a daemon that stays in the foreground
# (no bash process is left waiting for it).
tb_exec_unlocked() {
  local f n
  for f in /proc/$BASHPID/fd/*; do
    n=${f##*/}
    if ((n > 2)); then eval "exec $n>&-" 2>/dev/null || true; fi
  done
  if command -v python3 >/dev/null 2>&1; then
    exec python3 -c '
import os, signal, sys
signal.pthread_sigmask(signal.SIG_SETMASK, [])
for s in signal.valid_signals():
    if s not in (signal.SIGKILL, signal.SIGSTOP) and s < signal.SIGRTMIN:
        try:
            signal.signal(s, signal.SIG_DFL)
        except (OSError, ValueError):
            pass
os.execvp(sys.argv[1], sys.argv[1:])' "$@" </dev/null
  fi
  exec "$@" </dev/null
}

# unlocked CMD...: tb_exec_unlocked in a subshell, for a daemon that forks itself (the caller goes on when it has).
unlocked() { (tb_exec_unlocked "$@"); }

# tb_bus_has_owner NAME → 0 when NAME has an owner on the private bus.
tb_bus_has_owner() {
  [[ -S $TB_BUS_SOCK ]] || return 1
  busctl --address="$TB_BUS_ADDR" status "$1" >/dev/null 2>&1
}
