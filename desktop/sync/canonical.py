"""Canonical JSON for sync bundles (keys sorted, no spaces, UTF-8), written by orjson.

Why: a 10,000-case export writes ~57 MB of records and a manifest listing each of them,
all of it on the export's critical path (docs/bundle-format.md "Performance"). orjson
writes exactly the bytes of ``desktop.vault.vaultfile.canonical_json`` for every value
a bundle holds — strings (control characters, U+2028 and astral planes included),
integers, booleans, null, lists and objects — about three times faster
(tests/sync/test_records_helper.py compares them on generated values). Floats are the one
JSON value the two write differently (``1e+16`` against ``1e16``), and neither the case
format nor the manifest has any. An integer past 64 bits, which orjson refuses, and
anything else it refuses take ``canonical_json`` itself (same bytes, or the same error).
"""

from __future__ import annotations

from typing import Any

import orjson


def canonical_bytes(value: Any) -> bytes:
    """``canonical_json(value)``, the same bytes, for values without floats.

    The result is a copy of exactly its length: orjson's own ``bytes`` keeps the capacity
    of its output buffer (64 KiB and up: ~70 KiB of memory for a 5 KiB record, 10,000
    records held until the bundle is written: ~0.7 GB instead of ~57 MB).
    """
    try:
        out = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # orjson.JSONEncodeError
        from desktop.vault.vaultfile import canonical_json  # rarely: not at start-up

        return canonical_json(value)
    return memoryview(out).tobytes()
