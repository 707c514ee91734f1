"""Counsel's performance benchmark (issue #6), run as ``python -m bench``.

Every figure is compared with a floor measured in the same run on the same machine (a bare
PySide6 window showing one label), so the targets hold on fast and slow machines alike.
"""
