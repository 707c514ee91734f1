"""A small PDF/A check of our own, for what qpdf does not look at.

No full validator (veraPDF) installs here, so the tests hold every acknowledgement to the
rules a mistake in our code could break: fonts embedded, the sRGB output intent, XMP that
names PDF/A-3b and agrees with the document information, the language, the record attached
as an associated file, nothing PDF/A forbids (encryption, JavaScript, compressed XMP), and
the structure tree a screen reader follows (``structure.py``).
"""

from __future__ import annotations

import io
import re
import struct

import pikepdf
from pikepdf import Name

from counsel.pdf.structure import structure_problems

XMP_PART = re.compile(rb"<pdfaid:part[^>]*>(\d)</pdfaid:part>|pdfaid:part=\"(\d)\"")
XMP_CONFORMANCE = re.compile(rb"<pdfaid:conformance[^>]*>([AUB])<|pdfaid:conformance=\"([AUB])\"")


def archival_problems(data: bytes) -> list[str]:
    """What keeps ``data`` from being PDF/A-3b, as far as these checks see; [] when none."""
    problems: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root, trailer = pdf.Root, pdf.trailer
        if Name.Encrypt in trailer:
            problems.append("encrypted")
        if Name.ID not in trailer:
            problems.append("no file identifier (/ID) in the trailer")
        if Name.Lang not in root:
            problems.append("no document language (/Lang)")
        for key in (Name.JavaScript, Name.AA, Name.OpenAction):
            if key in root or key in root.get(Name.Names, {}):
                problems.append(f"the catalog has {key}")
        problems += _output_intent(root)
        problems += _xmp(pdf)
        problems += _fonts(pdf)
        problems += _associated_files(root)
        problems += structure_problems(pdf)
    return problems


def _output_intent(root: pikepdf.Object) -> list[str]:
    intents = [i for i in root.get(Name.OutputIntents, []) if i.get(Name.S) == Name.GTS_PDFA1]
    if len(intents) != 1:
        return ["not exactly one PDF/A output intent"]
    profile = intents[0].get(Name.DestOutputProfile)
    if profile is None or profile.get(Name.N) != 3:
        return ["the output intent has no RGB (N 3) ICC profile"]
    header = profile.read_bytes()[:40]
    if header[36:40] != b"acsp" or header[16:20] != b"RGB " or header[8] not in (2, 4):
        return ["the output intent's profile is not an ICC v2 or v4 RGB profile"]
    if header[8] == 4 and header[9] > 0x20:
        return ["the output intent's profile is newer than ICC 4.2"]
    return []


def _xmp(pdf: pikepdf.Pdf) -> list[str]:
    stream = pdf.Root.get(Name.Metadata)
    if stream is None:
        return ["no XMP metadata"]
    problems = []
    if Name.Filter in stream:
        problems.append("the XMP metadata is compressed")
    xmp = stream.read_bytes()
    part, conformance = XMP_PART.search(xmp), XMP_CONFORMANCE.search(xmp)
    if not part or (part.group(1) or part.group(2)) != b"3":
        problems.append("the XMP does not say PDF/A part 3")
    if not conformance or (conformance.group(1) or conformance.group(2)) != b"B":
        problems.append("the XMP does not say conformance B")
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        pairs = (
            (Name.Title, "dc:title"),
            (Name.Creator, "xmp:CreatorTool"),
            (Name.Producer, "pdf:Producer"),
        )
        for info_key, xmp_key in pairs:
            if info_key in pdf.docinfo and str(pdf.docinfo[info_key]) != meta.get(xmp_key):
                problems.append(f"document information {info_key} differs from XMP {xmp_key}")
        if not meta.get("dc:language"):
            problems.append("the XMP names no language")
    return problems


def _fonts(pdf: pikepdf.Pdf) -> list[str]:
    problems = []
    for font in _all_fonts(pdf):
        name = str(font.get(Name.BaseFont, "?"))
        descriptors = [font] + list(font.get(Name.DescendantFonts, []))
        descriptor = next((d.FontDescriptor for d in descriptors if Name.FontDescriptor in d), None)
        if font.get(Name.Subtype) == Name.Type3:
            continue
        if descriptor is None or not any(
            key in descriptor for key in (Name.FontFile, Name.FontFile2, Name.FontFile3)
        ):
            problems.append(f"font {name} is not embedded")
            continue
        symbolic = int(descriptor.get(Name.Flags, 0)) & 4
        if font.get(Name.Subtype) == Name.TrueType and symbolic:
            if Name.Encoding in font:
                problems.append(f"symbolic TrueType font {name} has an /Encoding")
            tables = _cmap_subtables(descriptor.FontFile2.read_bytes())
            if len(tables) != 1 and (3, 0) not in tables:
                problems.append(f"symbolic TrueType font {name} needs one cmap or a (3,0) one")
    return problems


def _all_fonts(pdf: pikepdf.Pdf) -> list[pikepdf.Object]:
    """Every font any page or form uses, each once."""
    seen: dict[tuple[int, int], pikepdf.Object] = {}
    pending = [page.obj.get(Name.Resources) for page in pdf.pages]
    while pending:
        resources = pending.pop()
        if resources is None:
            continue
        for font in resources.get(Name.Font, {}).values():
            seen.setdefault(font.objgen, font)
        for xobject in resources.get(Name.XObject, {}).values():
            if xobject.get(Name.Subtype) == Name.Form and xobject.objgen not in seen:
                seen[xobject.objgen] = xobject  # marks the form as visited
                pending.append(xobject.get(Name.Resources))
    return [f for f in seen.values() if f.get(Name.Type) == Name.Font]


def _cmap_subtables(font_file: bytes) -> list[tuple[int, int]]:
    """The (platform, encoding) pairs of a TrueType font program's cmap table."""
    count = struct.unpack(">H", font_file[4:6])[0]
    for index in range(count):
        tag, _, offset, _ = struct.unpack(">4sIII", font_file[12 + 16 * index : 28 + 16 * index])
        if tag == b"cmap":
            number = struct.unpack(">H", font_file[offset + 2 : offset + 4])[0]
            return [
                struct.unpack(">HH", font_file[offset + 4 + 8 * k : offset + 8 + 8 * k])
                for k in range(number)
            ]
    return []


def _associated_files(root: pikepdf.Object) -> list[str]:
    problems = []
    files = list(root.get(Name.AF, []))
    if not files:
        problems.append("no associated file (/AF)")
    for spec in files:
        for key in (Name.F, Name.UF, Name.AFRelationship, Name.EF):
            if key not in spec:
                problems.append(f"an associated file has no {key}")
        files_of = spec.get(Name.EF)
        stream = files_of.get(Name.F) if files_of is not None else None
        if stream is not None and Name.Subtype not in stream:
            problems.append("an embedded file has no MIME type (/Subtype)")
    return problems
