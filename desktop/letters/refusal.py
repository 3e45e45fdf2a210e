"""The one error a letter request ends in when it must not be written, with every reason.

Why a list: a field worker preparing an appeal should fix everything in one pass (consent,
missing birth date, wrong language) instead of meeting the problems one run at a time. The
CLI prints all of them in its single ``error:`` line and exits 4 (invalid input); the GUI
shows them in one dialog.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.errors import InvalidInputError

__all__ = ["LetterRefused"]


class LetterRefused(InvalidInputError):
    """The letter cannot be written; ``problems`` lists each reason as one sentence."""

    def __init__(self, problems: Sequence[str], *, source: str | None = None) -> None:
        self.problems = tuple(problems)
        reasons = "; ".join(self.problems)
        super().__init__(f"the letter was refused: {reasons}", source=source)
