# shellcheck shell=sh
# 4b. A hidden SSID: the AP beacons an empty SSID; the profile says --hidden, so the station must
# probe for it by name.
ec_init
ap_start ap hidden wlan0

ec profile create --name hidden --ssid "$SSID_HIDDEN" --hidden --security wpa2 --method peap --inner mschapv2 \
  --ca-cert "$VM_PKI/ca.pem" --server-name "$SERVER_NAME" || fail "profile create failed"
printf '%s' "$PEAP_PASS" | ec password set --ssid "$SSID_HIDDEN" --username "$PEAP_USER" --password - ||
  fail "password set failed"

ec_auth authenticated hidden-auth-start auth start --interface wlan1 --ssid "$SSID_HIDDEN" --timeout 120 --dhcp none
expect_settled wlan1 EAP-PEAP
ec auth stop --interface wlan1 || fail "auth stop failed"
pass
