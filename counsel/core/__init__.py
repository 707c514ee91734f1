"""Qt-free core: content, session, rules, PDF and storage. Nothing here imports PySide6."""
