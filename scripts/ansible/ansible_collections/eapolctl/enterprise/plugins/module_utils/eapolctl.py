# -*- coding: utf-8 -*-
"""Runs eapolctl for the eapolctl.enterprise modules.

Every command runs with --json. A result is the JSON object on stdout (or the last of its JSON lines); a failure is
the {"error": {...}} line eapolctl writes on stderr, turned into fail_json(msg=..., error={domain, code, name, hint,
details}). Secrets are only ever passed as `data` (standard input), never in argv.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import hashlib
import json
import os
import re
import shutil
import tempfile

# eapolctl's exit status for "the checked credential differs" (password check, identity check): Docs/errors.md.
MISMATCH_STATUS = 1


def common_argument_spec():
    """The options every module shares (doc fragment eapolctl.enterprise.common)."""
    return dict(
        eapolctl_path=dict(type='path'),
        state_dir=dict(type='path'),
        key_file=dict(type='path', no_log=False),
    )


class EapolctlError(Exception):
    """A command that failed: eapolctl's structured error, or what stood in for it."""

    def __init__(self, rc, error, cmd, stdout, stderr):
        super(EapolctlError, self).__init__(error.get('message') or 'eapolctl failed')
        self.rc = rc
        self.error = error
        self.cmd = cmd
        self.stdout = stdout
        self.stderr = stderr


def parse_error(stderr):
    """eapolctl's {"error": {...}} from stderr (the last such line), or None."""
    for line in reversed((stderr or '').splitlines()):
        line = line.strip()
        if not line.startswith('{'):
            continue
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict) and isinstance(value.get('error'), dict):
            return value['error']
    return None


def parse_json_output(stdout):
    """The JSON objects eapolctl printed, one per line (results and progress events)."""
    objects = []
    for line in (stdout or '').splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            objects.append(json.loads(line))
        except ValueError:
            # A multi-line document: parse the whole output instead.
            return [json.loads(stdout)]
    return objects


def warnings_from(stderr):
    """eapolctl's {"warning": "..."} lines."""
    found = []
    for line in (stderr or '').splitlines():
        line = line.strip()
        if line.startswith('{"warning"'):
            try:
                found.append(json.loads(line)['warning'])
            except (ValueError, KeyError, TypeError):
                pass
    return found


class Eapolctl(object):
    """eapolctl on the managed host, configured from the common options."""

    def __init__(self, module, state_dir=None, key_file=None):
        self.module = module
        path = module.params.get('eapolctl_path')
        self.binary = path or module.get_bin_path('eapolctl', required=True)
        self.state_dir = state_dir if state_dir is not None else module.params.get('state_dir')
        self.key_file = key_file if key_file is not None else module.params.get('key_file')

    def scratch(self):
        """An eapolctl whose state directory and key file are in a fresh temporary directory (see Scratch)."""
        return Scratch(self)

    def _environment(self):
        env = {}
        if self.state_dir:
            env['EAPOLCTL_STATE_DIR'] = self.state_dir
        if self.key_file:
            env['EAPOLCTL_KEY_FILE'] = self.key_file
        return env

    def run(self, args, data=None, ok=(0,)):
        """Runs `eapolctl ARGS --json`; returns (rc, objects, stderr). `data` goes to standard input.

        Raises EapolctlError when the exit status is not in `ok`.
        """
        cmd = [self.binary] + list(args) + ['--json']
        rc, out, err = self.module.run_command(
            cmd, data=data, binary_data=True, environ_update=self._environment(), check_rc=False,
            # Arguments are passed as given: a "$" or "~" in a name or path is not expanded.
            expand_user_and_vars=False)
        for warning in warnings_from(err):
            self.module.warn('eapolctl: %s' % warning)
        if rc not in ok:
            error = parse_error(err)
            if error is None:
                error = dict(domain='unknown', code=0, name='no-structured-error',
                             message='eapolctl exited with status %d without a structured error' % rc,
                             hint='Run the command by hand to see its output.', details={})
            raise EapolctlError(rc, error, cmd, out, err)
        try:
            objects = parse_json_output(out)
        except ValueError:
            raise EapolctlError(rc, dict(domain='unknown', code=0, name='unparsable-output',
                                         message='eapolctl printed output that is not JSON',
                                         hint='Check that eapolctl_path names eapolctl.', details={}),
                                cmd, out, err)
        return rc, objects, err

    def result(self, args, data=None):
        """The single (last) JSON object of a command that must succeed."""
        _, objects, _ = self.run(args, data=data)
        return objects[-1] if objects else {}

    def fail(self, exc, **extra):
        """fail_json with eapolctl's structured error."""
        error = exc.error
        self.module.fail_json(
            msg=error.get('message', str(exc)), rc=exc.rc, cmd=' '.join(exc.cmd),
            error=dict(domain=error.get('domain'), code=error.get('code'), name=error.get('name'),
                       hint=error.get('hint'), details=error.get('details') or {}),
            **extra)


class Scratch(object):
    """A throwaway eapolctl state (profiles + store) in a private temporary directory, removed on exit.

    The modules render the desired profile with eapolctl itself there (so its validation and defaults apply), then
    compare it with the real one.
    """

    def __init__(self, real):
        self.real = real
        self.directory = None
        self.cli = None

    def __enter__(self):
        self.directory = tempfile.mkdtemp(prefix='eapolctl-ansible-')
        os.chmod(self.directory, 0o700)
        self.cli = Eapolctl(self.real.module, state_dir=os.path.join(self.directory, 'state'),
                            key_file=os.path.join(self.directory, 'keys', 'store.key'))
        self.cli.binary = self.real.binary
        return self.cli

    def __exit__(self, *exc):
        shutil.rmtree(self.directory, ignore_errors=True)
        return False


def is_not_found(exc, domain=None):
    """Whether a failure says the item or profile does not exist."""
    name = exc.error.get('name')
    if domain and exc.error.get('domain') != domain:
        return False
    return name in ('item-not-found', 'profile-not-found', 'no-system-profile')


def no_stored_item(exc):
    """Whether a failure says the store holds no such item, or there is no store yet."""
    return is_not_found(exc, 'store') or exc.error.get('name') == 'not-initialized'


def show_profile(cli, reference):
    """`profile show REF --json`'s profile, or None when there is none."""
    try:
        return cli.result(['profile', 'show', reference]).get('profile')
    except EapolctlError as exc:
        if is_not_found(exc, 'profile'):
            return None
        raise


def exit_with(module, result):
    """exit_json with RESULT; its `diff` only when the task runs with --diff."""
    if not module._diff:
        result.pop('diff', None)
    module.exit_json(**result)


# Profile fields that say when or by whom, not what: left out of comparisons.
VOLATILE_PROFILE_KEYS = ('id', 'createdAt', 'updatedAt', 'modifiedAt', 'trustHint', 'trustHints', 'problems')


def normalized_profile(shown):
    """A profile as `profile show --json` prints it, without identity and timestamps, for comparing."""
    profile = shown.get('profile', shown)
    if not isinstance(profile, dict):
        return profile
    return dict((k, v) for k, v in profile.items() if k not in VOLATILE_PROFILE_KEYS)


PEM_CERTIFICATE = re.compile(r'-----BEGIN CERTIFICATE-----\s*(.+?)\s*-----END CERTIFICATE-----', re.S)


def pem_fingerprint(path):
    """SHA-256 fingerprint (ab:cd:...) of the first certificate of a PEM file, as eapolctl prints it."""
    with open(path, 'rb') as handle:
        text = handle.read().decode('ascii', 'replace')
    match = PEM_CERTIFICATE.search(text)
    if not match:
        return None
    der = base64.b64decode(''.join(match.group(1).split()))
    digest = hashlib.sha256(der).hexdigest()
    return ':'.join(digest[i:i + 2] for i in range(0, len(digest), 2))


def profile_selection(params):
    """The CredentialSelection options (--profile P | --ssid S | --default) from module parameters."""
    if params.get('profile'):
        return ['--profile', params['profile']]
    if params.get('ssid'):
        return ['--ssid', params['ssid']]
    return ['--default']
