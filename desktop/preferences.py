"""Vault-scoped preferences: one typed view over the encrypted ``settings`` table.

Why in the vault and not in QSettings: the letterhead names the organisation and its
address, which can identify the field worker; nothing that says who uses this laptop may
sit in a plaintext config file. The only preference that must be readable *before* unlock
(the interface language, so the unlock dialog speaks it) lives in the plain app config
instead, see ``desktop.ui.app_config`` - it says nothing about cases or people.

Every value is validated on read as well as on write: a settings row written by an older
or newer version, or edited by hand, falls back to the default instead of breaking unlock.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from desktop.errors import InvalidInputError

AUTO_LOCK_DEFAULT_MINUTES = 10
AUTO_LOCK_MAX_MINUTES = 24 * 60
ATTACHMENT_LIMIT_DEFAULT = 2 * 1024**3  # 2 GiB per file (issue: configurable)
LETTER_LANGUAGES = ("kk", "ru", "en")
LOGO_MAX_BYTES = 2 * 1024**2

KEY = "preferences"
LETTERHEAD_KEY = "letterhead"  # read by desktop.letters.service.settings_from_store


class SettingsStore(Protocol):
    def setting(self, key: str, default: Any = None) -> Any: ...

    def set_setting(self, key: str, value: Any) -> None: ...


@dataclass(frozen=True)
class Letterhead:
    """The organisation block at the top of every letter (all optional but the name)."""

    name: str = ""
    address_lines: tuple[str, ...] = ()
    contact: str = ""
    place: str = ""  # the town printed before the date ("Almaty, 3 March 2026")
    co_sign: bool = False
    logo_png: bytes | None = None  # kept inside the vault, never as a file

    def to_setting(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "address_lines": list(self.address_lines),
            "contact": self.contact or None,
            "place": self.place or None,
            "co_sign": self.co_sign,
            "logo_png_hex": self.logo_png.hex() if self.logo_png else None,
        }

    @classmethod
    def from_setting(cls, value: Any) -> Letterhead:
        if not isinstance(value, dict):
            return cls()
        lines = value.get("address_lines") or []
        logo_hex = value.get("logo_png_hex")
        try:
            logo = bytes.fromhex(logo_hex) if isinstance(logo_hex, str) and logo_hex else None
        except ValueError:
            logo = None
        return cls(
            name=str(value.get("name") or ""),
            address_lines=tuple(str(x) for x in lines if isinstance(x, str | int)),
            contact=str(value.get("contact") or ""),
            place=str(value.get("place") or ""),
            co_sign=bool(value.get("co_sign", False)),
            logo_png=logo,
        )


@dataclass(frozen=True)
class Preferences:
    auto_lock_minutes: int = AUTO_LOCK_DEFAULT_MINUTES  # 0 = never (discouraged, allowed)
    default_letter_language: str = "ru"
    attachment_limit_bytes: int = ATTACHMENT_LIMIT_DEFAULT
    quick_delete_in_toolbar: bool = False
    letterhead: Letterhead = field(default_factory=Letterhead)

    def validated(self) -> Preferences:
        """Raise InvalidInputError naming the field when a value is out of range."""
        if not 0 <= self.auto_lock_minutes <= AUTO_LOCK_MAX_MINUTES:
            raise InvalidInputError(
                f"auto_lock_minutes: must be between 0 and {AUTO_LOCK_MAX_MINUTES}"
            )
        if self.default_letter_language not in LETTER_LANGUAGES:
            raise InvalidInputError(
                f"default_letter_language: must be one of {', '.join(LETTER_LANGUAGES)}"
            )
        if self.attachment_limit_bytes < 1:
            raise InvalidInputError("attachment_limit_bytes: must be positive")
        if self.letterhead.logo_png is not None and len(self.letterhead.logo_png) > LOGO_MAX_BYTES:
            raise InvalidInputError(f"letterhead logo: larger than {LOGO_MAX_BYTES // 1024**2} MiB")
        return self


def load(store: SettingsStore) -> Preferences:
    """Read preferences; anything missing or malformed takes its default."""
    raw = store.setting(KEY)
    raw = raw if isinstance(raw, dict) else {}
    defaults = Preferences()
    prefs = Preferences(
        auto_lock_minutes=_int(raw.get("auto_lock_minutes"), defaults.auto_lock_minutes),
        default_letter_language=str(
            raw.get("default_letter_language") or defaults.default_letter_language
        ),
        attachment_limit_bytes=_int(
            raw.get("attachment_limit_bytes"), defaults.attachment_limit_bytes
        ),
        quick_delete_in_toolbar=bool(raw.get("quick_delete_in_toolbar", False)),
        letterhead=Letterhead.from_setting(store.setting(LETTERHEAD_KEY)),
    )
    try:
        return prefs.validated()
    except InvalidInputError:
        return _repair(prefs, defaults)


def save(store: SettingsStore, prefs: Preferences) -> None:
    prefs.validated()
    store.set_setting(
        KEY,
        {
            "auto_lock_minutes": prefs.auto_lock_minutes,
            "default_letter_language": prefs.default_letter_language,
            "attachment_limit_bytes": prefs.attachment_limit_bytes,
            "quick_delete_in_toolbar": prefs.quick_delete_in_toolbar,
        },
    )
    store.set_setting(LETTERHEAD_KEY, prefs.letterhead.to_setting())


def _int(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _repair(prefs: Preferences, defaults: Preferences) -> Preferences:
    """Replace each invalid field by its default, keep the valid ones."""
    for name in ("auto_lock_minutes", "default_letter_language", "attachment_limit_bytes"):
        alone = replace(defaults, **{name: getattr(prefs, name)})
        if _invalid(alone):
            prefs = replace(prefs, **{name: getattr(defaults, name)})
    if _invalid(prefs):  # what is left can only be the logo
        prefs = replace(prefs, letterhead=replace(prefs.letterhead, logo_png=None))
    return prefs


def _invalid(prefs: Preferences) -> bool:
    try:
        prefs.validated()
    except InvalidInputError:
        return True
    return False
