"""Fixtures for the letters tests (helpers and the synthetic case are in lettertools.py)."""

from __future__ import annotations

from typing import Any

import pytest
from lettertools import DATA, TODAY, make_case

from desktop.letters.context import LetterSettings
from desktop.letters.recipients import load_directory
from desktop.letters.service import LetterService
from desktop.letters.templates import TemplateSet


@pytest.fixture
def case() -> dict[str, Any]:
    return make_case()


@pytest.fixture(scope="session")
def fixture_service() -> LetterService:
    """Service over the test recipients and test templates in tests/letters/data."""
    return LetterService(
        directory=load_directory(DATA / "recipients"),
        templates=TemplateSet([DATA / "letters"]),
    )


@pytest.fixture(scope="session")
def real_service() -> LetterService:
    """Service over the shipped recipients and templates (resources/)."""
    return LetterService()


@pytest.fixture
def settings() -> LetterSettings:
    return LetterSettings(
        org={"name": "Steppe Rights Test Group", "address_lines": ["1 Example Lane, Almaty"],
             "contact": "office@example.org", "co_sign": True},
        place="Almaty",
        today=TODAY,
    )  # fmt: skip
