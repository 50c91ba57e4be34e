# shellcheck shell=sh
# 2. WPA3-Enterprise only mode (AKM WPA-EAP-SHA256, PMF required on both sides), EAP-TTLS/PAP,
# profile created with `profile create`, authenticated with `auth start`.
ec_init
ap_start ap wpa3 wlan0

ec profile create --name wpa3-ttls --ssid "$SSID_WPA3" --security wpa3 --method ttls --inner pap \
  --ca-cert "$VM_PKI/ca.pem" --server-name "$SERVER_NAME" || fail "profile create failed"
printf '%s' "$TTLS_PAP_PASS" | ec password set --ssid "$SSID_WPA3" --username "$TTLS_PAP_USER" --password - ||
  fail "password set failed"

supp_log_mark
ec_auth authenticated wpa3-ttls-auth-start auth start --interface wlan1 --ssid "$SSID_WPA3" --timeout 120 --dhcp none
# wpa_supplicant names the AKM, not the EAP method, in CurrentAuthMode for SHA-256 AKMs.
expect_settled wlan1 WPA2-EAP-SHA256
grep -q '"method-accepted","method":"TTLS"' "$VM_LOGS/$SCENARIO-wpa3-ttls-auth-start.out" ||
  fail "eapolctl did not report TTLS as the accepted method"
# What went over the air: the AKM and PMF the station negotiated (wpa_supplicant's own log).
supp_log_since >/tmp/supp-wpa3.log
grep -q 'WPA: using KEY_MGMT 802.1X with SHA256' /tmp/supp-wpa3.log ||
  fail "the station did not use AKM 00-0F-AC:5 (802.1X with SHA256)"
grep -q 'WPA: using MGMT group cipher AES-128-CMAC' /tmp/supp-wpa3.log ||
  fail "the station did not negotiate PMF (no management group cipher)"
grep -q 'AP-STA-CONNECTED' "$(ap_log ap)" || fail "hostapd never saw the station connect"
ec auth stop --interface wlan1 || fail "auth stop failed"
pass
