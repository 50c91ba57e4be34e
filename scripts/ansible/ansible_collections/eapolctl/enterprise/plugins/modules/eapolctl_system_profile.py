#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: eapolctl_system_profile
short_description: The profile an interface authenticates with at boot
description:
  - eapolcfg's C(setSystemProfile) / C(clearSystemProfile) as eapolctl implements them
    (C(STATE/system/interfaces/IF.json) and C(eapolctl-watch@IF.service)).
  - Reads C(eapolctl getSystemInterfaces --json) first, so a second run is unchanged.
  - Where systemd does not run (or E(EAPOLCTL_NO_SYSTEMD) is set), eapolctl records the profile and returns the
    C(systemctl) command to run in I(service).
options:
  interface:
    description: The network interface.
    type: str
    required: true
  profile:
    description: The profile (ID or name) for I(state=present).
    type: str
  state:
    description: Whether the interface has this system profile, or none.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - eapolctl.enterprise.common
'''

EXAMPLES = r'''
- name: eth0 authenticates with Corp at boot
  eapolctl.enterprise.eapolctl_system_profile:
    interface: eth0
    profile: Corp
'''

RETURN = r'''
system_profile:
  description: The interface's entry (interface, profileID, profileName, setAt), or null when absent.
  returned: always
  type: dict
service:
  description: What eapolctl did with C(eapolctl-watch@IF.service) (action, unit, command, reason) when it changed.
  returned: when changed and not in check mode
  type: dict
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.eapolctl.enterprise.plugins.module_utils.eapolctl import (
    Eapolctl, EapolctlError, common_argument_spec, exit_with, is_not_found)


def entry_of(cli, interface):
    listed = cli.result(['getSystemInterfaces', '--details']).get('interfaces', [])
    for entry in listed:
        if entry.get('interface') == interface:
            return entry
    return None


def main():
    spec = common_argument_spec()
    spec.update(
        interface=dict(type='str', required=True),
        profile=dict(type='str'),
        state=dict(type='str', choices=['present', 'absent'], default='present'),
    )
    module = AnsibleModule(argument_spec=spec, supports_check_mode=True,
                           required_if=[('state', 'present', ('profile',))])
    p = module.params
    cli = Eapolctl(module)
    interface = p['interface']
    try:
        before = entry_of(cli, interface)
        result = dict(changed=False, system_profile=before)
        if p['state'] == 'present':
            try:
                wanted = cli.result(['profile', 'show', p['profile']]).get('profile', {})
            except EapolctlError as exc:
                # In check mode the profile may be one an earlier task would create.
                if not (module.check_mode and is_not_found(exc, 'profile')):
                    raise
                result['changed'] = True
                module.exit_json(**result)
            if before and before.get('profileID') == wanted.get('id'):
                module.exit_json(**result)
            result['changed'] = True
            result['diff'] = dict(before=dict(profileID=(before or {}).get('profileID')),
                                  after=dict(profileID=wanted.get('id')))
            if not module.check_mode:
                done = cli.result(['setSystemProfile', '--interface', interface, '--profileID', wanted['id']])
                result['system_profile'] = done.get('systemProfile')
                result['service'] = done.get('service')
        elif before:
            result['changed'] = True
            result['diff'] = dict(before=dict(profileID=before.get('profileID')), after=dict(profileID=None))
            if not module.check_mode:
                done = cli.result(['clearSystemProfile', '--interface', interface])
                result['system_profile'] = None
                result['service'] = done.get('service')
        exit_with(module, result)
    except EapolctlError as exc:
        cli.fail(exc)


if __name__ == '__main__':
    main()
