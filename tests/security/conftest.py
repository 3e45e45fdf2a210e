"""Fixtures for the security tests: a vault with cases in it, made through the real CLI.

``sectools`` (next to this file) holds the measuring helpers that bench/*_soak.py reuse;
it is put on ``sys.path`` here so the tests import it the same way whatever pytest's
import mode is.
"""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "case-example.json"
# The passphrase tests/conftest.py writes to passphrase_file.
PASSPHRASE = "correct horse battery staple"  # noqa: S105


@dataclass
class Populated:
    """A vault of this test (a copy of ``vault_template``) holding the example case."""

    cli: Any  # tests/conftest.py's CLI runner
    vault: Path
    passphrase: str
    recovery_key: str
    case: dict[str, Any]


@dataclass(frozen=True)
class Template:
    folder: Path
    recovery_key: str


@pytest.fixture(scope="session")
def vault_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """One vault holding the example case, built once; tests get their own copy of it.

    Built in-process (``create_vault`` + ``import_files``, the functions the CLI calls) so
    that the Argon2 and import cost is paid once per run, not once per test. Nothing here
    unlocks an existing vault, so the unlock back-off state is never touched outside the
    per-test isolated home.
    """
    from desktop.app import create_vault

    folder = tmp_path_factory.mktemp("security-template") / "vault"
    session, recovery = create_vault(folder, PASSPHRASE)
    try:
        session.import_files([EXAMPLE])
    finally:
        session.lock()
    return Template(folder, recovery)


@pytest.fixture
def populated(
    cli: Any, vault_dir: Path, passphrase_file: Path, vault_template: Template
) -> Populated:
    passphrase = passphrase_file.read_text(encoding="utf-8").splitlines()[0]
    assert passphrase == PASSPHRASE, "tests/conftest.py changed its passphrase"
    shutil.copytree(vault_template.folder, vault_dir)
    case = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return Populated(cli, vault_dir, passphrase, vault_template.recovery_key, case)
