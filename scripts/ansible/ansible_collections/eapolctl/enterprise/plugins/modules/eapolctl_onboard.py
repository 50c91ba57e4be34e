#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: eapolctl_onboard
short_description: Onboard from a provider's file (eap-config, mobileconfig, eapolcfg plist, eapolctl JSON)
description:
  - Runs C(eapolctl onboard FILE --json), which saves the file's profiles (replacing earlier onboarding of the same
    networks) and stores the password. The password goes on standard input (C(--password-stdin)).
  - C(onboard) rewrites what it onboards on every run, so I(changed) is decided first, without touching the real
    state; the file is onboarded into a private scratch state directory (with a placeholder password, never the
    real one) to learn the profiles' IDs and final user name; each is compared with C(profile show ID --json), and
    the real password with C(password check --profile ID). Only when something differs does the real C(onboard)
    run. In check mode it never runs.
options:
  src:
    description: The provider's file on the managed host.
    type: path
    required: true
  interface:
    description: Interface to bind wired profiles to.
    type: str
  username:
    description: The user name (the provider's realm is appended when missing).
    type: str
  password:
    description: The password. Never logged; given to eapolctl on stdin.
    type: str
  pkcs12_passphrase:
    description: >-
      The passphrase of a client certificate inside the file. Never logged; given on stdin. A certificate inside
      the file is not compared: with one, I(changed) follows the profiles only.
    type: str
  format:
    description: Force the file format.
    type: str
extends_documentation_fragment:
  - eapolctl.enterprise.common
'''

EXAMPLES = r'''
- name: eduroam for alice
  eapolctl.enterprise.eapolctl_onboard:
    src: /etc/eapolctl/eduroam.eap-config
    username: alice
    password: "{{ vault_eduroam_password }}"
'''

RETURN = r'''
profiles:
  description: The onboarded profiles (id, name, network, method, status, storedPassword, ...) as onboard prints them.
  returned: always
  type: list
differences:
  description: Why the task changed, per profile ID (C(profile-missing), C(profile-differs), C(password-differs)).
  returned: always
  type: dict
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.eapolctl.enterprise.plugins.module_utils.eapolctl import (
    MISMATCH_STATUS, Eapolctl, EapolctlError, common_argument_spec, no_stored_item, normalized_profile, show_profile)

# A placeholder for the scratch run: it lets onboard build the final user name without the real password.
PLACEHOLDER = b'placeholder-not-a-secret'


def onboard_args(p):
    args = ['onboard', p['src']]
    for option, key in (('--interface', 'interface'), ('--username', 'username'), ('--format', 'format')):
        if p[key] is not None:
            args += [option, p[key]]
    if p['password'] is not None:
        args.append('--password-stdin')
    if p['pkcs12_passphrase'] is not None:
        args.append('--pkcs12-passphrase-stdin')
    return args


def stdin_secret(p):
    """What onboard reads on standard input: the password or the PKCS#12 passphrase (never both), or None."""
    secret = p['password'] if p['password'] is not None else p['pkcs12_passphrase']
    return secret.encode('utf-8') if secret is not None else None


def main():
    spec = common_argument_spec()
    spec.update(
        src=dict(type='path', required=True),
        interface=dict(type='str'),
        username=dict(type='str'),
        password=dict(type='str', no_log=True),
        pkcs12_passphrase=dict(type='str', no_log=True),
        format=dict(type='str'),
    )
    module = AnsibleModule(argument_spec=spec, supports_check_mode=True,
                           mutually_exclusive=[('password', 'pkcs12_passphrase')])
    p = module.params
    if p['password'] == '':
        # An empty value would open no pipe: eapolctl would read the module's own stdin instead.
        module.fail_json(msg='password is empty; eapolctl stores no empty password')
    cli = Eapolctl(module)
    has_password = p['password'] is not None
    differences = {}
    try:
        with cli.scratch() as scratch:
            data = PLACEHOLDER if has_password else stdin_secret(p)
            entries = scratch.result(onboard_args(p), data=data).get('profiles', [])
            for entry in entries:
                ident = entry['id']
                current = show_profile(cli, ident)
                if current is None:
                    differences[ident] = 'profile-missing'
                    continue
                desired = scratch.result(['profile', 'show', ident]).get('profile')
                if normalized_profile(current) != normalized_profile(desired):
                    differences[ident] = 'profile-differs'
                    continue
                if has_password and entry.get('storedPassword'):
                    username = scratch.result(['password', 'get', '--profile', ident]).get('item', {}).get('username')
                    try:
                        rc, objects, _ = cli.run(['password', 'check', '--profile', ident, '--password', '-'],
                                                 data=p['password'].encode('utf-8'), ok=(0, MISMATCH_STATUS))
                        if rc != 0 or objects[-1].get('username') != username:
                            differences[ident] = 'password-differs'
                    except EapolctlError as exc:
                        if not no_stored_item(exc):
                            raise
                        differences[ident] = 'password-differs'
        result = dict(changed=bool(differences), differences=differences, profiles=entries)
        if differences and not module.check_mode:
            report = cli.result(onboard_args(p), data=stdin_secret(p))
            result['profiles'] = report.get('profiles', [])
        module.exit_json(**result)
    except EapolctlError as exc:
        cli.fail(exc)


if __name__ == '__main__':
    main()
