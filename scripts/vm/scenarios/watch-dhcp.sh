# shellcheck shell=sh
# 6. `eapolctl watch` + builtin DHCP. The AP side (wlan0) has 198.18.0.1/24 and busybox udhcpd.
# `auth start --dhcp builtin` authenticates wlan1 (PEAP-MSCHAPv2, WPA2) and gets a lease; then
# `watch --dhcp builtin --json` follows wlan1 in the background. The access point's hostapd is
# stopped (by pid) and started again: the station loses the AP, wpa_supplicant reconnects, and
# watch must report a new `authenticated` (reason state-completed) and a new `dhcp-bound` after the
# restart. Timings: AP restart → authenticated → bound (VM wall clock) and watch's own
# authenticatedToBoundMs; watch must exit 0 on SIGTERM with a `stopping` event.
ec_init
WATCH_OUT=$VM_LOGS/$SCENARIO-watch.out
WATCH_ERR=$VM_LOGS/$SCENARIO-watch.err
WATCH_PID=
cleanup() {
  [ -n "$WATCH_PID" ] && pid_alive "$WATCH_PID" && kill -9 "$WATCH_PID" 2>/dev/null
  dhcp_server_stop
}
trap cleanup EXIT

dhcp_server_start wlan0
ap_start ap wpa2 wlan0

ec createProfile --authType PEAP --SSID "$SSID_WPA2" --securityType WPA2 \
  --trustedCertificate "$VM_PKI/ca.pem" --trustedServerName "$SERVER_NAME" ||
  fail "createProfile failed"
printf '%s' "$PEAP_PASS" | ec setPasswordItem --password - --name "$PEAP_USER" --SSID "$SSID_WPA2" ||
  fail "setPasswordItem failed"
PROFILE=$(ec_profile_ids | head -n1)
[ -n "$PROFILE" ] || fail "no profile id in 'eapolctl profile list --json'"

ec_auth authenticated auth-start auth start --interface wlan1 --profile "$PROFILE" --dhcp builtin --timeout 120
grep -q '"event":"dhcp-bound"' "$_out" || fail "auth start --dhcp builtin reported no dhcp-bound"
ADDR1=$(ip -4 -o addr show dev wlan1 | awk '{ print $4 }' | head -n1)
case $ADDR1 in 198.18.0.*) vm_log "wlan1 has $ADDR1" ;; *) fail "wlan1 has no 198.18.0.x address after auth start (got '$ADDR1')" ;; esac

# count_events NAME: how many NAME events watch has printed so far.
count_events() { grep -c "\"event\":\"$1\"" "$WATCH_OUT" 2>/dev/null || true; }
has_events() { [ "$(count_events "$1")" -ge "$2" ]; }
# event_field LINE_PATTERN N FIELD: FIELD (number or string) of the N-th event matching the pattern.
event_field() { grep "$1" "$WATCH_OUT" | sed -n "${2}p" | grep -o "\"$3\":\"\{0,1\}[^,\"}]*" | head -n1 | sed 's/.*:"\{0,1\}//'; }

vm_log "\$ eapolctl watch --interface wlan1 --profile $PROFILE --dhcp builtin --json &"
t_watch=$(now)
"$EAPOLCTL" watch --interface wlan1 --profile "$PROFILE" --dhcp builtin --json >"$WATCH_OUT" 2>"$WATCH_ERR" &
WATCH_PID=$!
wait_until 30 has_events started 1 || fail "watch printed no started event ($(head -c 300 "$WATCH_ERR"))"
[ "$(event_field '"event":"started"' 1 pid)" = "$WATCH_PID" ] || fail "watch's started event does not carry its pid $WATCH_PID"
wait_until 30 has_events dhcp-bound 1 || fail "watch: no dhcp-bound at start ($(tail -c 300 "$WATCH_ERR"))"
grep -q '"reason":"already-authenticated"' "$WATCH_OUT" || fail "watch did not see the interface already authenticated"
timing watch-start-to-bound "$(elapsed "$t_watch")"
n_auth=$(count_events authenticated)
n_bound=$(count_events dhcp-bound)

# The AP restarts: hostapd stopped by pid, started again with the same configuration.
vm_log "restarting the access point"
t_down=$(now)
ap_stop ap
wait_until 30 grep -q '"event":"state-change"' "$WATCH_OUT" ||
  vm_log "note: watch printed no state-change while the AP was down"
sleep 1
ap_start ap wpa2 wlan0
t_up=$(now)
timing ap-down "$(elapsed "$t_down" "$t_up")"
wait_until 90 has_events authenticated $((n_auth + 1)) ||
  fail "watch reported no new authenticated event within 90 s of the AP restart"
t_auth=$(now)
wait_until 30 has_events dhcp-bound $((n_bound + 1)) ||
  fail "watch re-authenticated but reported no new dhcp-bound ($(grep dhcp-failed "$WATCH_OUT" | tail -n1))"
t_bound=$(now)
ADDR2=$(event_field '"event":"dhcp-bound"' $((n_bound + 1)) address)
REASON=$(event_field '"event":"authenticated"' $((n_auth + 1)) reason)
EXCH=$(event_field '"event":"dhcp-bound"' $((n_bound + 1)) exchange)
A2B=$(event_field '"event":"dhcp-bound"' $((n_bound + 1)) authenticatedToBoundMs)
vm_log "after the restart: authenticated (reason $REASON), bound $ADDR2 ($EXCH), authenticatedToBoundMs=$A2B"
case $ADDR2 in 198.18.0.*) ;; *) fail "dhcp-bound after the restart has no 198.18.0.x address ('$ADDR2')" ;; esac
[ "$ADDR2" = "${ADDR1%/*}" ] || vm_log "note: the address changed ($ADDR1 → $ADDR2)"
timing ap-up-to-authenticated "$(elapsed "$t_up" "$t_auth")"
timing ap-up-to-bound "$(elapsed "$t_up" "$t_bound")"
[ -n "$A2B" ] && timing reauth-authenticated-to-bound "$(awk -v m="$A2B" 'BEGIN { printf "%.3f", m / 1000 }')"
wait_until 10 grep -q 'AP-STA-CONNECTED' "$(ap_log ap)" || fail "the restarted hostapd never saw the station connect"

# SIGTERM: a stopping event and exit 0.
kill -TERM "$WATCH_PID"
wait "$WATCH_PID"
rc=$?
WATCH_PID=
sed 's/^/  watch: /' "$WATCH_OUT"
sed 's/^/  watch err: /' "$WATCH_ERR"
[ $rc -eq 0 ] || fail "watch exited $rc on SIGTERM, expected 0"
grep -q '"event":"stopping"' "$WATCH_OUT" || fail "watch printed no stopping event on SIGTERM"
ec auth stop --interface wlan1 >/dev/null 2>&1
pass
