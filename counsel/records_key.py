"""``counsel records key``: see, import and rotate the clinic key that signs records.

The key lives in ``clinic-key`` beside the records database (``counsel.core.clinic_key``).
A PKCS#12 file's password is read from ``COUNSEL_P12_PASSWORD`` or asked for without echo;
it is never printed or logged. Exit codes: 0 done, 1 the key or file cannot be used.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from counsel.core.audit_chain import VerifyReport
from counsel.core.clinic_key import ClinicKeyError, Keyring, describe
from counsel.settings import P12_PASSWORD


def add_key_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    key = commands.add_parser("key", parents=[common], help="the clinic key that signs records")
    actions = key.add_subparsers(dest="key_command", required=True, metavar="ACTION")
    actions.add_parser("show", help="the certificate signing now, and every earlier one")
    imported = actions.add_parser(
        "import", help="sign from now on with a PKCS#12 file from the clinic's own CA"
    )
    imported.add_argument("file", type=Path, metavar="FILE.p12")
    actions.add_parser("rotate", help="a new self-signed key; earlier certificates stay")


def key_command(keys: Keyring, args: argparse.Namespace) -> int:
    try:
        if args.key_command == "import":
            identity = keys.import_pkcs12(args.file.read_bytes(), _password())
            print(f"Signing from now on with: {describe(identity.certificate)}")
        elif args.key_command == "rotate":
            identity = keys.rotate()
            print(f"Signing from now on with: {describe(identity.certificate)}")
        else:
            show(keys)
    except ClinicKeyError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Cannot read {args.file}: {error.strerror or error}", file=sys.stderr)
        return 1
    return 0


def show(keys: Keyring) -> None:
    now = keys.identity()
    print(f"Clinic key: {keys.key_path}")
    print(f"Signing now: {describe(now.certificate)}")
    for issuer in now.chain:
        print(f"  issued by: {describe(issuer)}")
    earlier = [c for print_, c in keys.certificates().items() if print_ != now.fingerprint]
    for certificate in earlier:
        print(f"Earlier (still verifies what it signed): {describe(certificate)}")


def print_signers(report: VerifyReport) -> None:
    """Which clinic certificate signed the records checked (several after a rotation)."""
    for certificate, count in report.signed_by:
        print(f"Signed by {certificate}: {count} record{'s' if count != 1 else ''}")
    if report.before_keys:
        print(f"Sealed before Counsel signed records (no signature): {report.before_keys}")


def _password() -> bytes | None:
    """From the environment (for scripts), else asked for on the terminal without echo."""
    text = P12_PASSWORD.value()
    if text is None:
        text = getpass.getpass("Password of the PKCS#12 file (empty if none): ")
    return text.encode() if text else None
