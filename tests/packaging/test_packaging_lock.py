"""The hashed lock file that every packaging build installs covers pyproject's dependencies."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[2]
LOCK = REPO / "packaging" / "requirements.lock"
BUILD_LOCK = REPO / "packaging" / "build-requirements.lock"
REFRESH = "run `bash packaging/lock.sh` to refresh packaging/requirements.lock"


def _pins(path: Path) -> dict[str, tuple[Version, str, list[str]]]:
    """name -> (version, marker text, hashes) for every pinned requirement of a lock file."""
    text = path.read_text(encoding="utf-8")
    pins: dict[str, tuple[Version, str, list[str]]] = {}
    # One requirement: "name==version[ ; marker] \" followed by its "--hash=" lines.
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        first, _, rest = block.partition("\n")
        m = re.match(r"([A-Za-z0-9._-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$", first.strip())
        if not m:
            continue
        hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", rest)
        pins[canonicalize_name(m.group(1))] = (Version(m.group(2)), m.group(3) or "", hashes)
    return pins


def _runtime_requirements() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in project["dependencies"]]


def test_every_runtime_dependency_is_pinned_within_its_range() -> None:
    pins = _pins(LOCK)
    assert len(pins) > 20, "the lock file could not be parsed"
    for req in _runtime_requirements():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not in the lock file: {REFRESH}"
        version = pins[name][0]
        assert req.specifier.contains(version, prereleases=True), (
            f"{req.name}=={version} in the lock is outside pyproject's {req.specifier}: {REFRESH}"
        )


def test_every_pin_has_hashes_and_a_valid_marker() -> None:
    for path in (LOCK, BUILD_LOCK):
        pins = _pins(path)
        assert pins, path
        for name, (_version, marker, hashes) in pins.items():
            assert hashes, f"{name} has no --hash in {path.name}"
            if marker:
                Marker(marker)  # raises on a malformed marker


def test_linux_build_gets_sqlcipher3_and_qtpdf() -> None:
    """The markers pick exactly one SQLCipher driver for Linux x86_64 / CPython 3.11."""
    env = {"platform_machine": "x86_64", "sys_platform": "linux", "python_full_version": "3.11.7"}
    pins = _pins(LOCK)
    chosen = {
        name for name, (_v, mark, _h) in pins.items() if not mark or Marker(mark).evaluate(env)
    }
    assert "sqlcipher3" in chosen
    assert "sqlcipher3-wheels" not in chosen
    assert {"pyside6-essentials", "pyside6-pdf", "keyring", "reportlab"} <= chosen


def test_build_lock_agrees_with_the_runtime_lock() -> None:
    runtime, build = _pins(LOCK), _pins(BUILD_LOCK)
    assert "pyinstaller" in build
    for name in runtime.keys() & build.keys():
        assert runtime[name][0] == build[name][0], f"{name} pinned differently: {REFRESH}"
