"""The structure tree a screen reader follows, built from the marks the pages carry.

``tagging.py`` numbered each paragraph, heading and picture as it was drawn; here each
becomes a structure element (H1, H2, H3, P, Figure with its alternative text) under one
Document element, in drawing order, which is reading order. Done in the build, before
the file is made archival and long before any signature is added to it.
"""

from __future__ import annotations

import io
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from counsel.pdf.tagging import Mark


def add_structure(pdf: pikepdf.Pdf, marked_pages: list[list[Mark]]) -> None:
    """The tree from each page's marks as the canvas kept them (the same as its content
    stream carries, which ``structure_problems`` checks), without parsing the pages."""
    document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array()))
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=document))
    document.P = root
    numbers: list[Any] = []
    for index, (page, marks) in enumerate(zip(pdf.pages, marked_pages, strict=True)):
        elements = []
        for number, (tag, alt) in enumerate(marks):
            element = Dictionary(
                Type=Name.StructElem, S=Name("/" + tag), P=document, Pg=page.obj, K=number
            )
            if alt:
                element.Alt = String(alt)
            elements.append(pdf.make_indirect(element))
        document.K.extend(elements)
        page.obj.StructParents = index
        numbers += [index, Array(elements)]  # a page's elements by their number
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array(numbers)))
    root.ParentTreeNextKey = len(pdf.pages)
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)  # the title, not the file


def with_structure(data: bytes, marked_pages: list[list[Mark]]) -> bytes:
    """``data`` with its structure tree, for a document that is not made archival."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        add_structure(pdf, marked_pages)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
    return out.getvalue()


def structure_problems(pdf: pikepdf.Pdf) -> list[str]:
    """What keeps a screen reader from following the structure tree; [] when none."""
    root = pdf.Root
    mark_info = root.get(Name.MarkInfo)
    if mark_info is None or not bool(mark_info.get(Name.Marked)):
        return ["not marked as tagged (/MarkInfo /Marked true)"]
    tree = root.get(Name.StructTreeRoot)
    if tree is None:
        return ["no structure tree (/StructTreeRoot)"]
    numbers = list(tree.ParentTree.Nums)
    by_page = {int(n): elements for n, elements in zip(numbers[::2], numbers[1::2], strict=True)}
    problems = []
    for index, page in enumerate(pdf.pages):
        marked = [int(properties.MCID) for _, properties in _numbered(page)]
        elements = by_page.get(int(page.obj.get(Name.StructParents, -1)))
        if elements is None or marked != list(range(len(elements))):
            problems.append(f"page {index + 1}: its marked content and structure disagree")
        elif any(Name.Figure == e.S and not str(e.get(Name.Alt, "")) for e in elements):
            problems.append(f"page {index + 1}: a figure without alternative text")
    return problems


def _numbered(page: pikepdf.Page) -> list[tuple[pikepdf.Object, Dictionary]]:
    """The page's numbered marked content (tag, properties), in drawing order; artifacts
    carry no number and are left out."""
    found = []
    for instruction in pikepdf.parse_content_stream(page, "BDC"):
        if isinstance(instruction, pikepdf.ContentStreamInstruction):
            tag, properties = instruction.operands
            if isinstance(properties, Dictionary) and Name.MCID in properties:
                found.append((tag, properties))
    return found
