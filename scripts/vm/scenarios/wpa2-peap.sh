# shellcheck shell=sh
# 1. WPA2-Enterprise, PEAP-MSCHAPv2, profile created with the eapolcfg commands, authenticated with
# `startAuthentication --interface wlan1 --SSID ...`.
ec_init
ap_start ap wpa2 wlan0

ec createProfile --authType PEAP --SSID "$SSID_WPA2" --securityType WPA2 \
  --trustedCertificate "$VM_PKI/ca.pem" --trustedServerName "$SERVER_NAME" ||
  fail "createProfile failed"
printf '%s' "$PEAP_PASS" | ec setPasswordItem --password - --name "$PEAP_USER" --SSID "$SSID_WPA2" ||
  fail "setPasswordItem failed"

ec_auth authenticated peap-startAuthentication startAuthentication --interface wlan1 --SSID "$SSID_WPA2" --timeout 120 --dhcp none
expect_settled wlan1 EAP-PEAP
wait_until 10 grep -q 'AP-STA-CONNECTED' "$(ap_log ap)" || fail "hostapd never saw the station connect"
ec getState --interface wlan1 || fail "getState failed"
ec stopAuthentication --interface wlan1 || fail "stopAuthentication failed"
[ "$(supp_networks wlan1)" = 0 ] || fail "networks left in wpa_supplicant after stopAuthentication"
pass
