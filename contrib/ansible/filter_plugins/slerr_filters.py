# SPDX-License-Identifier: MIT
"""Ansible filters over the slerr Python module (import slerr; the python3 of the control
node needs it and libslerr). They turn the LicenseStatusReason that Windows reports for a
product (SoftwareLicensingProduct; a decimal, signed or not, or hex) into words:

    - name: Why is Windows not activated?
      ansible.windows.win_powershell:
        script: |
          (Get-CimInstance SoftwareLicensingProduct -Filter "PartialProductKey IS NOT NULL AND
            ApplicationID='55c92734-d682-4d71-983e-d6ec3f16059f'").LicenseStatusReason
      register: licence
    - ansible.builtin.debug:
        msg: "{{ licence.output[0] | slerr_reason }}"

slerr_reason gives one line ("0xC004F038 SL_E_VL_NOT_ENOUGH_COUNT: The Software Licensing
Service reported ..."); slerr_entry a dictionary with symbol, message, cause and remedy, or
none when the catalog does not know the code. Copy this directory next to a playbook, or
name it in ansible.cfg's filter_plugins."""

import slerr

try:
    from ansible.errors import AnsibleFilterError
except ImportError:  # used without Ansible (the tests): the same message, a plain error
    AnsibleFilterError = ValueError


def _code(reason):
    try:
        return slerr.parse(str(reason).strip())
    except slerr.SlerrError as e:
        raise AnsibleFilterError(f"slerr: {reason!r} is not an error code: {e}")


def slerr_reason(reason):
    """A LicenseStatusReason as one line of text."""
    return slerr.describe(_code(reason))


def slerr_entry(reason):
    """A LicenseStatusReason's catalog entry as a dictionary, None when unknown."""
    entry = slerr.lookup(_code(reason))
    return entry._asdict() if entry else None


class FilterModule:
    def filters(self):
        return {"slerr_reason": slerr_reason, "slerr_entry": slerr_entry}
