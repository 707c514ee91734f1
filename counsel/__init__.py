"""Counsel: a counseling aid for the MILD procedure, signed as an acknowledgement of counseling."""

__version__ = "1.0.0"
