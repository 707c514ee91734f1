"""Makes the built PDF an archival one (PDF/A-3b) that carries its own record.

reportlab writes the pages; this adds their structure tree (``structure.py``) and what an
archive needs to read the file in decades without Counsel: the colour space the pages are
printed in (an sRGB output intent), XMP metadata naming the PDF/A part, title, language and
the record's IDs, and the sealed session itself as an associated file (/AF), so the data
travels with the paper.

The file is rewritten whole once, here; a later digital signature is added as an
incremental update after the end of this file and leaves all of this as it is.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from counsel.pdf.structure import add_structure
from counsel.pdf.tagging import Mark

PDFA_PART, PDFA_CONFORMANCE = "3", "B"
RECORD_FILE = "session.json"
SRGB = "sRGB IEC61966-2.1"


@dataclass(frozen=True)
class ArchivalRecord:
    """What the archive file says about itself; no patient details (file indexers show it)."""

    title: str
    language: str
    session_id: str
    content_version: str
    content_sha256: str
    sealed_at: datetime
    record_json: bytes  # the sealed session exactly as the record store keeps it
    description: str  # what the attachment is, in the document's language
    marked_pages: list[list[Mark]]  # each page's tagged content, for the structure tree


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """An sRGB ICC profile made by LittleCMS (through Pillow), so none needs shipping.

    LittleCMS writes version 4.4 in the header; the profile uses only tags that ICC 4.2
    (the version PDF/A-2 and -3 name) already has, so the header says 4.2. Its profile ID
    is zero (not computed), so changing the header invalidates nothing.
    """
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    assert data[84:100] == bytes(16)
    data[8:12] = bytes((4, 0x20, 0, 0))
    return bytes(data)


def make_archival(pdf: bytes, record: ArchivalRecord) -> bytes:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        add_structure(document, record.marked_pages)
        _output_intent(document)
        _attach_record(document, record)
        document.Root.Lang = String(record.language)
        _metadata(document, record)
        out = io.BytesIO()
        # Fixed IDs and no generator comments: the same session gives the same bytes.
        document.save(out, min_version="1.7", deterministic_id=True, fix_metadata_version=False)
    return out.getvalue()


def _output_intent(document: pikepdf.Pdf) -> None:
    profile = document.make_stream(srgb_profile())
    profile.N = 3
    document.Root.OutputIntents = Array(
        [
            Dictionary(
                Type=Name.OutputIntent,
                S=Name.GTS_PDFA1,
                OutputConditionIdentifier=String(SRGB),
                Info=String(SRGB),
                DestOutputProfile=profile,
            )
        ]
    )


def _attach_record(document: pikepdf.Pdf, record: ArchivalRecord) -> None:
    when = _pdf_date(record.sealed_at)
    spec = pikepdf.AttachedFileSpec(
        document,
        record.record_json,
        description=record.description,
        filename=RECORD_FILE,
        mime_type="application/json",
        creation_date=when,
        mod_date=when,
        relationship=Name.Source,
    )
    document.attachments[RECORD_FILE] = spec
    document.Root.AF = Array([spec.obj])  # the same file specification, now indirect


def _metadata(document: pikepdf.Pdf, record: ArchivalRecord) -> None:
    if Name.Trapped in document.docinfo:
        del document.docinfo[Name.Trapped]  # reportlab's "not trapped"; XMP has no such field
    document.docinfo[Name.Title] = String(record.title)
    document.docinfo[Name.CreationDate] = String(_pdf_date(record.sealed_at))
    document.docinfo[Name.ModDate] = String(_pdf_date(record.sealed_at))
    with document.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta.load_from_docinfo(document.docinfo)
        meta["pdfaid:part"] = PDFA_PART
        meta["pdfaid:conformance"] = PDFA_CONFORMANCE
        meta["dc:title"] = record.title
        meta["dc:language"] = [record.language]
        meta["dc:identifier"] = f"urn:counsel:session:{record.session_id}"
        meta["dc:relation"] = [
            f"urn:counsel:content:{record.content_version}",
            f"urn:sha256:{record.content_sha256}",
        ]
        meta["xmpMM:DocumentID"] = f"urn:counsel:session:{record.session_id}"


def _pdf_date(moment: datetime) -> str:
    """``D:20261120101700+00'00'``, the PDF date form, from an aware time."""
    text = moment.strftime("D:%Y%m%d%H%M%S%z")
    return f"{text[:-2]}'{text[-2:]}'"
