"""Command line: open the app, or write the demo PDF or screenshots without a window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from counsel.core.toml_reader import ContentError

if TYPE_CHECKING:
    from counsel.core.content import ClinicSettings, Content

DEFAULT_LANGUAGE = "en"


def parse_args(argv: list[str]) -> argparse.Namespace:
    """A plain start (no arguments: the desktop entry's) skips the parser, whose messages look
    up their translations and load ``locale`` on the way (about 4 ms of start-up)."""
    if not argv:
        return argparse.Namespace(
            language=DEFAULT_LANGUAGE, demo_pdf=None, demo_take_home=None, screenshots=None
        )
    return argument_parser().parse_args(argv)


def argument_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counsel",
        description="Counsel: MILD counseling aid (signed as an acknowledgement of counseling).",
        epilog="Signed records: counsel records --help",
    )
    parser.add_argument(
        "--language",
        default=DEFAULT_LANGUAGE,
        help=f"content language (default: {DEFAULT_LANGUAGE})",
    )
    parser.add_argument(
        "--demo-pdf",
        metavar="FILE",
        type=Path,
        help="write the acknowledgement PDF of a fictional demo session and exit",
    )
    parser.add_argument(
        "--demo-take-home",
        metavar="FILE",
        type=Path,
        help="write the patient's take-home copy of the demo session (large print) and exit",
    )
    parser.add_argument(
        "--screenshots",
        metavar="DIR",
        type=Path,
        help="render every screen of the walkthrough to PNG files (offscreen) and exit",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["records"]:
        from counsel.records_cli import main as records_main

        return records_main(argv[1:])
    args = parse_args(argv)
    from counsel.core.content_cache import load_startup_content

    try:
        loaded = load_startup_content(args.language)
    except ContentError as error:
        print(f"Counsel cannot start: {error}", file=sys.stderr)
        return 2
    content, clinic = loaded.content, loaded.clinic
    if args.demo_pdf:
        return write_demo_pdf(content, clinic, args.demo_pdf)
    if args.demo_take_home:
        return write_demo_pdf(content, clinic, args.demo_take_home, take_home=True)
    if args.screenshots:
        from counsel.ui.screenshots import write_screenshots

        return write_screenshots(content, clinic, args.screenshots)
    from counsel.ui.app import run_app

    return run_app(content, clinic)


def write_demo_pdf(
    content: Content, clinic: ClinicSettings, path: Path, take_home: bool = False
) -> int:
    """The demo session's acknowledgement, or with ``take_home`` the patient's copy."""
    from counsel.core.demo import demo_session
    from counsel.pdf.acknowledgement import write_acknowledgement
    from counsel.pdf.take_home import write_take_home

    write = write_take_home if take_home else write_acknowledgement
    try:
        write(demo_session(content), clinic, path)
    except OSError as error:
        print(f"Could not write {path}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"Wrote {path}")
    return 0
