"""``python main.py records ...`` as the records office runs it: output and exit codes."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from test_record_store import FAKE_PDF, make_session, open_store

from counsel.core.content import Content
from counsel.core.record_store import RecordStore
from counsel.core.store_schema import DB_NAME

MAIN = Path(__file__).resolve().parents[1] / "main.py"


def run(
    data_dir: Path, *args: str, env_dir: bool = True, database_url: str = ""
) -> subprocess.CompletedProcess[str]:
    """``main.py *args`` on the records in ``data_dir`` (on the server ``database_url``)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COUNSEL_DATABASE_URL": database_url}
    env.pop("COUNSEL_DATA_DIR", None)
    if env_dir:
        env["COUNSEL_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, str(MAIN), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )


@pytest.fixture
def records(tmp_path: Path, content: Content, clock) -> dict[str, str]:
    """A signed record, a withdrawn one and a draft, stored the way the app stores them."""
    folder = tmp_path / "data"
    with open_store(folder, clock) as store:
        signed = make_session(
            content, clock, patient_name="Zoë Nguyễn-Øberg", record_number="MRN-1001", seal=True
        )
        store.seal(signed, FAKE_PDF)
        withdrawn = make_session(
            content, clock, patient_name="Łukasz Wróbel", record_number="MRN-2002", seal=True
        )
        store.seal(withdrawn, FAKE_PDF + b"2")
        store.withdraw(withdrawn.id, "Patient chose physiotherapy first.", "Dr. Ng")
        draft = make_session(content, clock, patient_name="Ann Draft", record_number="MRN-3003")
        store.save_draft(draft)
    return {"dir": str(folder), "signed": signed.id, "withdrawn": withdrawn.id, "draft": draft.id}


def test_list_shows_every_record_newest_first_and_searches(records) -> None:
    folder = Path(records["dir"])
    listed = run(folder, "records", "list")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].split()[:3] == ["ID", "Started", "Patient"]
    assert [line.split()[0] for line in lines[1:]] == [
        records["draft"],
        records["withdrawn"],
        records["signed"],
    ]
    assert lines[1].endswith("in progress") and lines[2].endswith("withdrawn")
    assert lines[3].endswith("signed") and "Zoë Nguyễn-Øberg" in lines[3]

    found = run(folder, "records", "list", "--search", "ZOE OBERG")
    assert found.returncode == 0 and found.stdout.count("\n") == 2
    assert records["signed"] in found.stdout
    assert run(folder, "records", "list", "--search", "nobody").stdout == "No records.\n"


def test_show_prints_the_record_its_withdrawal_and_its_trail(records) -> None:
    shown = run(Path(records["dir"]), "records", "show", records["withdrawn"])
    assert shown.returncode == 0, shown.stderr
    for expected in (
        "Łukasz Wróbel",
        "MRN-2002",
        "withdrawn",
        "Dr. Ng",
        "Patient chose physiotherapy first.",
        "session_started",
        "signed",
        "withdrawn",
        "record_opened",
        "nurse.kim",
    ):
        assert expected in shown.stdout
    missing = run(Path(records["dir"]), "records", "show", "no-such-id")
    assert (missing.returncode, missing.stdout) == (1, "")
    assert "no record no-such-id" in missing.stderr


def test_export_writes_the_signed_pdf_and_the_trail(records, tmp_path) -> None:
    folder = Path(records["dir"])
    pdf = tmp_path / "out" / "copy.pdf"
    pdf.parent.mkdir()
    assert run(folder, "records", "export", records["signed"], "--pdf", str(pdf)).returncode == 0
    assert pdf.read_bytes().startswith(FAKE_PDF) and pdf.stat().st_mode & 0o777 == 0o600
    trail = tmp_path / "trail.json"
    assert (
        run(folder, "records", "export", records["signed"], "--audit", str(trail)).returncode == 0
    )
    assert [e["action"] for e in json.loads(trail.read_text())] == [
        "session_started",
        "signed",
        "pdf_exported",
    ]

    draft = run(folder, "records", "export", records["draft"], "--pdf", str(pdf))
    assert draft.returncode == 1 and "no signed PDF" in draft.stderr
    wrong = run(folder, "records", "export", records["signed"], "--audit", str(tmp_path / "t.txt"))
    assert wrong.returncode == 2


def test_verify_passes_then_names_what_was_tampered_with(records) -> None:
    folder = Path(records["dir"])
    good = run(folder, "records", "verify")
    assert good.returncode == 0 and good.stdout.startswith("OK: sealed records checked 3,")
    with closing(sqlite3.connect(folder / DB_NAME, isolation_level=None)) as conn:
        conn.execute("DROP TRIGGER records_no_update")
        conn.execute("UPDATE records SET pdf = x'00' WHERE id = ?", (records["signed"],))
    routine = run(folder, "records", "verify")  # only what is new since the check above
    assert (
        routine.returncode == 0
        and "sealed records checked 0, audit entries checked 1," in routine.stdout
    )
    bad = run(folder, "records", "verify", "--full")
    assert bad.returncode == 3  # records changed
    assert f"MISMATCH record {records['signed']}: PDF" in bad.stdout
    assert run(folder, "records", "verify", records["withdrawn"]).returncode == 0
    assert run(folder, "records", "verify", records["signed"]).returncode == 3


@pytest.mark.parametrize(
    "args",
    [
        ["records"],
        ["records", "frobnicate"],
        ["records", "export", "x"],
        ["records", "export", "x", "--pdf", "a.pdf", "--audit", "a.csv"],
        ["records", "list", "--since", "last tuesday"],
    ],
)
def test_usage_errors_exit_with_2(tmp_path, args) -> None:
    assert run(tmp_path / "data", *args).returncode == 2


def test_data_dir_option_and_a_demo_record(tmp_path) -> None:
    folder = tmp_path / "elsewhere"
    added = run(folder, "records", "--data-dir", str(folder), "add-demo", env_dir=False)
    assert added.returncode == 0, added.stderr
    listed = run(folder, "records", "list", "--data-dir", str(folder), env_dir=False)
    [line] = listed.stdout.splitlines()[1:]
    # A demo record may come out withdrawn or corrected, as about 1 in 12 do.
    assert "DEMO-000001" in line and line.split("  ")[-1].startswith(("signed", "withdrawn"))
    assert run(folder, "records", "verify").returncode == 0
    with RecordStore.in_folder(folder) as store:
        [record_id] = [summary.id for summary in store.list_records()]
        assert store.pdf_bytes(record_id).startswith(b"%PDF")


def test_the_demo_pdf_option_still_works(tmp_path) -> None:
    result = run(tmp_path / "data", "--demo-pdf", str(tmp_path / "demo.pdf"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "demo.pdf").read_bytes().startswith(b"%PDF")
