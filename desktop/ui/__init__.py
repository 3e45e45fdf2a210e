"""Qt user interface. The only package that imports Qt widgets; it calls services only."""

from __future__ import annotations

import sys


def _keep_none_alive() -> None:
    """Work around PySide6 6.12.0 on CPython 3.11: ``None``/``True``/``False`` references leak.

    Every call of a void Qt method from Python (``update()``, ``setText()``…) takes one
    reference from ``None`` without giving it back. Opening a case in the editor makes ~150
    such calls, so holding the Down key in the case list for a few hundred rows drained
    ``None``'s count (about 50,000 at start) to zero and the process died with "Fatal Python
    error: none_dealloc" — unsaved edits lost. CPython 3.12+ has an immortal ``None``; on
    3.11 its count is raised out of reach here once, before any widget exists. It changes
    nothing else (None is never freed anyway). ``True`` and ``False`` lose references the
    same way on other paths (seen after the None fix: "bool_dealloc"), so they get the same.
    See docs/performance.md.
    """
    if sys.version_info < (3, 12):
        import ctypes

        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_keep_none_alive()
