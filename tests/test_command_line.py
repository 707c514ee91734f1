"""The command line: a plain start, which skips building the parser, means what no options
mean to the parser (so an option added later cannot be missing from a plain start)."""

from __future__ import annotations

from pathlib import Path

from counsel.cli import argument_parser, parse_args


def test_a_plain_start_reads_as_the_parser_reads_no_options() -> None:
    assert vars(parse_args([])) == vars(argument_parser().parse_args([]))


def test_options_still_go_through_the_parser() -> None:
    args = parse_args(["--language", "es", "--demo-pdf", "demo.pdf"])
    assert args.language == "es"
    assert args.demo_pdf == Path("demo.pdf")
