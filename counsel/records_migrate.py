"""``counsel records migrate --to postgresql://…``: this computer's records, moved to the clinic's
server exactly as they are (``counsel.core.store_copy``), then checked there record by record.

Exit codes as the other ``records`` commands: 0 copied (or already there) and the copy checked
intact; 1 no records on this computer; 2 usage error; 3 the copy differs from the original or
does not verify (each difference is printed); 5 the server cannot be reached or used, or holds
other records (nothing was copied).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from counsel.cli_progress import progress, upgrade_progress
from counsel.core.clinic_key import KEY_FOLDER, Keyring
from counsel.core.store_copy import TABLES, CopyRefused, CopyReport, copy_store
from counsel.core.store_errors import StoreUnavailable
from counsel.core.store_location import DB_NAME, ServerDatabase, StoreLocation, open_store
from counsel.core.store_schema import StoreVersionError
from counsel.records_key import print_signers

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_CHANGED, EXIT_UNUSABLE = 0, 1, 2, 3, 5
WHAT = {
    "records": "records",
    "audit": "audit entries",
    "audit_signatures": "signatures",
    "clinic_certificates": "clinic certificates",
    "time_stamp_certificates": "time-stamp certificates",
}


def add_migrate_parser(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser
) -> None:
    migrate = commands.add_parser(
        "migrate", parents=[common], help="copy this computer's records to the clinic server"
    )
    migrate.add_argument(
        "--to",
        required=True,
        metavar="postgresql://…",
        help="the server's database, as its owner role (password in .pgpass or PGPASSWORD)",
    )


def migrate_command(folder: Path, clinic: str, args: argparse.Namespace) -> int:
    try:
        target = StoreLocation(folder, args.to)
    except ValueError as error:
        print(f"--to: {error}", file=sys.stderr)
        return EXIT_USAGE
    if not (folder / DB_NAME).is_file():
        print(f"No records on this computer to copy (nothing at {folder}).", file=sys.stderr)
        return EXIT_FAILED
    assert isinstance(target.database, ServerDatabase)
    try:
        open_store(StoreLocation(folder), on_upgrade=upgrade_progress(), clinic=clinic).close()
        report = copy_store(folder, target.database, Keyring(folder / KEY_FOLDER, clinic), progress)
    except CopyRefused as error:
        print(f"Nothing copied to {target}: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    except StoreUnavailable as error:
        print(f"Cannot reach the records server: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    except StoreVersionError as error:
        print(f"Cannot use the records database: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    return _print_report(report, str(target))


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts.get(table, 0)} {WHAT[table]}" for table, _, _ in TABLES)


def _print_report(report: CopyReport, target: str) -> int:
    print(f"Copied to {target}: {_counts(report.copied)}.")
    if any(report.already_there.values()):
        print(f"Already there from an earlier copy: {_counts(report.already_there)}.")
    if report.drafts_brought_up_to_date:
        print(f"Unfinished sessions brought up to date: {report.drafts_brought_up_to_date}.")
    for difference in report.differences:
        print(f"MISMATCH {difference}")
    verified = report.verified
    assert verified is not None
    for problem in verified.problems:
        print(f"MISMATCH {problem}")
    if not report.differences:
        print("Read back from the server: every record, audit entry and signature is as here.")
    if verified.ok:
        print(
            f"OK: the copy verifies: sealed records checked {verified.records_checked}, audit"
            f" entries checked {verified.entries_checked}, audit chain head {verified.head}"
        )
    else:
        print(f"FAILED: the copy does not verify ({len(verified.problems)} problems above)")
    print_signers(verified)
    return EXIT_OK if report.ok else EXIT_CHANGED
