"""``counsel records``: find, show, reprint and check signed records without opening a window.

For the records office and for audits. Runs without Qt. Exit codes (``EXIT_*``): 0 done and,
for verify, everything intact; 1 no such record, or a file could not be written; 2 usage
error; 3 verify found records or audit entries changed; 4 the database file is damaged
(SQLite's integrity check failed, or it cannot be read through); 5 the database cannot be
opened (not a database, from a newer Counsel, or a read-only copy of an older one).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from counsel.cli_progress import progress, upgrade_progress
from counsel.core.clinic_key import KEY_FOLDER, ClinicKeyError, Keyring
from counsel.core.content import ClinicSettings
from counsel.core.demo_records import POOL_SIZE
from counsel.core.export_guard import ExportRefusedError
from counsel.core.file_integrity import DATABASE_FILE
from counsel.core.record_store import RecordNotFoundError, RecordStore, RecordSummary
from counsel.core.store_errors import StoreUnavailable
from counsel.core.store_location import open_store, store_location
from counsel.core.store_schema import StoreVersionError
from counsel.core.toml_reader import ContentError
from counsel.records_key import add_key_parser, key_command, print_signers, trust_command
from counsel.records_migrate import add_migrate_parser, migrate_command

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_CHANGED, EXIT_DAMAGED, EXIT_UNUSABLE = range(6)
LIST_LIMIT = 100  # a screenful; years of records are thousands of lines
STATUS_TEXT = {"in_progress": "in progress", "signed": "signed", "withdrawn": "withdrawn"}


def _count(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    data_dir_help = "folder of the records database (default: $COUNSEL_DATA_DIR or the app's)"
    parser = argparse.ArgumentParser(prog="counsel records", description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, help=data_dir_help)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help=data_dir_help)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    listing = commands.add_parser("list", parents=[common], help="records, newest first")
    listing.add_argument("--search", default="", help="name or record number (any case/accents)")
    listing.add_argument("--since", type=date.fromisoformat, metavar="YYYY-MM-DD")
    listing.add_argument("--until", type=date.fromisoformat, metavar="YYYY-MM-DD")
    listing.add_argument(
        "--limit",
        type=int,
        default=LIST_LIMIT,
        metavar="N",
        help=f"show the newest N (default: {LIST_LIMIT}; 0: all)",
    )
    show = commands.add_parser("show", parents=[common], help="one record and its audit trail")
    show.add_argument("id")
    export = commands.add_parser("export", parents=[common], help="the signed PDF or the trail")
    export.add_argument("id")
    what = export.add_mutually_exclusive_group(required=True)
    what.add_argument("--pdf", type=Path, metavar="FILE", help="the PDF exactly as signed")
    what.add_argument("--audit", type=Path, metavar="FILE", help="the audit trail (.csv/.json)")
    export.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (never a database)"
    )
    verify = commands.add_parser("verify", parents=[common], help="check digests and audit chain")
    verify.add_argument(
        "id",
        nargs="?",
        help="one record (default: what is new since the last check that found everything intact)",
    )
    verify.add_argument(
        "--full",
        action="store_true",
        help="every record and audit entry, however long ago it was checked",
    )
    verify.add_argument(
        "--pdf-validation",
        action="store_true",
        help="also validate each PDF's signature with pyHanko: the certificate valid when it"
        " signed, any time stamp (about 11 ms a PDF; routinely only the clinic key's signature"
        " over the whole file is checked, or pyHanko's for a time-stamped PDF)",
    )
    demo = commands.add_parser(
        "add-demo", parents=[common], help="store signed demo records (fictional people)"
    )
    demo.add_argument("--language", default="en", help="content language (default: en)")
    demo.add_argument(
        "--count",
        type=_count,
        default=1,
        help="how many, spread over the years before today (default: 1)",
    )
    demo.add_argument(
        "--distinct-pdfs",
        action="store_true",
        help="sign each record's PDF anew, so that no two are the same bytes, as in a clinic"
        " (about 40 ms a record; by default a few signed PDFs are shared)",
    )
    add_key_parser(commands, common)
    add_migrate_parser(commands, common)
    return parser.parse_args(argv)


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    clinic = clinic_settings()
    location = store_location(clinic, args.data_dir)
    name = clinic.name if clinic else ""
    if args.command == "key" and args.key_command != "trust":  # the key alone: no database
        return key_command(Keyring(location.folder / KEY_FOLDER, name), args)
    if args.command == "migrate":  # from this computer's file, wherever the settings point
        return migrate_command(location.folder, name, args)
    try:
        with open_store(location, on_upgrade=upgrade_progress(), clinic=name) as store:
            return COMMANDS[args.command](store, args)
    except RecordNotFoundError as error:
        print(error.args[0], file=sys.stderr)
        return EXIT_FAILED
    except ClinicKeyError as error:
        print(error, file=sys.stderr)
        return EXIT_UNUSABLE
    except StoreUnavailable as error:
        message = str(error)
        print(message[:1].upper() + message[1:], file=sys.stderr)
        return EXIT_UNUSABLE
    except (StoreVersionError, sqlite3.DatabaseError, OSError) as error:
        print(f"Cannot use the records database: {error}", file=sys.stderr)
        return EXIT_UNUSABLE


def table(rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell; plain text that survives any terminal and grep."""
    widths = [max(len(cell) for cell in column) for column in zip(*rows, strict=True)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in rows
    )


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _status(summary: RecordSummary) -> str:
    corrections = summary.corrections
    suffix = f" ({corrections} correction{'s' if corrections > 1 else ''})" if corrections else ""
    return STATUS_TEXT[summary.status] + suffix


def _line(summary: RecordSummary) -> list[str]:
    born = summary.date_of_birth.isoformat() if summary.date_of_birth else ""
    return [
        summary.id,
        _when(summary.started_at),
        summary.patient_name,
        born,
        summary.record_number,
        summary.clinician,
        _status(summary),
    ]


def list_command(store: RecordStore, args: argparse.Namespace) -> int:
    found = store.list_records(args.search, args.since, args.until, limit=args.limit or None)
    headers = ["ID", "Started", "Patient", "Born", "Record no.", "Clinician", "Status"]
    print(table([headers, *(_line(summary) for summary in found)]) if found else "No records.")
    if args.limit and len(found) == args.limit:
        total = store.count_records(args.search, args.since, args.until)
        if total > len(found):
            print(
                f"The newest {len(found):,} of {total:,} records; --limit 0 lists all.",
                file=sys.stderr,
            )
    return 0


def show_command(store: RecordStore, args: argparse.Namespace) -> int:
    summary = store.record(args.id)
    store.log(summary.id, "record_opened")
    labels = ["Record", "Started", "Patient", "Born", "Record no.", "Clinician", "Status"]
    facts = [[f"{label}:", value] for label, value in zip(labels, _line(summary), strict=True)]
    facts.append(
        ["Content:", f"version {summary.content_version}, SHA-256 {summary.content_sha256}"]
    )
    facts += [
        [
            f"{'Withdrawn' if a.kind == 'withdrawn' else 'Correction'}:",
            f"{_when(a.at)} by {a.by}: {a.text}",
        ]
        for a in store.amendments(summary.id)
    ]
    print(table(facts))
    print("\nAudit trail:")
    trail = [
        [
            str(e.seq),
            _when(datetime.fromisoformat(e.at)),
            e.clinician,
            e.workstation,
            e.actor,
            e.action,
            "" if e.detail == "{}" else e.detail,
        ]
        for e in store.audit_trail(summary.id)
    ]
    headers = ["#", "Time", "Clinician", "Workstation", "Account", "Action", "Detail"]
    print(table([headers, *trail]))
    return 0


def export_command(store: RecordStore, args: argparse.Namespace) -> int:
    try:
        if args.pdf:
            store.export_pdf(args.id, args.pdf, overwrite=args.force)
        else:
            store.export_audit(args.id, args.audit, overwrite=args.force)
    except ValueError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    except FileExistsError:
        print(f"{args.pdf or args.audit} already exists; --force replaces it.", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        reason = error if isinstance(error, ExportRefusedError) else error.strerror or error
        print(f"Could not write {args.pdf or args.audit}: {reason}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Wrote {args.pdf or args.audit}")
    return 0


def verify_command(store: RecordStore, args: argparse.Namespace) -> int:
    if args.id:
        report = store.verify(args.id, pdf_validation=args.pdf_validation)
    else:
        check = store.verification(full=args.full, pdf_validation=args.pdf_validation)
        for _ in progress(check.each_checked(), check.total, "Verifying"):
            pass
        assert check.report is not None
        report = check.report
    damaged = [p for p in report.problems if p.where == DATABASE_FILE]
    for problem in report.problems:
        print(f"{'DAMAGED' if problem in damaged else 'MISMATCH'} {problem}")
    verdict = "FAILED" if report.problems else "OK"
    print(
        f"{verdict}: sealed records checked {report.records_checked}, audit entries checked"
        f" {report.entries_checked}, audit chain head {report.head}"
    )
    print_signers(report)
    if report.unremembered:
        print(
            "No clinic key on this computer, so this check is not remembered: the next routine"
            " check starts from the last checkpoint the clinic key signed."
        )
    if damaged:
        print(
            "The database file itself is damaged: restore the latest backup that verifies"
            " (records verify --full on the restored copy).",
            file=sys.stderr,
        )
        return EXIT_DAMAGED
    return EXIT_CHANGED if report.problems else EXIT_OK


def add_demo_command(store: RecordStore, args: argparse.Namespace) -> int:
    """Signed demo records with real PDFs, so staff can practise and anyone can try a store of
    years (``--count 50000``); a few are withdrawn or corrected, as in a clinic."""
    from counsel.core.content_loader import load_clinic, load_content
    from counsel.core.demo_records import demo_pool, demo_records, store_demo_records
    from counsel.pdf.acknowledgement import build_acknowledgement

    try:
        content, clinic = load_content(args.language), load_clinic()
    except ContentError as error:
        print(f"Counsel cannot load its content: {error}", file=sys.stderr)
        return 1
    pool = demo_pool(
        content,
        lambda session: build_acknowledgement(session, clinic),
        size=min(args.count, POOL_SIZE),
    )
    records = demo_records(pool, args.count, seed=uuid.uuid4().int)
    stored = store_demo_records(
        store,
        progress(records, args.count, "Storing demo records"),
        distinct_pdfs=args.distinct_pdfs,
    )
    print(f"Stored {stored} demo record{'s' if stored != 1 else ''}")
    return 0


COMMANDS: dict[str, Callable[[RecordStore, argparse.Namespace], int]] = {
    "list": list_command,
    "show": show_command,
    "export": export_command,
    "verify": verify_command,
    "add-demo": add_demo_command,
    "key": trust_command,  # the one key action that reads the store
}


def clinic_settings() -> ClinicSettings | None:
    """clinic.toml (its records folder and name), or None: a broken file must not lock staff
    out of their records."""
    from counsel.core.content_loader import load_clinic

    try:
        return load_clinic()
    except ContentError as error:
        print(
            f"Warning: the clinic settings cannot be read ({error}); using the default"
            " records folder.",
            file=sys.stderr,
        )
        return None
