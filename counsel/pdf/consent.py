"""The procedure consent's own elements, for clinics whose signed PDF is the consent itself.

Printed just before the signatures, from content/<lang>/consent.toml; the
likelihood of success lists the benefits screen's outcomes with how likely each is, so the
consent states no figure the counseling did not.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from counsel.core.consent_text import consent_of, likelihoods, performer
from counsel.core.content import ClinicSettings
from counsel.pdf import styles as st
from counsel.pdf.wording import Language, Wording, lines


def document_title(language: Language, clinic: ClinicSettings) -> str:
    """ "Acknowledgement of counseling: …", or the consent's title where the clinic uses it."""
    content = language.content
    consent = consent_of(content, clinic)
    if consent is not None:
        return consent.title.replace("{procedure}", content.procedure)
    return language.words.label("title", procedure=content.procedure)


def consent_block(wording: Wording, clinic: ClinicSettings) -> list[Flowable]:
    consents = [consent_of(language.content, clinic) for language in wording.languages]
    first = consents[0]
    if first is None:
        return []
    clinician = performer(wording.session.details)
    others = [dict(c.parts) if c is not None else {} for c in consents[1:]]
    flow: list[Flowable] = [wording.para("consent_terms", st.HEADING)]
    for element, part in first.parts:
        twins = [other.get(element) for other in others]
        texts = [part.text] + [twin.text if twin else None for twin in twins]
        flow += [
            lines(
                [part.heading] + [twin.heading if twin else None for twin in twins], st.SUBHEADING
            ),
            lines([t.replace("{clinician}", clinician) if t else t for t in texts], st.BODY),
        ]
        if element == "success":
            flow += [
                st.labelled(title, likely, st.INDENTED)
                for title, likely in likelihoods(wording.session.content)
            ]
    return flow


def consent_statements(wording: Wording, clinic: ClinicSettings) -> list[str | None] | None:
    """What the patient signs, in each language, when it is the consent; else None."""
    consents = [consent_of(language.content, clinic) for language in wording.languages]
    if consents[0] is None:
        return None
    return [c.statement if c is not None else None for c in consents]
