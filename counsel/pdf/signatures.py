"""The signing block: what the patient acknowledged, then each signer's ink, name and time."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from counsel.core.content import Screen, SignaturesScreen
from counsel.core.session import SIGNER_ROLES, Session, Signature
from counsel.pdf import styles as st
from counsel.pdf.ink_flowable import InkFlowable

ROLE_NAMES = {
    "patient": "Patient",
    "representative": "Patient's representative",
    "clinician": "Clinician",
    "interpreter": "Interpreter",
    "witness": "Witness",
}
INK_BOX = (3.6 * inch, 0.95 * inch)


def signatures_block(screen: Screen, session: Session) -> list[Flowable]:
    """The statement, then one unbreakable group per signer.

    The statement shares a page with the first signature, and the seal time with the last,
    so no page holds a signature without what was signed or an orphaned line.
    """
    assert isinstance(screen, SignaturesScreen)
    statements = {
        "clinician": screen.clinician_statement,
        "interpreter": screen.interpreter_statement,
        "witness": screen.witness_statement,
    }
    groups = [
        _signer(signature, statements.get(role, ""), session)
        for role in SIGNER_ROLES
        if (signature := session.signatures.get(role)) is not None
    ] or [[]]
    title = st.para("What the patient acknowledges", st.SUBHEADING)
    groups[0].insert(0, st.boxed([title, st.para(screen.statement)]))
    if session.sealed_at is not None:
        sealed = f"Signed and locked against changes at {st.when(session.sealed_at, session)}."
        groups[-1] += [Spacer(1, 8), st.para(sealed, st.SUBHEADING)]
    return [KeepTogether(group) for group in groups]


def _signer(signature: Signature, statement: str, session: Session) -> list[Flowable]:
    """The role, what this role attests, the ink, and who signed when."""
    role = ROLE_NAMES[signature.role]
    if signature.role == "clinician" and session.details.clinician_credentials:
        role += f", {session.details.clinician_credentials}"
    if signature.relationship:
        role += f" ({signature.relationship})"
    parts: list[Flowable] = [st.para(role, st.SUBHEADING)]
    if statement:
        parts.append(st.para(statement, st.SMALL))
    return parts + [
        Spacer(1, 4),
        InkFlowable(signature.ink, *INK_BOX),
        Spacer(1, 3),
        Paragraph(
            f"<b>{st.text(signature.name)}</b> · {st.text(role)} · "
            f"signed {st.text(st.when(signature.signed_at, session))}",
            st.SMALL,
        ),
    ]
