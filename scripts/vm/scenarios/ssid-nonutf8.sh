# shellcheck shell=sh
# 4a. An SSID that is not valid UTF-8 ("caf" 0xE9 "-" 0xFF), given to eapolctl as hex:.
ec_init
ap_start ap nonutf8 wlan0
ssid=hex:$SSID_NONUTF8_HEX

ec profile create --name nonutf8 --ssid "$ssid" --security wpa2 --method peap --inner mschapv2 \
  --ca-cert "$VM_PKI/ca.pem" --server-name "$SERVER_NAME" || fail "profile create failed"
printf '%s' "$PEAP_PASS" | ec password set --ssid "$ssid" --username "$PEAP_USER" --password - ||
  fail "password set failed"
ec profile list || fail "profile list failed with a non-UTF-8 SSID"

ec_auth authenticated nonutf8-auth-start auth start --interface wlan1 --ssid "$ssid" --timeout 120 --dhcp none
expect_settled wlan1 EAP-PEAP
# The BSS wpa_supplicant is on carries exactly those bytes.
bss=$(busctl get-property $SUPP "$(supp_if wlan1)" $SUPP_IFACE CurrentBSS | unquote)
got=$(busctl get-property $SUPP "$bss" fi.w1.wpa_supplicant1.BSS SSID)
[ "$got" = "ay $(ay_hex "$SSID_NONUTF8_HEX")" ] || fail "current BSS SSID is '$got', expected bytes $SSID_NONUTF8_HEX"
ec auth stop --interface wlan1 || fail "auth stop failed"
pass
