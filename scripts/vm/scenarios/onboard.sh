# shellcheck shell=sh
# 7. TODO(onboard): `eapolctl onboard --connect` from an eap-config file for the VM's network.
# Skips (and says so) until eapolctl has an `onboard` command.
ec_init
ec_has onboard || skip "TODO(onboard): eapolctl has no 'onboard' command yet"
fail "TODO(onboard): 'onboard' exists now; write this scenario (see Docs/wifi-vm.md)"
