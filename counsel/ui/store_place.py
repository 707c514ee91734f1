"""Where the records are kept, in plain words: on this computer or on the clinic's server.

Shown at the right end of the main window's menu bar (a status line that takes no room from
the screens, which need every line at 200% text in a small window) and in the Records window,
so that staff know whether another room can see what they sign, and IT can tell a room set up
wrongly at a glance (the tooltip names the file, or the server's address without its
password)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from counsel.core.record_store import RecordStore

MENU_MARGINS = 4  # above and below a menu's title in the menu bar, together


class StorePlace(QLabel):
    def __init__(self, server: str, address: str, parent: QWidget | None = None) -> None:
        """``server``: the records server's host name, "" for this computer's file;
        ``address``: the file or the server's address as shown (never with a password)."""
        super().__init__(parent)
        self.setObjectName("storePlace")
        self.setContentsMargins(8, 0, 8, 0)
        # Staff's line, not the patient's: small, and growing less than the screens' text
        # (``theme.STAFF_LINE_PT``), so that at 200% in a small window the menus stay in view.
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setProperty("role", "muted")
        self.server = server
        self.setToolTip(address)
        self.retranslate()

    def sizeHint(self) -> QSize:
        """As tall as the line of menus it sits beside (their text grows with the text size),
        so that its words are centred on theirs."""
        hint = super().sizeHint()
        bar = self.parentWidget()
        if bar is not None:
            hint.setHeight(max(hint.height(), bar.fontMetrics().height() + MENU_MARGINS))
        return hint

    def retranslate(self) -> None:
        """In the interface's language now (again after the language changes)."""
        if self.server:
            self.setText(
                self.tr("Records are kept on the clinic server (%1)").replace("%1", self.server)
            )
        else:
            self.setText(self.tr("Records are kept on this computer"))


def store_place(store: RecordStore, parent: QWidget | None = None) -> StorePlace:
    """Where ``store`` (or the app's store, not opened yet: ``OpenedOnFirstUse``) keeps them."""
    return StorePlace(store.host, str(store.database), parent)
