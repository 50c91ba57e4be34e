# shellcheck shell=sh
# 5. Failures over Wi-Fi give the same structured errors as on the wired testbed: a wrong password
# is eap/credentials-rejected, a server certificate from an unrelated CA is
# eap/server-certificate-untrusted; both exit 70 and leave nothing of eapolctl's in wpa_supplicant.
ec_init
ap_start ap wpa2 wlan0

ec createProfile --authType PEAP --SSID "$SSID_WPA2" --securityType WPA2 \
  --trustedCertificate "$VM_PKI/ca.pem" --trustedServerName "$SERVER_NAME" || fail "createProfile failed"
printf '%s' "wrong-$PEAP_PASS" | ec setPasswordItem --password - --name "$PEAP_USER" --SSID "$SSID_WPA2" ||
  fail "setPasswordItem failed"
ec_auth credentials-rejected:801 wrong-password startAuthentication --interface wlan1 --SSID "$SSID_WPA2" --timeout 120
[ "$(supp_networks wlan1)" = 0 ] || fail "networks left in wpa_supplicant after the rejected password"

# The right password, but the AP's EAP server now shows the rogue CA's certificate.
printf '%s' "$PEAP_PASS" | ec setPasswordItem --password - --name "$PEAP_USER" --SSID "$SSID_WPA2" ||
  fail "setPasswordItem failed"
ap_stop ap
ap_start rogue rogue wlan0
ec_auth server-certificate-untrusted:802 rogue-ca startAuthentication --interface wlan1 --SSID "$SSID_WPA2" --timeout 120
[ "$(supp_networks wlan1)" = 0 ] || fail "networks left in wpa_supplicant after the untrusted certificate"
grep -q 'CTRL-EVENT-EAP-SUCCESS' "$(ap_log rogue)" && fail "the rogue AP completed EAP"
pass
