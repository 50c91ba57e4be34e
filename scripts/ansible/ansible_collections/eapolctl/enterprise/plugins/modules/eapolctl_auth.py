#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: eapolctl_auth
short_description: An interface authenticated with an 802.1X profile (and with an address)
description:
  - Reads C(eapolctl auth state --interface IF --json) first; when wpa_supplicant already reports C(completed) with
    the same profile (and, unless I(dhcp=none), the interface has an IPv4 address), nothing is done.
  - Otherwise runs C(eapolctl auth start --interface IF --profile P --dhcp D --json), which waits for the outcome
    and runs DHCP. A failed authentication fails the task with eapolctl's error (e.g. C(eap) C(credentials-rejected), 801).
  - I(state=stopped) runs C(eapolctl auth stop) when the interface has a network of eapolctl's.
options:
  interface:
    description: The network interface.
    type: str
    required: true
  profile:
    description: The profile (ID or name) to authenticate with (I(state=authenticated)).
    type: str
  dhcp:
    description: >-
      DHCP after authentication: C(builtin) (eapolctl's own client), C(none), or an eapolctl backend name
      (C(dhclient), C(dhcpcd), C(udhcpc), C(networkmanager), C(auto)).
    type: str
    default: builtin
  timeout:
    description: Seconds to wait for authentication.
    type: int
    default: 30
  driver:
    description: The interface driver (C(wired), C(nl80211)); default, eapolctl detects it.
    type: str
  state:
    description: Authenticated, or stopped.
    type: str
    choices: [authenticated, stopped]
    default: authenticated
extends_documentation_fragment:
  - eapolctl.enterprise.common
'''

EXAMPLES = r'''
- name: eth0 on the 802.1X port
  eapolctl.enterprise.eapolctl_auth:
    interface: eth0
    profile: Corp
    dhcp: builtin
  register: auth
- ansible.builtin.debug:
    var: ansible_facts.eapolctl_auth.address
'''

RETURN = r'''
state:
  description: C(auth state)'s object (interface, supplicantState, authMode, profile, network).
  returned: always
  type: dict
result:
  description: C(auth start)'s result object (status, profile, serverCertificate, elapsedMs, dhcp, ...) when it ran.
  returned: when changed
  type: dict
address:
  description: The interface's IPv4 addresses (CIDR).
  returned: always
  type: list
ansible_facts:
  description: C(eapolctl_auth) with I(state), I(result) and I(address).
  returned: always
  type: dict
'''

import json

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.eapolctl.enterprise.plugins.module_utils.eapolctl import (
    Eapolctl, EapolctlError, common_argument_spec, is_not_found)


def addresses(module, interface):
    """The interface's IPv4 addresses, as CIDR strings (ip -j)."""
    ip = module.get_bin_path('ip', required=True)
    rc, out, err = module.run_command([ip, '-j', '-4', 'addr', 'show', 'dev', interface], check_rc=False)
    if rc != 0:
        return []
    found = []
    for link in json.loads(out or '[]'):
        for info in link.get('addr_info', []):
            if info.get('family') == 'inet':
                found.append('%s/%s' % (info.get('local'), info.get('prefixlen')))
    return found


def main():
    spec = common_argument_spec()
    spec.update(
        interface=dict(type='str', required=True),
        profile=dict(type='str'),
        dhcp=dict(type='str', default='builtin'),
        timeout=dict(type='int', default=30),
        driver=dict(type='str'),
        state=dict(type='str', choices=['authenticated', 'stopped'], default='authenticated'),
    )
    module = AnsibleModule(argument_spec=spec, supports_check_mode=True,
                           required_if=[('state', 'authenticated', ('profile',))])
    p = module.params
    cli = Eapolctl(module)
    interface = p['interface']
    try:
        state = cli.result(['auth', 'state', '--interface', interface]).get('state', {})
        current = state.get('profile') or {}
        result = dict(changed=False, state=state)
        if p['state'] == 'stopped':
            if current:
                result['changed'] = True
                if not module.check_mode:
                    result['stopped'] = cli.result(['auth', 'stop', '--interface', interface]).get('stopped')
                    result['state'] = cli.result(['auth', 'state', '--interface', interface]).get('state', {})
            module.exit_json(**result)
        try:
            wanted = cli.result(['profile', 'show', p['profile']]).get('profile', {})
        except EapolctlError as exc:
            # In check mode the profile may be one an earlier task would create.
            if not (module.check_mode and is_not_found(exc, 'profile')):
                raise
            result['changed'] = True
            module.exit_json(**result)
        have = addresses(module, interface)
        same = (state.get('supplicantState') == 'completed' and current.get('id') == wanted.get('id')
                and (p['dhcp'] == 'none' or bool(have)))
        if not same:
            result['changed'] = True
            if not module.check_mode:
                args = ['auth', 'start', '--interface', interface, '--profile', wanted.get('id', p['profile']),
                        '--dhcp', p['dhcp'], '--timeout', str(p['timeout'])]
                if p['driver']:
                    args += ['--driver', p['driver']]
                _, objects, _ = cli.run(args)
                final = [o for o in objects if isinstance(o, dict) and 'result' in o]
                result['result'] = final[-1]['result'] if final else (objects[-1] if objects else {})
                result['state'] = cli.result(['auth', 'state', '--interface', interface]).get('state', {})
                have = addresses(module, interface)
        result['address'] = have
        result['ansible_facts'] = dict(eapolctl_auth=dict(state=result['state'], result=result.get('result'),
                                                          address=have))
        module.exit_json(**result)
    except EapolctlError as exc:
        cli.fail(exc)


if __name__ == '__main__':
    main()
