"""PostgreSQL fixtures for this folder (defined in pg_fixtures.py, shared with tests/sync).

pg_fixtures.py is loaded by path under one fixed module name, so that every conftest that
loads it the same way shares its single cluster whatever pytest's import mode is.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_NAME = "td_pg_fixtures"
if _NAME not in sys.modules:
    _spec = importlib.util.spec_from_file_location(
        _NAME, Path(__file__).resolve().with_name("pg_fixtures.py")
    )
    assert _spec is not None and _spec.loader is not None
    sys.modules[_NAME] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules[_NAME])
_fx = sys.modules[_NAME]

pg_server = _fx.pg_server
pg_url = _fx.pg_url
hq_backend = _fx.hq_backend
HQBackend = _fx.HQBackend
