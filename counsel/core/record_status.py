"""Record statuses and errors, apart from the store so that using them loads no database."""

from __future__ import annotations

IN_PROGRESS, SIGNED, WITHDRAWN, CORRECTION = "in_progress", "signed", "withdrawn", "correction"


class RecordNotFoundError(LookupError):
    """No record (or no PDF) with that id."""


class RecordSealedError(RuntimeError):
    """The record was signed; what was signed cannot change, only be withdrawn or corrected."""
