"""The forms-driven case editor: widgets generated from ``forms/*.yaml``."""

from desktop.ui.editor.editor import CaseEditor

__all__ = ["CaseEditor"]
