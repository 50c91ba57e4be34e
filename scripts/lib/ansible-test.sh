#!/usr/bin/env bash
# Tests the eapolctl.enterprise Ansible collection (scripts/ansible) on the wired testbed: ansible-core from PyPI in
# a venv (pinned; kept under .build/ only), playbooks run with -c local INSIDE the testbed's supplicant namespace,
# eapolctl on the testbed's private bus with a state directory and key file of its own.
#   scripts/lib/ansible-test.sh EAPOLCTL_BINARY TESTBED_ENV_FILE
#   scripts/lib/ansible-test.sh --prepare     only make the venv (scripts/test runs this during the build: PyPI is
#                                             the slow part, and it waits on the network, not on the CPU)
# Checks: check mode on an empty state changes nothing; the first run changes every task; the second changes none;
# check mode with another password changes nothing; a wrong password fails with eapolctl's eap error (name + code)
# in the task result; no password appears in any output or in the -vvv log.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# ansible-core and the dependencies it imports, pinned. cryptography (vault only, imported lazily) is left out: it is
# the largest download and no playbook here uses vault.
requirements="ansible-core==2.17.14 jinja2==3.1.6 MarkupSafe==3.0.4 PyYAML==6.0.4 packaging==26.4 resolvelib==1.0.1"
venv=${EAPOLCTL_ANSIBLE_VENV:-$root/.build/ansible-venv}
ensure_venv() {
    [[ -x $venv/bin/ansible-playbook && $(cat "$venv/.requirements" 2>/dev/null) == "$requirements" ]] && return 0
    command -v python3 >/dev/null || { echo "ansible-test: python3 is missing (scripts/install-deps)" >&2; return 1; }
    rm -rf "$venv"
    local started=$SECONDS
    python3 -m venv "$venv"
    # shellcheck disable=SC2086
    "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps $requirements
    echo "$requirements" >"$venv/.requirements"
    echo "ansible-test: ansible-core installed in $((SECONDS - started)) s"
}
if [[ ${1:-} == --prepare ]]; then
    ensure_venv
    exit
fi
binary=${1:?usage: ansible-test.sh EAPOLCTL_BINARY TESTBED_ENV_FILE}
env_file=${2:?usage: ansible-test.sh EAPOLCTL_BINARY TESTBED_ENV_FILE}
[[ -x $binary ]] || { echo "ansible-test: no eapolctl binary at $binary" >&2; exit 1; }
[[ -r $env_file ]] || { echo "ansible-test: no testbed environment at $env_file (scripts/testbed up)" >&2; exit 1; }
# shellcheck disable=SC1090
source "$env_file"
ensure_venv

work=$(mktemp -d /tmp/eapolctl-ansible-test.XXXXXX)
chmod 0700 "$work"
cleanup() {
    # The port is released by the last playbook; this is for a run that stopped early.
    ip netns exec "$TESTBED_NS_SUPP" env DBUS_SYSTEM_BUS_ADDRESS="$DBUS_SYSTEM_BUS_ADDRESS" \
        EAPOLCTL_STATE_DIR="$work/state" EAPOLCTL_KEY_FILE="$work/keys/store.key" \
        "$binary" auth stop --interface "$TESTBED_IF_SUPP" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

# The modules find eapolctl on the PATH, as on a managed host.
mkdir "$work/bin"
ln -s "$(realpath "$binary")" "$work/bin/eapolctl"

# The testbed's values, for the playbooks, in a 0600 file (passwords never in argv).
wrong_pass="ansible-wrong-$RANDOM$RANDOM"
"$root/scripts/testbed-eap-config" "$env_file" >"$work/testbed.eap-config"
# A JSON profile file, as a provisioning system would hand one over.
cp "$root/Profiles/corporate-peap.json" "$work/profile.json"
# write_vars FILE: the tb_* variables of its environment as a JSON object in a new 0600 FILE. The values come as
# assignments before the call (the environment: neither pasted into Python source nor in any argv), so any
# character in a password is safe.
write_vars() {
    python3 -c '
import json, os, sys
values = dict((k, v) for k, v in os.environ.items() if k.startswith("tb_"))
fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
with os.fdopen(fd, "w") as out:
    json.dump(values, out)
' "$1"
}
tb_iface="$TESTBED_IF_SUPP" tb_ca="$TESTBED_CA" tb_server_name="$TESTBED_SERVER_NAME" \
    tb_anon_identity="$TESTBED_ANON_IDENTITY" tb_peap_user="$TESTBED_PEAP_USER" tb_peap_pass="$TESTBED_PEAP_PASS" \
    tb_tls_user="$TESTBED_TLS_USER" tb_client_cert="$TESTBED_CLIENT_CERT" tb_client_key="$TESTBED_CLIENT_KEY" \
    tb_client_p12="$TESTBED_CLIENT_P12" tb_client_p12_pass="$TESTBED_CLIENT_P12_PASS" \
    tb_eap_config="$work/testbed.eap-config" tb_json_profile="$work/profile.json" tb_wrong_pass="$wrong_pass" \
    write_vars "$work/vars.json"
# The other password of step 4, as a file too (-e name=value would put it in ansible-playbook's argv).
tb_peap_pass="$wrong_pass" write_vars "$work/other-password.json"

# ansible-playbook in the supplicant namespace, -c local, with eapolctl on the testbed's bus.
play() {
    local log=$1
    shift
    ip netns exec "$TESTBED_NS_SUPP" env -i PATH="$work/bin:/usr/sbin:/usr/bin:/sbin:/bin" HOME="$work" \
        LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1 DBUS_SYSTEM_BUS_ADDRESS="$DBUS_SYSTEM_BUS_ADDRESS" EAPOLCTL_STATE_DIR="$work/state" \
        EAPOLCTL_KEY_FILE="$work/keys/store.key" EAPOLCTL_NO_SYSTEMD=1 \
        ANSIBLE_COLLECTIONS_PATH="$root/scripts/ansible" ANSIBLE_LOCAL_TEMP="$work/ansible-tmp" \
        ANSIBLE_REMOTE_TEMP="$work/ansible-tmp" ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=0 \
        ANSIBLE_PYTHON_INTERPRETER="$venv/bin/python" ANSIBLE_LOG_PATH="$work/$log.ansible.log" \
        "$venv/bin/ansible-playbook" -i localhost, -c local -e "@$work/vars.json" "$@" >"$work/$log.out" 2>&1
}

# The PLAY RECAP's value of FIELD (changed, failed, ok) in a run's output.
recap() { sed -n "s/^localhost *:.* $2=\([0-9]*\).*/\1/p" "$work/$1.out" | tail -1; }

fail() {
    echo "ansible-test: FAILED: $*" >&2
    for f in "$work"/*.out; do echo "----- $(basename "$f")" >&2; tail -60 "$f" >&2; done
    exit 1
}

# The state the runs work on must start empty: check mode then proves it stays so.
expect_run() {
    local name=$1 want_changed=$2 want_failed=$3
    shift 3
    local started=$SECONDS rc=0
    play "$name" "$@" || rc=$?
    local changed failed
    changed=$(recap "$name" changed) failed=$(recap "$name" failed)
    echo "ansible-test: $name: changed=$changed failed=$failed (exit $rc, $((SECONDS - started)) s)"
    [[ $failed == "$want_failed" ]] || fail "$name: failed=$failed, expected $want_failed"
    [[ $changed == "$want_changed" ]] || fail "$name: changed=$changed, expected $want_changed"
}

eapolctl_ns() {
    ip netns exec "$TESTBED_NS_SUPP" env DBUS_SYSTEM_BUS_ADDRESS="$DBUS_SYSTEM_BUS_ADDRESS" \
        EAPOLCTL_STATE_DIR="$work/state" EAPOLCTL_KEY_FILE="$work/keys/store.key" "$binary" "$@"
}

playbooks=$root/scripts/ansible/tests
tasks=9   # the tasks of site.yml that change something (all but the assert)

# 1. Check mode on an empty state: every task would change, nothing is written.
expect_run check-empty "$tasks" 0 --check --diff "$playbooks/site.yml"
[[ ! -e $work/state/profiles && ! -e $work/state/store ]] \
    || { ls -lR "$work/state" >&2; fail "check mode wrote state"; }
listed=$(eapolctl_ns profile list --json)
[[ $listed == *'"profiles":[]'* ]] || fail "check mode left profiles: $listed"

# 2. For real: every task changes. 3. Again: none does.
expect_run first "$tasks" 0 "$playbooks/site.yml"
expect_run second 0 0 "$playbooks/site.yml"

# 4. Check mode with another password (credential and onboard tasks): reported as changes, nothing written (the stored one still matches).
expect_run check-password 2 0 --check --tags password -e "@$work/other-password.json" "$playbooks/site.yml"
printf '%s' "$TESTBED_PEAP_PASS" | eapolctl_ns password check --profile "Ansible PEAP" --password - >/dev/null \
    || fail "check mode changed the stored password"

# 5. A wrong password: the auth task fails with eap.credentials-rejected (801), asserted inside the playbook; -vvv.
#    (The failed attempt leaves no network behind, so the final `state: stopped` task changes nothing.)
expect_run wrong-password 2 0 -vvv "$playbooks/wrong-password.yml"
grep -q '"name": "credentials-rejected"' "$work/wrong-password.out" \
    || fail "the eap error's name is not in the task result"

[[ -s $work/wrong-password.ansible.log ]] && grep -q 'ESTABLISH LOCAL CONNECTION' "$work/wrong-password.ansible.log" \
    || fail "no -vvv log was written (ANSIBLE_LOG_PATH)"

# 6. state: absent, for a profile, an identity and the boot-time profile. Check mode with --diff: three changes
#    reported with their before/after, nothing removed; for real: three changes; again: none.
expect_run absent-check 3 0 --check --diff "$playbooks/absent.yml"
grep -q '"name": "Ansible TLS"' "$work/absent-check.out" \
    || fail "check mode's diff does not show the profile it would remove"
grep -q -- '--- before' "$work/absent-check.out" || fail "no diff printed in check mode (--diff)"
[[ $(eapolctl_ns profile list --json) == *'"Ansible TLS"'* ]] || fail "check mode removed the EAP-TLS profile"
expect_run absent 3 0 "$playbooks/absent.yml"
[[ $(eapolctl_ns profile list --json) != *'"Ansible TLS"'* ]] || fail "state: absent left the EAP-TLS profile"
[[ $(eapolctl_ns identity get --ssid ansible-lab --json 2>&1 || true) == *'"item-not-found"'* ]] \
    || fail "state: absent left the SSID's identity"
[[ $(eapolctl_ns getSystemInterfaces --json) != *"\"$TESTBED_IF_SUPP\""* ]] || fail "state: absent left the boot-time profile"
expect_run absent-again 0 0 "$playbooks/absent.yml"

# 7. No password in any output or log, -vvv included (the same grep finds each in the vars file: it would see one).
for secret in "$TESTBED_PEAP_PASS" "$wrong_pass" "$TESTBED_CLIENT_P12_PASS"; do
    grep -qF -- "$secret" "$work/vars.json" || fail "the secret grep does not work"
    if grep -rlF -- "$secret" "$work"/*.out "$work"/*.ansible.log; then
        fail "a password appears in the ansible output or log (files above)"
    fi
done
echo "ansible-test: passed (check mode, first run, idempotent second run, check mode with a change, wrong password, absent with check mode and diff, no secret in output)"
