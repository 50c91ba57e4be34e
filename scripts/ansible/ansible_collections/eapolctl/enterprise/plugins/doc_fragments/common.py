# -*- coding: utf-8 -*-
from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    """Options every eapolctl.enterprise module takes."""

    DOCUMENTATION = r'''
options:
  eapolctl_path:
    description: Path of the eapolctl binary (by default C(eapolctl) on the PATH).
    type: path
  state_dir:
    description: eapolctl's state directory (profiles and the encrypted store); sets E(EAPOLCTL_STATE_DIR).
    type: path
  key_file:
    description: The key file that unlocks the encrypted store; sets E(EAPOLCTL_KEY_FILE).
    type: path
notes:
  - Every command runs as C(eapolctl ... --json). A failure returns C(msg) (eapolctl's message), C(rc) and
    C(error) with eapolctl's C(domain), C(code), C(name), C(hint) and C(details) (Docs/errors.md).
  - Secrets reach eapolctl on standard input only, never in its argument list.
'''
