# shellcheck shell=sh
# 3. EAP-TLS on WPA2-Enterprise with a PKCS#12 identity from the encrypted store.
ec_init
ap_start ap wpa2 wlan0

ec profile create --name wpa2-tls --ssid "$SSID_WPA2" --security wpa2 --method tls --username "$TLS_USER" \
  --ca-cert "$VM_PKI/ca.pem" --server-name "$SERVER_NAME" || fail "profile create failed"
ec identity set --ssid "$SSID_WPA2" --pkcs12 "$VM_PKI/client.p12" --passphrase-file "$VM_PKI/client.p12.pass" ||
  fail "identity set failed"

ec_auth authenticated tls-auth-start auth start --interface wlan1 --ssid "$SSID_WPA2" --timeout 120 --dhcp none
expect_settled wlan1 EAP-TLS
grep -q 'AP-STA-CONNECTED' "$(ap_log ap)" || fail "hostapd never saw the station connect"
ec auth stop --interface wlan1 || fail "auth stop failed"
pass
