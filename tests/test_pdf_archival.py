"""The acknowledgement is an archival PDF (PDF/A-3b) that carries the signed record with it."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

import counsel.pdf.acknowledgement as acknowledgement
from counsel.core.audit_chain import canonical_json
from counsel.core.content import ClinicSettings, Content
from counsel.core.content_loader import load_content
from counsel.core.demo import demo_session, long_session
from counsel.core.session import Session
from counsel.core.session_codec import session_from_dict, session_to_dict
from counsel.pdf.acknowledgement import build_acknowledgement
from counsel.pdf.archival import RECORD_FILE
from counsel.pdf.archival_check import archival_problems


@pytest.fixture(scope="module")
def spanish() -> Content:
    return load_content("es")


def test_qpdf_finds_no_error(demo_pdf: bytes, tmp_path: Path) -> None:
    qpdf = shutil.which("qpdf")
    assert qpdf, "qpdf is installed by scripts/setup.sh"
    path = tmp_path / "ack.pdf"
    path.write_bytes(demo_pdf)
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


@pytest.mark.parametrize("kind", ["demo", "spanish", "bilingual", "long"])
def test_every_kind_of_acknowledgement_passes_the_archival_check(
    kind: str, content: Content, spanish: Content, clinic: ClinicSettings, demo_pdf: bytes
) -> None:
    data = {
        "demo": lambda: demo_pdf,
        "spanish": lambda: build_acknowledgement(demo_session(spanish), clinic),
        "bilingual": lambda: build_acknowledgement(demo_session(spanish), clinic, content),
        "long": lambda: build_acknowledgement(long_session(content), clinic),
    }[kind]()
    assert archival_problems(data) == []


def test_the_check_finds_what_reportlab_alone_leaves_out(
    demo: Session, clinic: ClinicSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(acknowledgement, "make_archival", lambda pdf, record: pdf)
    problems = archival_problems(build_acknowledgement(demo, clinic))
    assert "not exactly one PDF/A output intent" in problems
    assert "no XMP metadata" in problems
    assert "no associated file (/AF)" in problems
    assert "not marked as tagged (/MarkInfo /Marked true)" in problems


def test_every_font_is_embedded_dejavu(demo_pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(demo_pdf)) as pdf:
        fonts = {
            str(font.BaseFont)
            for page in pdf.pages
            for font in page.Resources.get("/Font", {}).values()
        }
    assert fonts and all("DejaVuSans" in name for name in fonts), fonts


def test_the_signed_record_travels_inside_the_pdf(
    demo_pdf: bytes, demo: Session, content: Content
) -> None:
    with pikepdf.open(io.BytesIO(demo_pdf)) as pdf:
        attached = pdf.attachments[RECORD_FILE]
        data = attached.get_file().read_bytes()
        assert attached.obj.AFRelationship == pikepdf.Name.Source
        assert attached.get_file().mime_type == "application/json"
        assert [spec.objgen for spec in pdf.Root.AF] == [attached.obj.objgen]
    assert data == canonical_json(session_to_dict(demo))  # as the record store keeps it
    assert session_to_dict(session_from_dict(json.loads(data), content)) == session_to_dict(demo)


def test_xmp_names_pdfa_title_language_and_record_but_not_the_patient(
    demo_pdf: bytes, demo: Session
) -> None:
    with pikepdf.open(io.BytesIO(demo_pdf)) as pdf:
        meta = pdf.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("3", "B")
        assert meta["dc:title"].startswith("Acknowledgement of counseling")
        assert set(meta["dc:language"]) == {"en"}
        assert demo.id in meta["dc:identifier"]
        assert str(pdf.Root.Lang) == "en"
        everything = bytes(pdf.Root.Metadata.read_bytes()) + repr(pdf.docinfo).encode()
    for private in (demo.details.patient_name, demo.details.record_number, "1948"):
        assert private.encode() not in everything


def test_the_same_session_gives_the_same_bytes(
    demo: Session, clinic: ClinicSettings, demo_pdf: bytes
) -> None:
    assert build_acknowledgement(demo, clinic) == demo_pdf


def append_incremental_update(data: bytes) -> bytes:
    """What a signer adds after the signed file (a new object and an xref section pointing
    back at ours), written by hand: the original bytes stay a prefix, untouched."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        size = int(pdf.trailer.Size)
        root, info = pdf.Root.objgen[0], pdf.trailer.Info.objgen[0]
        first_id = bytes(pdf.trailer.ID[0]).hex()
    previous = int(data.rstrip().rsplit(b"startxref", 1)[1].split()[0])
    body = data if data.endswith(b"\n") else data + b"\n"
    offset = len(body)
    body += f"{size} 0 obj\n<< /Counsel (a later update) >>\nendobj\n".encode()
    xref = len(body)
    body += (
        f"xref\n0 1\n0000000000 65535 f \n{size} 1\n{offset:010d} 00000 n \n"
        f"trailer << /Size {size + 1} /Root {root} 0 R /Info {info} 0 R /Prev {previous}"
        f" /ID [<{first_id}><{'ab' * 16}>] >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return body


def test_an_incremental_update_leaves_the_file_archival(demo_pdf: bytes, tmp_path: Path) -> None:
    updated = append_incremental_update(demo_pdf)
    assert updated.startswith(demo_pdf)
    path = tmp_path / "updated.pdf"
    path.write_bytes(updated)
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert archival_problems(updated) == []
    with pikepdf.open(path) as pdf:
        assert RECORD_FILE in pdf.attachments
