"""Linux desktop integration files, icons and the packaging scripts' basic sanity."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from desktop import __version__
from desktop.resources import data_root, resource_path

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
APP_ID = "org.testimonydesk.TestimonyDesk"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout  # not even a hint


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_launches_the_gui_with_the_app_icon() -> None:
    entry = dict(
        line.split("=", 1)
        for line in DESKTOP.read_text(encoding="utf-8").splitlines()
        if "=" in line
    )
    assert entry["Exec"] == "testimony-desk gui"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"


def test_metainfo_release_is_the_app_version() -> None:
    text = METAINFO.read_text(encoding="utf-8")
    assert f"<id>{APP_ID}</id>" in text
    assert f'<launchable type="desktop-id">{DESKTOP.name}</launchable>' in text
    releases = re.findall(r'<release version="([^"]+)"', text)
    assert releases and releases[0] == __version__, "add a <release> for the new version"


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_icon_set_is_complete_and_shipped_as_a_resource() -> None:
    icons = resource_path("icons")
    assert (icons / "testimony-desk.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert _png_size(icons / f"testimony-desk-{size}.png") == (size, size)
    assert (icons / "testimony-desk.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


def test_a_checkout_finds_its_own_data() -> None:
    # In the repo: resources/ and forms/ beside the package (no desktop/_data here).
    assert data_root("resources") == REPO / "resources"
    assert data_root("forms") == REPO / "forms"


def test_version_appears_only_in_desktop_init() -> None:
    """Inno Setup, Info.plist and the .deb read the version at build time, never a copy."""
    for path in (
        REPO / "packaging" / "windows" / "testimony-desk.iss",
        REPO / "packaging" / "macos" / "Info.plist",
        LINUX / "build-deb.sh",
    ):
        assert __version__ not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize(
    "script",
    sorted(p.relative_to(REPO).as_posix() for p in (REPO / "packaging").rglob("*.sh")),
)
def test_shell_scripts_parse(script: str) -> None:
    result = subprocess.run(["bash", "-n", script], cwd=REPO, capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
