# shellcheck shell=sh
# 9. Fast roaming under `watch` (issue 14 item 2). Two access points of one SSID in one hostapd
# process — wlan0 (02:00:00:00:00:00, channel 1) and wlan2 (02:00:00:00:02:00, channel 6) —
# bridged on br0 with 198.18.0.1/24 and udhcpd, both offering WPA-EAP and FT-EAP (802.11r: one
# mobility domain, nas_identifier, r0kh/r1kh, pmk_r1_push) with OKC (hostapd/ft.conf). For each
# profile setting — --roaming none, okc, auto — `auth start` connects, `watch --dhcp builtin
# --json` follows wlan1, `auth roam --bssid OTHER` moves it, and watch must print `roamed` with
# the expected kind (none → full EAP, okc → pmksa, auto → ft) and then a `dhcp-bound` (INIT-REBOOT).
# Timed: each roam (watch's `ms`, auth roam's elapsedMs) and roam start → address (dhcp-bound's
# triggerToBoundMs, trigger roamed).
ec_init
SSID_ROAM=eapolctl-roam
WATCH_PID=
cleanup() {
  [ -n "$WATCH_PID" ] && pid_alive "$WATCH_PID" && kill -9 "$WATCH_PID" 2>/dev/null
  dhcp_server_stop
  stop_pidfile /run/hostapd-roam.pid
  ip link del br0 2>/dev/null
  return 0
}
trap cleanup EXIT

BSSID_A=$(cat /sys/class/net/wlan0/address)
BSSID_B=$(cat /sys/class/net/wlan2/address)
FTKEY=$(printf '%064d' 0 | tr 0 e)   # test key shared by the two key holders (both in this one process)

ip link add br0 type bridge || fail "cannot create br0 (bridge module?)"
ip link set br0 up
for _c in br0; do
  echo 1 >/proc/sys/net/ipv4/conf/$_c/accept_local
  echo 0 >/proc/sys/net/ipv4/conf/$_c/rp_filter
done

# ap_conf IFACE CHANNEL NAS OWN_BSSID: one BSS's configuration for the shared hostapd process
# (the later channel= wins over common.conf's).
ap_conf() {
  {
    echo "interface=$1"
    echo "bridge=br0"
    echo "ctrl_interface=/run/hostapd-roam"
    cat "$VM_HOSTAPD/common.conf" "$VM_HOSTAPD/ft.conf"
    echo "channel=$2"
    echo "nas_identifier=$3"
    echo "r1_key_holder=$(echo "$4" | tr -d :)"
    echo "r0kh=$BSSID_A nas-a.eapolctl.test $FTKEY"
    echo "r0kh=$BSSID_B nas-b.eapolctl.test $FTKEY"
    echo "r1kh=$BSSID_A $BSSID_A $FTKEY"
    echo "r1kh=$BSSID_B $BSSID_B $FTKEY"
  } | sed -e "s|@PKI@|$VM_PKI|g" -e "s|@HOSTAPD@|$VM_HOSTAPD|g" >"/run/hostapd-roam-$1.conf"
}
ap_conf wlan0 1 nas-a.eapolctl.test "$BSSID_A"
ap_conf wlan2 6 nas-b.eapolctl.test "$BSSID_B"
AP_LOG=$VM_LOGS/hostapd-$SCENARIO-roam.log
: >"$AP_LOG"
hostapd -B -t -d -P /run/hostapd-roam.pid -f "$AP_LOG" /run/hostapd-roam-wlan0.conf /run/hostapd-roam-wlan2.conf \
  >>"$AP_LOG" 2>&1 || fail "hostapd (two BSSes) did not start (see logs/$(basename "$AP_LOG"))"
wait_until 20 sh -c "[ \$(grep -c AP-ENABLED '$AP_LOG') -ge 2 ]" || fail "the two access points did not come up"
vm_log "APs up: $BSSID_A (ch 1), $BSSID_B (ch 6) on br0"
dhcp_server_start br0

ec profile create --name roam --ssid "$SSID_ROAM" --security wpa2 --method peap --inner mschapv2 \
  --ca-cert "$VM_PKI/ca.pem" --server-name "$SERVER_NAME" --roaming none >/dev/null || fail "profile create failed"
printf '%s' "$PEAP_PASS" | ec password set --profile roam --username "$PEAP_USER" --password - >/dev/null ||
  fail "password set failed"

WATCH_OUT=$VM_LOGS/$SCENARIO-watch.out
count_events() { grep -c "\"event\":\"$1\"" "$WATCH_OUT" 2>/dev/null || true; }
has_events() { [ "$(count_events "$1")" -ge "$2" ]; }
wfield() { grep "\"event\":\"$1\"" "$WATCH_OUT" | sed -n "${2}p" | grep -o "\"$3\":\"\{0,1\}[^,\"}]*" | head -n1 | sed 's/^"[^"]*":"\{0,1\}//'; }
current_bssid() {
  _b=$(busctl get-property $SUPP "$(supp_if wlan1)" $SUPP_IFACE CurrentBSS | unquote)
  [ -n "$_b" ] && [ "$_b" != / ] && busctl get-property $SUPP "$_b" fi.w1.wpa_supplicant1.BSS BSSID |
    awk '{ for (i = 3; i <= NF; i++) printf "%s%02x", (i > 3 ? ":" : ""), $i; print "" }'
}

# phase MODE KIND: connect with --roaming MODE, watch, roam to the other AP, expect KIND.
phase() {
  _mode=$1 _kind=$2 _again=${3:-}
  _mark=$(($(wc -l <"$AP_LOG") + 1))   # hostapd's log from this phase on
  ec profile edit roam --roaming "$_mode" >/dev/null || fail "profile edit --roaming $_mode failed"
  ec_auth authenticated "connect-$_mode" auth start --interface wlan1 --profile roam --dhcp builtin --timeout 60
  _from=$(current_bssid)
  case $_from in "$BSSID_A") _to=$BSSID_B ;; "$BSSID_B") _to=$BSSID_A ;; *) fail "$_mode: on no known BSS ('$_from')" ;; esac
  : >"$WATCH_OUT"
  "$EAPOLCTL" watch --interface wlan1 --profile roam --dhcp builtin --json >>"$WATCH_OUT" 2>"$VM_LOGS/$SCENARIO-watch-$_mode.err" &
  WATCH_PID=$!
  wait_until 30 has_events dhcp-bound 1 || fail "$_mode: watch printed no dhcp-bound at start"
  _n_bound=$(count_events dhcp-bound)
  # A roam needs the target in the kernel's BSS table (cfg80211 drops entries not seen for 30 s) as
  # well as in wpa_supplicant's: a repeat connect scans only the remembered channel, so scan all
  # channels first, as a station's background scan would (measured: without it FT's authentication
  # failed with ENOENT and wpa_supplicant fell back to a full association with the old AP).
  _ifp=$(supp_if wlan1)
  busctl call $SUPP "$_ifp" $SUPP_IFACE Scan 'a{sv}' 1 Type s active >/dev/null || fail "$_mode: Scan failed"
  sleep 1
  wait_until 15 sh -c "[ \"\$(busctl get-property $SUPP $_ifp $SUPP_IFACE Scanning)\" = 'b false' ]" ||
    fail "$_mode: the scan before the roam did not end"
  ec_auth_roam_out=$VM_LOGS/$SCENARIO-roam-$_mode.out
  vm_log "\$ eapolctl auth roam --interface wlan1 --bssid $_to --json"
  _t0=$(now)
  if ! "$EAPOLCTL" auth roam --interface wlan1 --bssid "$_to" --json >"$ec_auth_roam_out" 2>&1; then
    # Seen under TCG with FT: hostapd answers a retransmitted FT authentication with a new ANonce and
    # then rejects the reassociation ("FT: ANonce mismatch in FTIE", status 55); wpa_supplicant goes
    # back to the old AP. One more roam, recorded; a second failure fails the scenario.
    vm_log "note: $_mode: auth roam failed ($(grep -o '"message":"[^"]*' "$ec_auth_roam_out" | head -c 200)); hostapd: $(grep -c 'ANonce mismatch' "$AP_LOG") ANonce mismatch(es); one retry"
    timing "roam-$_mode-failed-first" "$(elapsed "$_t0")"
    expect_settled wlan1 "$(supp_auth_mode wlan1)"
    _from=$(current_bssid)
    case $_from in "$BSSID_A") _to=$BSSID_B ;; "$BSSID_B") _to=$BSSID_A ;; esac
    _t0=$(now)
    "$EAPOLCTL" auth roam --interface wlan1 --bssid "$_to" --json >"$ec_auth_roam_out" 2>&1 ||
      fail "$_mode: auth roam failed twice: $(head -c 300 "$ec_auth_roam_out")"
  fi
  timing "roam-$_mode-wall" "$(elapsed "$_t0")"
  sed 's/^/  roam: /' "$ec_auth_roam_out"
  if ! wait_until 15 has_events roamed 1; then
    # Seen once in CI under TCG with OKC: `auth roam` confirmed the station on the target, then the
    # target's 4-way handshake was retried (the station's State went back to 4way_handshake right
    # after completed, so watch, which confirms with method calls, reported no roam), the target AP
    # disassociated the station about 4 s later and wpa_supplicant went back to the first AP. That
    # roam never stuck; one more, recorded. A second miss fails the scenario.
    _now=$(current_bssid)
    [ "$_now" = "$_from" ] || fail "$_mode: watch printed no roamed event, and the station is on '$_now'"
    vm_log "note: $_mode: the roam to $_to did not stick (back on $_from; hostapd: $(grep -c 'disassociated\|deauthenticated' "$AP_LOG") dis-/deauthentications so far); one retry"
    timing "roam-$_mode-undone-first" "$(elapsed "$_t0")"
    expect_settled wlan1 "$(supp_auth_mode wlan1)"
    "$EAPOLCTL" auth roam --interface wlan1 --bssid "$_to" --json >"$ec_auth_roam_out" 2>&1 ||
      fail "$_mode: the second auth roam failed: $(head -c 300 "$ec_auth_roam_out")"
    wait_until 30 has_events roamed 1 || fail "$_mode: watch printed no roamed event (twice)"
  fi
  roam_bound() { grep '"event":"dhcp-bound"' "$WATCH_OUT" | grep -q '"trigger":"roamed"'; }
  wait_until 30 roam_bound || fail "$_mode: no dhcp-bound with trigger roamed after the roam"
  sed 's/^/  watch: /' "$WATCH_OUT"
  [ "$(wfield roamed 1 from)" = "$_from" ] || fail "$_mode: roamed.from is not $_from"
  [ "$(wfield roamed 1 to)" = "$_to" ] || fail "$_mode: roamed.to is not $_to"
  _got=$(wfield roamed 1 kind)
  if [ "$_got" != "$_kind" ] && [ "$_kind" != full ] && [ -z "$_again" ]; then
    # Seen under TCG with load (09:16 run): hostapd ran EAP a second time right after the connect's 4-way
    # handshake, so the first AP's PMK (the one OKC derives the target's from) changed on hostapd's side
    # only; the station's OKC PMKID (or, for FT, its PMK-R0 name) then matched nothing and the target ran
    # full EAP. That is the correct
    # outcome for what happened; the scenario recognises it (two PMKSA entries added for the station by
    # the first AP in this phase) and runs the phase once more. Anything else fails.
    case $_from in "$BSSID_A") _apif=wlan0 ;; *) _apif=wlan2 ;; esac
    _pmks=$(tail -n +"$_mark" "$AP_LOG" | grep -c "$_apif: STA .* WPA: Added PMKSA cache entry")
    if [ "$_pmks" -ge 2 ]; then
      vm_log "note: $_mode: roamed.kind $_got: hostapd added $_pmks PMKSA entries on $_apif for the connect (EAP ran again after the 4-way handshake, so the PMK OKC and FT derive from changed); the phase once more"
      timing "roam-$_mode-eap-rerun-first" "$(awk -v m="$(wfield roamed 1 ms)" 'BEGIN { printf "%.3f", m / 1000 }')"
      kill -TERM "$WATCH_PID"
      wait "$WATCH_PID"
      WATCH_PID=
      ec auth stop --interface wlan1 >/dev/null
      phase "$_mode" "$_kind" again
      return
    fi
  fi
  [ "$_got" = "$_kind" ] || fail "$_mode: roamed.kind is $_got, expected $_kind"
  _rb=$(grep '"event":"dhcp-bound"' "$WATCH_OUT" | grep '"trigger":"roamed"' | head -n1)
  _addr=$(echo "$_rb" | grep -o '"address":"[^"]*' | cut -d'"' -f4)
  case $_addr in 198.18.0.*) ;; *) fail "$_mode: no 198.18.0.x address after the roam ('$_addr')" ;; esac
  _ms=$(wfield roamed 1 ms) _bound=$(echo "$_rb" | grep -o '"triggerToBoundMs":[0-9.]*' | cut -d: -f2)
  _roam_ms=$(grep -o '"elapsedMs":[0-9.]*' "$ec_auth_roam_out" | cut -d: -f2)
  timing "roam-$_mode-$_kind" "$(awk -v m="$_ms" 'BEGIN { printf "%.3f", m / 1000 }')"
  [ -n "$_roam_ms" ] && timing "roam-$_mode-auth-roam" "$(awk -v m="$_roam_ms" 'BEGIN { printf "%.3f", m / 1000 }')"
  timing "roam-$_mode-to-address" "$(awk -v m="$_bound" 'BEGIN { printf "%.3f", m / 1000 }')"
  kill -TERM "$WATCH_PID"
  wait "$WATCH_PID"
  WATCH_PID=
  ec auth stop --interface wlan1 >/dev/null
}

phase none full
phase okc pmksa
phase auto ft
pass
