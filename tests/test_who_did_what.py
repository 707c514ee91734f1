"""Every audit entry says who: the session's clinician as typed and signed, and apart from it
the computer and the account it was written from; the export and ``records show`` carry all
three, and a changed name breaks the chain."""

from __future__ import annotations

import csv
import io
import socket

from engines import tamper
from test_record_store import FAKE_PDF, make_session, open_at
from test_records_cli import run


def test_each_entry_names_the_clinician_the_workstation_and_the_account(
    location, tmp_path, content, clock
) -> None:
    with open_at(location, clock) as store:
        session = make_session(
            content, clock, seal=True, patient_name="Ilse Varga", clinician_name="Dr. Amara Quigley"
        )
        store.save_draft(session)
        store.log(session.id, "screen_viewed", screen="risks")
        store.seal(session, FAKE_PDF)
        store.withdraw(session.id, "changed her mind", "Dr. Amara Quigley")
        trail = store.audit_trail(session.id)
        store.export_audit(session.id, tmp_path / "trail.csv")
    assert [(e.clinician, e.workstation, e.actor) for e in trail] == len(trail) * [
        ("Dr. Amara Quigley", socket.gethostname(), "nurse.kim")
    ]
    exported = list(csv.DictReader(io.StringIO((tmp_path / "trail.csv").read_text())))
    assert {(r["clinician"], r["workstation"], r["actor"]) for r in exported} == {
        ("Dr. Amara Quigley", socket.gethostname(), "nurse.kim")
    }
    shown = run(location.folder, "records", "show", session.id, database_url=location.url)
    header = next(line for line in shown.stdout.splitlines() if line.startswith("#"))
    assert header.split() == [
        "#",
        "Time",
        "Clinician",
        "Workstation",
        "Account",
        "Action",
        "Detail",
    ]
    assert "Dr. Amara Quigley" in shown.stdout and socket.gethostname() in shown.stdout

    with open_at(location, clock) as store:
        tamper(store, "UPDATE audit SET clinician = 'Dr. Nobody' WHERE action = 'signed'")
        assert [p.what for p in store.verify(full=True).problems] == ["entry changed"]
