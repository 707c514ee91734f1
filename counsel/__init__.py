"""Counsel: a consent and counseling aid for the MILD procedure."""

__version__ = "1.0.0"
