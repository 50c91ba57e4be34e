# shellcheck shell=sh
# vm-limit: 360
# 8. Passpoint (Hotspot 2.0, issue 14): one hostapd with interworking, HS 2.0, four roaming consortium OIs, an NAI
# realm and two domain names, beaconing an SSID no profile names (hostapd/passpoint.conf). Three profiles on one
# boot, each `auth start --profile P --json`:
#   oi      a roaming consortium OI the beacon carries, a home domain the AP does not list → connected, the JSON
#           names the SSID, the AP's BSSID, match roaming and that OI;
#   realm   the AP's NAI realm and home domain, no OI → connected, match home, no OI reported;
#   none    OI, realm and domain the AP does not advertise → eap/no-passpoint-match (817) well inside the timeout.
# After each: no credential, no network left in wpa_supplicant, the interworking settings back as they were.
ec_init
ap_start ap passpoint wlan0
SSID_HS20=hwsim-venue-7f
AP_BSSID=$(cat /sys/class/net/wlan0/address)

# pp_profile NAME ARGS...: a Passpoint PEAP/MSCHAPv2 profile trusting the run's CA, with the PEAP test user.
pp_profile() {
  _n=$1
  shift
  ec profile create --name "$_n" --passpoint "$@" --method peap --inner mschapv2 \
    --ca-cert "$VM_PKI/ca.pem" --server-name "$SERVER_NAME" --username "$PEAP_USER" || fail "profile create $_n failed"
}
# The realm and no-match profiles take a one-time password on stdin (one command less each; the realm match needs
# the password in the credential, so this also proves that a one-time password reaches it).
PP_PASS=/tmp/pp-pass
( umask 077; printf '%s' "$PEAP_PASS" >$PP_PASS )

# pp_clean LABEL: nothing of the run is left in wpa_supplicant.
pp_clean() {
  ec auth stop --interface wlan1 >/dev/null 2>&1
  [ "$(supp_networks wlan1)" = 0 ] || fail "$1: networks left in wpa_supplicant"
  busctl tree --list $SUPP 2>/dev/null | grep -q '/Credentials/' && fail "$1: a Passpoint credential was left in wpa_supplicant"
  _p=$(supp_if wlan1)
  if [ -n "$_p" ]; then
    _iw=$(busctl get-property $SUPP "$_p" $SUPP_IFACE Interworking 2>/dev/null | unquote)
    _ai=$(busctl get-property $SUPP "$_p" $SUPP_IFACE AutoInterworking 2>/dev/null | unquote)
    _hs=$(busctl get-property $SUPP "$_p" $SUPP_IFACE Hs20 2>/dev/null | unquote)
    vm_log "$1: after the run Interworking='$_iw' Hs20='$_hs' AutoInterworking='$_ai'"
    # wpa_supplicant's defaults, which eapolctl found on this interface and must restore.
    [ "$_iw$_hs$_ai" = 000 ] || fail "$1: interworking settings not restored (Interworking=$_iw Hs20=$_hs AutoInterworking=$_ai)"
  fi
  return 0
}

# pp_json LABEL KEY: the string value of "KEY" in the passpoint object of LABEL's result line.
pp_json() { tail -n1 "$VM_LOGS/$SCENARIO-$1.out" | grep -o '"passpoint":{[^}]*}' | grep -o "\"$2\":\"[^\"]*\"" | cut -d'"' -f4; }

pp_profile hs-oi --domain home.elsewhere.example --roaming-consortium 0a0b0c0d0e --roaming-consortium 001bc50460
printf '%s' "$PEAP_PASS" | ec password set --profile hs-oi --password - || fail "password set hs-oi failed"
pp_profile hs-realm --domain hs20.testbed.example --realm hs20.testbed.example --one-time-password
pp_profile hs-none --domain nomatch.example --realm nomatch.example --roaming-consortium 0a0b0c0d0e --one-time-password

ec_auth authenticated oi auth start --profile hs-oi --interface wlan1 --timeout 120 --dhcp none
expect_settled wlan1 EAP-PEAP
[ "$(pp_json oi ssid)" = "$SSID_HS20" ] || fail "oi: passpoint.ssid is '$(pp_json oi ssid)', not $SSID_HS20"
[ "$(pp_json oi bssid)" = "$AP_BSSID" ] || fail "oi: passpoint.bssid is '$(pp_json oi bssid)', not $AP_BSSID"
[ "$(pp_json oi roamingConsortium)" = 001bc50460 ] || fail "oi: passpoint.roamingConsortium is '$(pp_json oi roamingConsortium)'"
[ "$(pp_json oi match)" = roaming ] || fail "oi: passpoint.match is '$(pp_json oi match)', not roaming"
# The selection's own time (scan + ANQP), which the report's elapsedMs does not include.
_sel=$(tail -n1 "$VM_LOGS/$SCENARIO-oi.out" | grep -o '"selectionMs":[0-9.]*' | cut -d: -f2)
awk -v m="${_sel:-0}" 'BEGIN { exit !(m > 0) }' || fail "oi: no passpoint.selectionMs in the result"
timing oi-selection "$(awk -v m="$_sel" 'BEGIN { printf "%.2f", m / 1000 }')"
grep -q 'AP-STA-CONNECTED' "$(ap_log ap)" || fail "oi: hostapd never saw the station connect"
pp_clean oi

ec_auth authenticated realm auth start --profile hs-realm --interface wlan1 --timeout 120 --dhcp none --password-stdin <$PP_PASS
expect_settled wlan1 EAP-PEAP
[ "$(pp_json realm ssid)" = "$SSID_HS20" ] || fail "realm: passpoint.ssid is '$(pp_json realm ssid)'"
[ "$(pp_json realm match)" = home ] || fail "realm: passpoint.match is '$(pp_json realm match)', not home"
tail -n1 "$VM_LOGS/$SCENARIO-realm.out" | grep -q '"roamingConsortium":"' && fail "realm: an OI was reported for a realm match"
pp_clean realm

_t0=$(now)
ec_auth no-passpoint-match:817 none auth start --profile hs-none --interface wlan1 --timeout 120 --dhcp none --password-stdin <$PP_PASS
_t=$(elapsed "$_t0")
awk -v t="$_t" 'BEGIN { exit !(t < 90) }' || fail "none: the no-match error came after $_t s (timeout 120 s): a timeout in disguise"
grep -q 'no matching Passpoint network' "$VM_LOGS/$SCENARIO-none.err" || fail "none: the message does not say 'no matching Passpoint network'"
pp_clean none
rm -f $PP_PASS
pass
