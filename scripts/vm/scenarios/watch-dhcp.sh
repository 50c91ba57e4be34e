# shellcheck shell=sh
# 6. TODO(watch): `eapolctl watch` + builtin DHCP: a DHCP server on the AP side; after the AP
# restarts (or a second AP on wlan2 with the same SSID takes over), eapolctl re-authenticates and
# renews the lease, and the elapsed time is reported. Needs `eapolctl watch`, which does not exist
# yet: the scenario skips (and says so) until it does.
ec_init
ec_has watch || skip "TODO(watch): eapolctl has no 'watch' command yet"
fail "TODO(watch): 'watch' exists now; write this scenario (see Docs/wifi-vm.md)"
