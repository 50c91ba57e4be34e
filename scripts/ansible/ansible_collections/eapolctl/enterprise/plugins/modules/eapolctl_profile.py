#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: eapolctl_profile
short_description: An 802.1X profile of eapolctl, from fields or from a file
description:
  - From fields, the desired profile is made by C(eapolctl profile create) in a private scratch state directory (so
    eapolctl's own validation and defaults apply), and compared with C(eapolctl profile show NAME --json) without
    its ID and timestamps. When they differ, the scratch profile is exported as JSON and imported with
    C(profile import --replace) under the existing profile's ID, so the profile's stored credentials stay.
  - From a file (eapolctl JSON, eap-config, mobileconfig, eapolcfg plist), C(profile import FILE --replace) runs and
    its per-profile status (C(created), C(replaced), C(unchanged)) decides I(changed); in check mode the file is
    imported into a scratch directory and compared.
  - I(state=absent) runs C(profile remove), which also removes the profile's secrets.
options:
  name:
    description: The profile's name (its ID works too for I(state=absent)). Required with fields.
    type: str
  src:
    description: A profile file on the managed host, imported with C(profile import).
    type: path
  format:
    description: Force the file's format (C(json), C(eapolcfg), C(mobileconfig), C(eap-config)).
    type: str
  ssid:
    description: Wi-Fi SSID (omit for a wired profile).
    type: str
  security:
    description: C(wpa2), C(wpa3), C(wpa3-192), C(wpa2-wpa3).
    type: str
  interface:
    description: Restrict a wired profile to this interface.
    type: str
  method:
    description: Outer EAP method (C(peap), C(ttls), C(tls), C(fast)). Required with fields.
    type: str
  inner:
    description: Inner method (C(mschapv2), C(gtc), C(pap), ...).
    type: str
  username:
    description: User name (inner identity).
    type: str
  outer_identity:
    description: Outer (anonymous) identity.
    type: str
  ca_certs:
    description: Trusted CA certificate files (PEM or DER) on the managed host; their content is embedded.
    type: list
    elements: path
  system_cas:
    description: Trust the system CA bundle.
    type: bool
    default: false
  pins:
    description: SHA-256 fingerprints the server certificate must have.
    type: list
    elements: str
  server_names:
    description: Server names the certificate must carry.
    type: list
    elements: str
  tls_min:
    description: Lowest TLS version.
    type: str
  tls_max:
    description: Highest TLS version.
    type: str
  extra_args:
    description: Further C(eapolctl profile create) options, verbatim (e.g. C([--passpoint, --realm, example.edu])).
    type: list
    elements: str
    default: []
  state:
    description: Whether the profile exists.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - eapolctl.enterprise.common
'''

EXAMPLES = r'''
- name: Corp PEAP on the wired port
  eapolctl.enterprise.eapolctl_profile:
    name: Corp
    method: peap
    inner: mschapv2
    username: alice
    ca_certs: [/etc/eapolctl/corp-ca.pem]
    server_names: [radius.example.org]

- name: eduroam from the institution's file
  eapolctl.enterprise.eapolctl_profile:
    src: /etc/eapolctl/eduroam.eap-config
'''

RETURN = r'''
profile:
  description: The profile as C(profile show --json) prints it (fields mode; in check mode, the desired one).
  returned: state=present, fields
  type: dict
profiles:
  description: C(profile import)'s entries (id, name, network, method, status, ...).
  returned: state=present, src
  type: list
removed:
  description: What C(profile remove) removed.
  returned: state=absent and changed
  type: dict
'''

import json
import os
import tempfile

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.eapolctl.enterprise.plugins.module_utils.eapolctl import (
    Eapolctl, EapolctlError, common_argument_spec, exit_with, normalized_profile, show_profile)


def create_args(p):
    args = ['profile', 'create', '--name', p['name'], '--method', p['method']]
    for option, key in (('--ssid', 'ssid'), ('--security', 'security'), ('--interface', 'interface'),
                        ('--inner', 'inner'), ('--username', 'username'), ('--outer-identity', 'outer_identity'),
                        ('--tls-min', 'tls_min'), ('--tls-max', 'tls_max')):
        if p[key] is not None:
            args += [option, p[key]]
    for option, key in (('--ca-cert', 'ca_certs'), ('--pin', 'pins'), ('--server-name', 'server_names')):
        for value in p[key] or []:
            args += [option, value]
    if p['system_cas']:
        args.append('--system-cas')
    return args + list(p['extra_args'])


def present_fields(cli, module):
    p = module.params
    current = show_profile(cli, p['name'])
    with cli.scratch() as scratch:
        created = scratch.result(create_args(p))
        scratch_id = (created.get('profile') or {}).get('id') or p['name']
        desired = scratch.result(['profile', 'show', scratch_id]).get('profile')
        result = dict(changed=False, profile=current)
        if current is not None and normalized_profile(current) == normalized_profile(desired):
            return result
        result['changed'] = True
        result['diff'] = dict(before=normalized_profile(current) if current else {},
                              after=normalized_profile(desired))
        result['profile'] = desired
        if module.check_mode:
            return result
        # The scratch profile, exported, carries the existing ID: the stored credentials keyed by it stay.
        _, objects, _ = scratch.run(['profile', 'export', scratch_id, '--format', 'json'])
        document = objects[-1] if objects else {}
        exported = json.loads(document['content']) if isinstance(document.get('content'), str) else document
        if current is not None:
            exported['id'] = current['id']
        handle, path = tempfile.mkstemp(prefix='profile-', suffix='.json', dir=os.path.dirname(scratch.state_dir))
        with os.fdopen(handle, 'w') as out:
            json.dump(exported, out)
        cli.result(['profile', 'import', path, '--format', 'json', '--replace'])
        result['profile'] = show_profile(cli, current['id'] if current else p['name'])
    return result


def present_file(cli, module):
    p = module.params
    import_args = ['profile', 'import', p['src'], '--replace']
    if p['format']:
        import_args += ['--format', p['format']]
    if module.check_mode:
        with cli.scratch() as scratch:
            entries = scratch.result(import_args).get('profiles', [])
            changed = False
            for entry in entries:
                current = show_profile(cli, entry['id'])
                desired = scratch.result(['profile', 'show', entry['id']]).get('profile')
                if current is None or normalized_profile(current) != normalized_profile(desired):
                    changed = True
            return dict(changed=changed, profiles=entries)
    report = cli.result(import_args)
    entries = report.get('profiles', [])
    changed = any(entry.get('status') != 'unchanged' for entry in entries)
    return dict(changed=changed, profiles=entries, format=report.get('format'))


def absent(cli, module):
    reference = module.params['name']
    current = show_profile(cli, reference)
    if current is None:
        return dict(changed=False)
    result = dict(changed=True, diff=dict(before=normalized_profile(current), after={}))
    if not module.check_mode:
        result['removed'] = cli.result(['profile', 'remove', current['id']])
    return result


def main():
    spec = common_argument_spec()
    spec.update(
        name=dict(type='str'),
        src=dict(type='path'),
        format=dict(type='str'),
        ssid=dict(type='str'),
        security=dict(type='str'),
        interface=dict(type='str'),
        method=dict(type='str'),
        inner=dict(type='str'),
        username=dict(type='str'),
        outer_identity=dict(type='str'),
        ca_certs=dict(type='list', elements='path'),
        system_cas=dict(type='bool', default=False),
        pins=dict(type='list', elements='str'),
        server_names=dict(type='list', elements='str'),
        tls_min=dict(type='str'),
        tls_max=dict(type='str'),
        extra_args=dict(type='list', elements='str', default=[]),
        state=dict(type='str', choices=['present', 'absent'], default='present'),
    )
    module = AnsibleModule(argument_spec=spec, supports_check_mode=True,
                           required_if=[('state', 'absent', ('name',))],
                           mutually_exclusive=[('src', 'method')])
    p = module.params
    cli = Eapolctl(module)
    try:
        if p['state'] == 'absent':
            result = absent(cli, module)
        elif p['src']:
            result = present_file(cli, module)
        else:
            if not p['name'] or not p['method']:
                module.fail_json(msg='a profile from fields needs name and method (or give src)')
            result = present_fields(cli, module)
    except EapolctlError as exc:
        cli.fail(exc)
    exit_with(module, result)


if __name__ == '__main__':
    main()
