"""The signing block: what the patient acknowledged, then each signer's ink, name and time."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from counsel.core.content import SignaturesScreen
from counsel.core.session import SIGNER_ROLES, Signature
from counsel.pdf import styles as st
from counsel.pdf.ink_flowable import InkFlowable
from counsel.pdf.tagging import Described, Paragraph
from counsel.pdf.wording import Wording, lines, one_line, stacked

INK_BOX = (3.2 * inch, 0.75 * inch)  # two signers side by side on a page; three: 2/3 as wide
STATEMENTS = ("clinician", "interpreter", "witness")  # roles that attest to something
ATTESTED = ParagraphStyle("attested", parent=st.SMALL, spaceBefore=4, spaceAfter=0)


def signatures_block(
    screen: SignaturesScreen,
    wording: Wording,
    heading: Flowable,
    statements: list[str | None] | None = None,
) -> list[Flowable]:
    """The heading, the statement and what each attesting signer attests, then the signers
    two by two (three on one row when there are three), then the time the record was
    locked. ``statements`` (one per language) replace the screen's statement where the clinic
    signs the procedure consent in Counsel.

    The statement shares a page with the first signers, and the seal time with the last,
    so no page holds a signature without what was signed or an orphaned line.
    """
    twin = wording.twin(screen)
    session = wording.session
    signed = [s for role in SIGNER_ROLES if (s := session.signatures.get(role)) is not None]
    ink_width = INK_BOX[0] if len(signed) != 3 else INK_BOX[0] * 2 / 3
    signers = [_signer(signature, wording, ink_width) for signature in signed]
    attested: list[Flowable] = []
    for signature in signed:
        if signature.role in STATEMENTS:
            field = f"{signature.role}_statement"
            role = " / ".join(wording.said(f"role_{signature.role}"))
            said = [getattr(screen, field), getattr(twin, field, None)]
            attested += stacked(said, ATTESTED, label=role)
    acknowledged = st.boxed(
        [
            lines(wording.said("agrees" if statements else "acknowledges"), st.SUBHEADING),
            *stacked(statements or [screen.statement, getattr(twin, "statement", None)], st.BODY),
            *attested,
        ]
    )
    across = 3 if len(signers) == 3 else 2  # three signers on one row: pages 1-2 hold them
    rows: list[Flowable] = [
        _row(signers[i : i + across], across) for i in range(0, len(signers), across)
    ]
    groups: list[list[Flowable]] = [
        [heading, acknowledged, *rows[:1]],
        *([row] for row in rows[1:]),
    ]
    if session.sealed_at is not None:
        sealed = wording.said("sealed", when=session.sealed_at)
        groups[-1] += [Spacer(1, 8), lines(sealed, st.SEALED)]
    return [KeepTogether(group) for group in groups]


def _row(signers: list[list[Flowable]], across: int) -> Table:
    table = Table(
        [signers + [[]] * (across - len(signers))], colWidths=[f"{100 / across}%"] * across
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),  # roles and ink lines level
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _signer(signature: Signature, wording: Wording, ink_width: float) -> list[Flowable]:
    """The role, the ink, and who signed when (what the role attests is in the box above,
    full width, where it takes a third of the lines a half-page column did)."""
    suffix = ""
    if signature.role == "clinician" and wording.session.details.clinician_credentials:
        suffix += f", {wording.session.details.clinician_credentials}"
    if signature.relationship:
        suffix += f" ({signature.relationship})"
    roles = [role + suffix for role in wording.said(f"role_{signature.role}")]
    signed = wording.say("signed", when=signature.signed_at)
    return [
        one_line(roles, st.SUBHEADING),
        Spacer(1, 2),
        Described(
            InkFlowable(signature.ink, ink_width, INK_BOX[1]),
            wording.say("signature_alt", signer=signature.name),
        ),
        Spacer(1, 3),
        Paragraph(f"<b>{st.text(signature.name)}</b> · {st.text(signed)}", st.ROW),
    ]
