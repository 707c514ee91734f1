"""Both documents are tagged: a screen reader follows a structure tree of headings,
paragraphs and described pictures, skips the running header and footer, and the archival
file stays PDF/A."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Name

from counsel.core.content import ClinicSettings, Content
from counsel.core.content_loader import load_content
from counsel.core.demo import demo_session
from counsel.pdf.acknowledgement import build_acknowledgement
from counsel.pdf.archival_check import archival_problems
from counsel.pdf.structure import structure_problems
from counsel.pdf.take_home import build_take_home

FORMS = {  # name: (the session's language, bilingual with, document type)
    "en": ("en", None, "acknowledgement"),
    "es": ("es", None, "acknowledgement"),
    "bilingual": ("es", "en", "acknowledgement"),
    "consent": ("en", None, "consent"),
}


@pytest.fixture(scope="module", params=list(FORMS))
def form(request: pytest.FixtureRequest, clinic: ClinicSettings) -> tuple[bytes, Content]:
    language, second, document_type = FORMS[request.param]
    shown = load_content(language)
    data = build_acknowledgement(
        demo_session(shown),
        replace(clinic, document_type=document_type),
        bilingual_with=load_content(second) if second else None,
    )
    return data, shown


def elements(data: bytes) -> list[tuple[str, str]]:
    """Each structure element's role and alternative text, in reading order."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        kids = pdf.Root.StructTreeRoot.K.K
        return [(str(kid.S)[1:], str(kid.get(Name.Alt, ""))) for kid in kids]


def test_the_acknowledgement_is_tagged_and_still_archival(
    form: tuple[bytes, Content], tmp_path: Path
) -> None:
    data, shown = form
    assert archival_problems(data) == []  # now including the structure checks
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert bool(pdf.Root.MarkInfo.Marked)
        assert str(pdf.Root.Lang) == shown.language
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        for page in pdf.pages:  # the header and the footer on every page are artifacts
            instructions = [
                (str(i.operator), list(i.operands))
                for i in pikepdf.parse_content_stream(page)
                if isinstance(i, pikepdf.ContentStreamInstruction)
            ]
            operators = Counter(operator for operator, _ in instructions)
            artifacts = [o for op, o in instructions if op == "BDC" and o[0] == Name.Artifact]
            assert len(artifacts) >= 2
            assert operators["BDC"] + operators["BMC"] == operators["EMC"]
    qpdf = shutil.which("qpdf")
    assert qpdf, "qpdf is installed by scripts/setup.sh"
    path = tmp_path / "ack.pdf"
    path.write_bytes(data)
    assert subprocess.run([qpdf, "--check", str(path)], capture_output=True).returncode == 0


def test_headings_paragraphs_and_described_pictures(
    form: tuple[bytes, Content], clinic: ClinicSettings
) -> None:
    data, shown = form
    found = elements(data)
    roles = Counter(role for role, _ in found)
    assert roles["H1"] == 2  # the document's title, and the session in detail
    assert roles["H2"] >= len(shown.screens) and roles["P"] > roles["H2"]
    figures = [alt for role, alt in found if role == "Figure"]
    assert figures and all(figures)  # every picture says what it shows
    words = shown.document
    assert words is not None
    signers = demo_session(shown).signatures.values()
    signed = [words.label("signature_alt", signer=s.name) for s in signers]
    assert [alt for alt in figures if alt in signed] == signed  # in the order they signed
    labels = shown.labels_for("canal-compare.svg")
    assert any(all(" ".join(label.text.split()) in alt for label in labels) for alt in figures)
    assert found[0] == ("P", "")  # the clinic's name, then the title
    assert found[2][0] == "H1"


def test_a_figure_without_words_or_unnumbered_marks_are_problems(demo_pdf: bytes) -> None:
    """The check itself can fail: a description removed, a page's numbers cut short."""
    with pikepdf.open(io.BytesIO(demo_pdf)) as pdf:
        figure = next(k for k in pdf.Root.StructTreeRoot.K.K if Name.Figure == k.S)
        del figure.Alt
        assert any("alternative text" in p for p in structure_problems(pdf))
        pdf.Root.StructTreeRoot.ParentTree.Nums[1].append(figure)
        assert any("disagree" in p for p in structure_problems(pdf))
        del pdf.Root.MarkInfo
        assert structure_problems(pdf) == ["not marked as tagged (/MarkInfo /Marked true)"]


def test_the_take_home_copy_is_tagged_too(content: Content, clinic: ClinicSettings) -> None:
    data = build_take_home(demo_session(content), clinic)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert structure_problems(pdf) == []
    roles = Counter(role for role, _ in elements(data))
    assert roles["H1"] == 1 and roles["H2"] >= 4 and roles["P"] > 10
