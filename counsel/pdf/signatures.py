"""The signing block: what the patient acknowledged, then each signer's ink, name and time."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from counsel.core.content import Screen, SignaturesScreen
from counsel.core.session import SIGNER_ROLES, Signature
from counsel.pdf import styles as st
from counsel.pdf.ink_flowable import InkFlowable
from counsel.pdf.wording import Wording, lines

INK_BOX = (3.2 * inch, 0.85 * inch)  # two signers side by side on a page
STATEMENTS = ("clinician", "interpreter", "witness")  # roles that attest to something


def signatures_block(
    screen: SignaturesScreen,
    wording: Wording,
    heading: Flowable,
    statements: list[str | None] | None = None,
) -> list[Flowable]:
    """The heading and statement, then the signers two by two, then the time the record was
    locked. ``statements`` (one per language) replace the screen's statement where the
    clinic signs the procedure consent in Counsel.

    The statement shares a page with the first signers, and the seal time with the last,
    so no page holds a signature without what was signed or an orphaned line.
    """
    twin = wording.twin(screen)
    session = wording.session
    signers = [
        _signer(signature, screen, twin, wording)
        for role in SIGNER_ROLES
        if (signature := session.signatures.get(role)) is not None
    ]
    acknowledged = st.boxed(
        [
            lines(wording.said("agrees" if statements else "acknowledges"), st.SUBHEADING),
            lines(statements or [screen.statement, getattr(twin, "statement", None)], st.BODY),
        ]
    )
    pairs: list[Flowable] = [_pair(signers[i : i + 2]) for i in range(0, len(signers), 2)]
    groups: list[list[Flowable]] = [
        [heading, acknowledged, *pairs[:1]],
        *([pair] for pair in pairs[1:]),
    ]
    if session.sealed_at is not None:
        sealed = wording.said("sealed", when=session.sealed_at)
        groups[-1] += [Spacer(1, 8), lines(sealed, st.SEALED)]
    return [KeepTogether(group) for group in groups]


def _pair(signers: list[list[Flowable]]) -> Table:
    table = Table([signers + [[]] * (2 - len(signers))], colWidths=["50%", "50%"])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _signer(
    signature: Signature, screen: SignaturesScreen, twin: Screen | None, wording: Wording
) -> list[Flowable]:
    """The role, what this role attests, the ink, and who signed when."""
    suffix = ""
    if signature.role == "clinician" and wording.session.details.clinician_credentials:
        suffix += f", {wording.session.details.clinician_credentials}"
    if signature.relationship:
        suffix += f" ({signature.relationship})"
    roles = [role + suffix for role in wording.said(f"role_{signature.role}")]
    parts: list[Flowable] = [lines(roles, st.SUBHEADING)]
    if signature.role in STATEMENTS:
        field = f"{signature.role}_statement"
        statements = [getattr(screen, field), getattr(twin, field, None)]
        parts.append(lines(statements, st.SMALL))
    signed = wording.say("signed", when=signature.signed_at)
    return parts + [
        Spacer(1, 4),
        InkFlowable(signature.ink, *INK_BOX),
        Spacer(1, 3),
        Paragraph(f"<b>{st.text(signature.name)}</b>", st.ROW),
        Paragraph(f"{st.text(roles[0])} · {st.text(signed)}", st.ROW),
    ]
