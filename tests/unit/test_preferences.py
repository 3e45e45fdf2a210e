"""Vault preferences: defaults, round trip, and repair of malformed stored values."""

from __future__ import annotations

from typing import Any

import pytest

from desktop import preferences
from desktop.errors import InvalidInputError
from desktop.preferences import Letterhead, Preferences


class DictStore:
    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def setting(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        self.values[key] = value


def test_defaults_when_nothing_stored() -> None:
    prefs = preferences.load(DictStore())
    assert prefs.auto_lock_minutes == 10
    assert prefs.attachment_limit_bytes == 2 * 1024**3
    assert prefs.letterhead == Letterhead()


def test_round_trip_including_logo() -> None:
    store = DictStore()
    head = Letterhead(
        name="Атажұрт",
        address_lines=("Алматы",),
        contact="x@example.org",
        place="Алматы",
        logo_png=b"\x89PNG\r\n",
    )
    prefs = Preferences(auto_lock_minutes=3, default_letter_language="kk", letterhead=head)
    preferences.save(store, prefs)
    assert preferences.load(store) == prefs
    # The letters service reads the same key.
    assert store.values["letterhead"]["name"] == "Атажұрт"


@pytest.mark.parametrize(
    "bad",
    [
        {"auto_lock_minutes": -1},
        {"auto_lock_minutes": "ten"},
        {"default_letter_language": "xx"},
        {"attachment_limit_bytes": 0},
        "not a dict",
    ],
)
def test_malformed_values_fall_back_to_defaults(bad: Any) -> None:
    store = DictStore()
    store.values["preferences"] = bad
    if isinstance(bad, dict):
        store.values["preferences"] = {**bad, "quick_delete_in_toolbar": True}
    prefs = preferences.load(store)
    assert prefs.validated() is prefs
    if isinstance(bad, dict):
        assert prefs.quick_delete_in_toolbar is True  # valid fields are kept


def test_save_refuses_invalid_values_with_the_field_named() -> None:
    with pytest.raises(InvalidInputError, match="auto_lock_minutes"):
        preferences.save(DictStore(), Preferences(auto_lock_minutes=100000))
