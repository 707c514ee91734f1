"""The signed acknowledgement PDF, drawn with reportlab from a sealed session (no Qt)."""
