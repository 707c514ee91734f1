"""``counsel records key``: see, import and rotate the clinic key that signs records, and trust
the clinic's certificates on a computer that only checks records (``trust``).

The key lives in ``clinic-key`` beside the records database (``counsel.core.clinic_key``).
The store keeps the certificate of every key that signed into it, so the records office,
on the clinic server without the key, can check what any room signed: once someone has
compared the certificate with the clinic's, ``trust`` copies it into this computer's
``clinic-key/certificates``. Verify never trusts the store's copy by itself: whoever can
write the database could add one.
A PKCS#12 file's password is read from ``COUNSEL_P12_PASSWORD`` or asked for without echo;
it is never printed or logged. Exit codes: 0 done, 1 the key or file cannot be used.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from counsel.core.audit_chain import VerifyReport
from counsel.core.clinic_key import ClinicKeyError, Keyring, describe, fingerprint
from counsel.settings import P12_PASSWORD

if TYPE_CHECKING:
    from counsel.core.record_store import RecordStore


def add_key_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    key = commands.add_parser("key", parents=[common], help="the clinic key that signs records")
    actions = key.add_subparsers(dest="key_command", required=True, metavar="ACTION")
    actions.add_parser("show", help="the certificate signing now, and every earlier one")
    imported = actions.add_parser(
        "import", help="sign from now on with a PKCS#12 file from the clinic's own CA"
    )
    imported.add_argument("file", type=Path, metavar="FILE.p12")
    actions.add_parser("rotate", help="a new self-signed key; earlier certificates stay")
    trust = actions.add_parser(
        "trust",
        help="check records signed, or time-stamped, with these certificates of the records store",
    )
    trust.add_argument(
        "fingerprints",
        nargs="*",
        metavar="SHA256",
        help="the certificates to trust (none: list the store's, trusted here or not)",
    )


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


def trust_command(store: RecordStore, args: argparse.Namespace) -> int:
    """List the store's certificates (the clinic's, then the time-stamp authorities'), or
    trust the ones named (exit 1: one is not there)."""
    kept, trusted = store.stored_certificates(), store.keys.certificates()
    stamps = store.stored_stamp_certificates()
    stamps_trusted = {fingerprint(c) for c in store.keys.timestamp_authorities()}
    for name in (name.strip().lower() for name in args.fingerprints):
        if name in kept:
            store.keys.trust(kept[name])
        elif name in stamps:
            store.keys.trust_timestamp_authority(stamps[name])
        else:
            print(f"The records store keeps no certificate {name}.", file=sys.stderr)
            return 1
        print(f"Trusted from now on: {describe(kept.get(name) or stamps[name])}")
    if args.fingerprints:
        return 0
    if not kept:
        print("The records store keeps no clinic certificates yet: nothing was signed into it.")
    for name, certificate in kept.items():
        print(f"{'Trusted' if name in trusted else 'Not trusted'} here: {describe(certificate)}")
    for name, certificate in stamps.items():
        here = "Trusted" if name in stamps_trusted else "Not trusted"
        print(f"{here} here, time stamps: {describe(certificate)}")
    if kept.keys() - trusted.keys():
        print(
            "Compare each with 'counsel records key show' on an exam-room computer, then"
            " trust the clinic's: counsel records key trust SHA256"
        )
    if stamps.keys() - stamps_trusted:
        print(
            "Compare a time-stamp certificate with the one its authority publishes, then"
            " trust it: counsel records key trust SHA256"
        )
    return 0


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
