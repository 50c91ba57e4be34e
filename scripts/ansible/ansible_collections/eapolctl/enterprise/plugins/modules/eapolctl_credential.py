#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: eapolctl_credential
short_description: A profile's password or client identity in eapolctl's encrypted store
description:
  - Stores (or removes) the password item or the EAP-TLS client identity of a profile, an SSID, or the default item.
  - Idempotent without reading a secret back; C(eapolctl password check) compares the stored password with the one
    given (constant time, over standard input); C(eapolctl identity check) compares the certificate's SHA-256
    fingerprint (PEM) or the bundle's bytes and passphrase (PKCS#12).
options:
  profile:
    description: The profile (ID or name) whose item this is. Exactly one of I(profile), I(ssid), I(default).
    type: str
  ssid:
    description: The SSID whose item this is.
    type: str
  default:
    description: The default item (used when neither the profile nor the SSID has one).
    type: bool
    default: false
  type:
    description: Which credential.
    type: str
    choices: [password, identity]
    default: password
  username:
    description: The user name of a password item (default on creation, the profile's).
    type: str
  password:
    description: The password (I(type=password), I(state=present)). Never logged; given to eapolctl on stdin.
    type: str
  certificate:
    description: PEM client certificate file on the managed host (I(type=identity), with I(private_key)).
    type: path
  private_key:
    description: PEM private key file (with I(certificate)).
    type: path
  pkcs12:
    description: PKCS#12 bundle file on the managed host (I(type=identity)).
    type: path
  passphrase:
    description: Passphrase of the PKCS#12 bundle or of the PEM key. Never logged; given on stdin.
    type: str
  state:
    description: Whether the item is stored or absent.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - eapolctl.enterprise.common
'''

EXAMPLES = r'''
- name: Corp's password
  eapolctl.enterprise.eapolctl_credential:
    profile: Corp
    username: alice
    password: "{{ vault_corp_password }}"

- name: Lab's client identity
  eapolctl.enterprise.eapolctl_credential:
    profile: Lab
    type: identity
    pkcs12: /etc/eapolctl/lab.p12
    passphrase: "{{ vault_p12_passphrase }}"
'''

RETURN = r'''
key:
  description: The store item's key as eapolctl prints it (kind, profileID, ssid).
  returned: success
  type: dict
username:
  description: The password item's user name.
  returned: type=password, state=present
  type: str
fingerprint:
  description: The stored PEM certificate's SHA-256 fingerprint.
  returned: type=identity, PEM identity
  type: str
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.eapolctl.enterprise.plugins.module_utils.eapolctl import (
    MISMATCH_STATUS, Eapolctl, EapolctlError, common_argument_spec, exit_with, is_not_found, no_stored_item,
    pem_fingerprint, profile_selection)


def missing_in_store(exc, module):
    """No such item, or no store yet; in check mode also no such profile (an earlier task would create it)."""
    return no_stored_item(exc) or (module.check_mode and is_not_found(exc, 'profile'))


def password_present(cli, module, selection):
    p = module.params
    secret = p['password'].encode('utf-8')
    result = dict(changed=False)
    try:
        rc, objects, _ = cli.run(['password', 'check'] + selection + ['--password', '-'], data=secret,
                                 ok=(0, MISMATCH_STATUS))
        check = objects[-1]
        result.update(key=check.get('key'), username=check.get('username'))
        same = rc == 0 and (p['username'] is None or p['username'] == check.get('username'))
        before = dict(stored=True, username=check.get('username'), password_matches=rc == 0)
    except EapolctlError as exc:
        if not missing_in_store(exc, module):
            raise
        same = False
        before = dict(stored=False)
    if same:
        return result
    result['changed'] = True
    result['diff'] = dict(before=before, after=dict(stored=True, username=p['username'] or before.get('username'),
                                                    password_matches=True))
    if module.check_mode:
        return result
    args = ['password', 'set'] + selection + ['--password', '-']
    if p['username']:
        args += ['--username', p['username']]
    saved = cli.result(args, data=secret).get('saved', {})
    result.update(key=saved.get('key'), username=saved.get('username'))
    return result


def identity_present(cli, module, selection):
    p = module.params
    passphrase = p['passphrase'].encode('utf-8') if p['passphrase'] is not None else None
    if p['pkcs12']:
        check_args = ['identity', 'check'] + selection + ['--pkcs12', p['pkcs12']]
        if passphrase is not None:
            check_args.append('--passphrase-stdin')
        set_args = ['identity', 'set'] + selection + ['--pkcs12', p['pkcs12']]
    else:
        try:
            fingerprint = pem_fingerprint(p['certificate'])
        except (IOError, OSError) as exc:
            module.fail_json(msg='cannot read the certificate %s: %s' % (p['certificate'], exc))
        if fingerprint is None:
            module.fail_json(msg='%s holds no PEM certificate' % p['certificate'])
        check_args = ['identity', 'check'] + selection + ['--fingerprint', fingerprint]
        set_args = ['identity', 'set'] + selection + ['--certificate', p['certificate'],
                                                      '--private-key', p['private_key']]
    if passphrase is not None:
        set_args.append('--passphrase-stdin')
    result = dict(changed=False)
    try:
        rc, objects, _ = cli.run(check_args, data=passphrase if p['pkcs12'] else None, ok=(0, MISMATCH_STATUS))
        check = objects[-1]
        result.update(key=check.get('key'), fingerprint=check.get('fingerprint'))
        if rc == 0:
            return result
        before = dict(stored=True, kind=check.get('kind'), fingerprint=check.get('fingerprint'))
    except EapolctlError as exc:
        # A stored identity of the other kind cannot be compared: it is replaced.
        if not (missing_in_store(exc, module) or exc.error.get('name') == 'invalid-argument'):
            raise
        before = dict(stored=exc.error.get('name') == 'invalid-argument')
    result['changed'] = True
    result['diff'] = dict(before=before, after=dict(stored=True, kind='pkcs12' if p['pkcs12'] else 'pem'))
    if module.check_mode:
        return result
    saved = cli.result(set_args, data=passphrase).get('saved', {})
    result['key'] = saved.get('key')
    if saved.get('certificate'):
        result['fingerprint'] = saved['certificate'].get('sha256Fingerprint')
    return result


def absent(cli, module, selection):
    kind = module.params['type']
    get_args = ['password', 'get'] if kind == 'password' else ['identity', 'get']
    try:
        cli.run(get_args + selection)
    except EapolctlError as exc:
        if is_not_found(exc) or exc.error.get('name') == 'not-initialized':
            return dict(changed=False)
        raise
    result = dict(changed=True, diff=dict(before=dict(stored=True), after=dict(stored=False)))
    if not module.check_mode:
        remove = ['password', 'remove'] if kind == 'password' else ['identity', 'clear']
        result['key'] = cli.result(remove + selection).get('removed')
    return result


def main():
    spec = common_argument_spec()
    spec.update(
        profile=dict(type='str'),
        ssid=dict(type='str'),
        default=dict(type='bool', default=False),
        type=dict(type='str', choices=['password', 'identity'], default='password'),
        username=dict(type='str'),
        password=dict(type='str', no_log=True),
        certificate=dict(type='path'),
        private_key=dict(type='path', no_log=False),
        pkcs12=dict(type='path'),
        passphrase=dict(type='str', no_log=True),
        state=dict(type='str', choices=['present', 'absent'], default='present'),
    )
    module = AnsibleModule(
        argument_spec=spec,
        supports_check_mode=True,
        required_together=[('certificate', 'private_key')],
        mutually_exclusive=[('profile', 'ssid'), ('pkcs12', 'certificate'), ('password', 'pkcs12'),
                            ('password', 'certificate')],
    )
    p = module.params
    if sum(1 for x in (p['profile'], p['ssid'], p['default'] or None) if x) != 1:
        module.fail_json(msg='give exactly one of profile, ssid, default=true')
    if p['state'] == 'present':
        if p['type'] == 'password' and p['password'] is None:
            module.fail_json(msg='type=password, state=present needs password')
        if p['type'] == 'password' and p['password'] == '':
            # An empty value would open no pipe: eapolctl would read the module's own stdin instead.
            module.fail_json(msg='password is empty; eapolctl stores no empty password')
        if p['type'] == 'identity' and not (p['pkcs12'] or p['certificate']):
            module.fail_json(msg='type=identity, state=present needs pkcs12, or certificate and private_key')
    cli = Eapolctl(module)
    selection = profile_selection(p)
    try:
        if p['state'] == 'absent':
            result = absent(cli, module, selection)
        elif p['type'] == 'password':
            result = password_present(cli, module, selection)
        else:
            result = identity_present(cli, module, selection)
    except EapolctlError as exc:
        cli.fail(exc)
    exit_with(module, result)


if __name__ == '__main__':
    main()
