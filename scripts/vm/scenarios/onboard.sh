# shellcheck shell=sh
# 7. `eapolctl onboard --connect` from an eap-config file for the VM's network: a GEANT eap-config
# (PEAP/MSCHAPv2, this run's CA as base64 DER, the server name, IEEE80211/SSID = the WPA2 SSID)
# written here; `onboard FILE --interface wlan1 --username U --password-stdin --connect --dhcp
# builtin --json` must exit 0 with connection.state authenticated and a 198.18.0.x address (udhcpd
# on the AP side). Run twice: the same profile ID, status unchanged the second time, and no
# duplicate in `profile list`.
ec_init
cleanup() { dhcp_server_stop; }
trap cleanup EXIT
dhcp_server_start wlan0
ap_start ap wpa2 wlan0

FILE=/tmp/$SCENARIO.eap-config
CA_B64=$(sed -e '/-----/d' "$VM_PKI/ca.pem" | tr -d '\n')
REALM=${ANON_IDENTITY#*@}
cat >"$FILE" <<XML
<?xml version="1.0" encoding="utf-8"?>
<EAPIdentityProviderList>
  <EAPIdentityProvider ID="$REALM" namespace="urn:RFC4282:realm" lang="en" version="1">
    <AuthenticationMethods>
      <AuthenticationMethod>
        <EAPMethod><Type>25</Type></EAPMethod>
        <ServerSideCredential>
          <CA format="X.509" encoding="base64">$CA_B64</CA>
          <ServerID>$SERVER_NAME</ServerID>
        </ServerSideCredential>
        <ClientSideCredential>
          <OuterIdentity>$ANON_IDENTITY</OuterIdentity>
        </ClientSideCredential>
        <InnerAuthenticationMethod><EAPMethod><Type>26</Type></EAPMethod></InnerAuthenticationMethod>
      </AuthenticationMethod>
    </AuthenticationMethods>
    <CredentialApplicability>
      <IEEE80211><SSID>$SSID_WPA2</SSID><MinRSNProto>CCMP</MinRSNProto></IEEE80211>
    </CredentialApplicability>
    <ProviderInfo>
      <DisplayName lang="en">eapolctl Wi-Fi VM</DisplayName>
      <Helpdesk><EmailAddress lang="en">helpdesk@$REALM</EmailAddress></Helpdesk>
    </ProviderInfo>
  </EAPIdentityProvider>
</EAPIdentityProviderList>
XML

# onboard_run LABEL: one `onboard --connect`; sets OUT (its report).
onboard_run() {
  OUT=$VM_LOGS/$SCENARIO-$1.out
  _err=$VM_LOGS/$SCENARIO-$1.err
  vm_log "\$ eapolctl onboard $FILE --interface wlan1 --username $PEAP_USER --password-stdin --connect --dhcp builtin --json"
  _t0=$(now)
  printf '%s\n' "$PEAP_PASS" | "$EAPOLCTL" onboard "$FILE" --interface wlan1 --username "$PEAP_USER" \
    --password-stdin --connect --dhcp builtin --json >"$OUT" 2>"$_err"
  _rc=$?
  _wall=$(elapsed "$_t0")
  vm_log "exit $_rc after $_wall s"
  sed 's/^/  out: /' "$OUT"
  sed 's/^/  err: /' "$_err"
  [ $_rc -eq 0 ] || fail "$1: onboard --connect exited $_rc ($(head -c 300 "$_err"))"
  _conn=$(tail -n1 "$OUT" | grep -o '"connection":{[^}]*}')
  echo "$_conn" | grep -q '"state":"authenticated"' || fail "$1: connection state is not authenticated"
  echo "$_conn" | grep -q '"address":"198\.18\.0\.' || fail "$1: the connection has no 198.18.0.x address"
  timing "$1" "$_wall"
  _a2b=$(echo "$_conn" | grep -o '"authenticatedToBoundMs":[0-9.]*' | cut -d: -f2)
  [ -n "$_a2b" ] && timing "$1-authenticated-to-bound" "$(awk -v m="$_a2b" 'BEGIN { printf "%.3f", m / 1000 }')"
  return 0
}
# report_ids: the profile IDs in the last report ("id" members; the connection names its profile as
# "profile", the provider's ID is a realm).
report_ids() { tail -n1 "$OUT" | grep -o "$UUID_ID" | cut -d'"' -f4 | sort -u; }

onboard_run onboard-1
IDS1=$(report_ids)
[ -n "$IDS1" ] || fail "the first report names no profile id"
[ "$(echo "$IDS1" | wc -l)" -eq 1 ] || fail "one SSID should give one profile, got: $IDS1"
tail -n1 "$OUT" | grep -q '"status":"created"' || fail "the first onboard did not create the profile"
N1=$(ec_profile_ids | wc -l)
expect_settled wlan1 EAP-PEAP
ec auth stop --interface wlan1 >/dev/null 2>&1
ip addr flush dev wlan1

onboard_run onboard-2
IDS2=$(report_ids)
[ "$IDS1" = "$IDS2" ] || fail "the second onboard gave other profile ids ($IDS1 → $IDS2)"
tail -n1 "$OUT" | grep -q '"status":"unchanged"' || fail "the second onboard did not report the profile unchanged"
N2=$(ec_profile_ids | wc -l)
[ "$N1" -eq 1 ] && [ "$N2" -eq 1 ] || fail "profile list: $N1 profiles after the first run, $N2 after the second (expected 1 and 1)"
[ "$(supp_networks wlan1)" -le 1 ] || fail "wpa_supplicant has $(supp_networks wlan1) networks on wlan1 after two onboards"
ec auth stop --interface wlan1 >/dev/null 2>&1
pass
