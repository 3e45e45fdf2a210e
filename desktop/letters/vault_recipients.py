"""An organisation's own recipients, kept in the vault (encrypted settings table).

An HQ or a field office writes to institutions the shipped directory does not have (a
regional ombudsman, an embassy, a lawyer). They are imported from a YAML file with the same
schema and the same strict checks as ``resources/recipients/*.yaml`` and stored in the
vault's ``recipients`` setting — never as a plain file on the laptop, because who an
organisation writes to says something about whom it helps. A vault entry with the id of a
shipped one replaces it (an office that has a newer address).

The YAML file holds one recipient (a mapping) or several (a list of mappings).
"""

from __future__ import annotations

from typing import Any

import yaml

from desktop.errors import InvalidInputError
from desktop.letters.recipients import (
    Recipient,
    RecipientDirectory,
    default_sources,
    load_directory,
    parse_recipient,
)

__all__ = [
    "SETTING_KEY",
    "directory_for",
    "import_recipients",
    "parse_recipients_yaml",
    "stored_recipients",
]

SETTING_KEY = "recipients"
MAX_FILE_BYTES = 1024 * 1024
MAX_RECIPIENTS = 1000


def parse_recipients_yaml(text: str | bytes, origin: str) -> list[Recipient]:
    """Validate a YAML document of one or more recipients; errors name ``origin``, the entry
    and the key (``file.yaml: [2] address.ru: missing``)."""
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise InvalidInputError("larger than 1 MiB: not a recipient file", source=origin)
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidInputError("not UTF-8 text", source=origin) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InvalidInputError("not valid YAML", source=origin, line=line) from None
    except RecursionError:
        raise InvalidInputError("not valid YAML (nested too deeply)", source=origin) from None
    if data is None:
        raise InvalidInputError("the file holds no recipient", source=origin)
    items = data if isinstance(data, list) else [data]
    if len(items) > MAX_RECIPIENTS:
        raise InvalidInputError(f"more than {MAX_RECIPIENTS} recipients", source=origin)
    several = isinstance(data, list)
    found: list[Recipient] = []
    seen: set[str] = set()
    for i, item in enumerate(items, 1):
        where = f"{origin}: [{i}]" if several else origin
        recipient = parse_recipient(item, where)
        if recipient.id in seen:
            raise InvalidInputError(f"{where}: id: {recipient.id} is in the file twice")
        seen.add(recipient.id)
        found.append(recipient)
    if not found:
        raise InvalidInputError("the file holds no recipient", source=origin)
    return found


def _to_setting(r: Recipient) -> dict[str, Any]:
    data = r.as_json()
    # Only the keys the schema knows, without empty optional ones (parse_recipient
    # reads the stored entries back with the same checks).
    return {k: v for k, v in data.items() if v is not None}


def stored_recipients(store: Any) -> list[dict[str, Any]]:
    raw = store.setting(SETTING_KEY)
    if not isinstance(raw, list):
        return []
    return [dict(x) for x in raw if isinstance(x, dict)]


def import_recipients(store: Any, text: str | bytes, origin: str) -> list[Recipient]:
    """Validate and store; an entry with an id already in the vault replaces it.

    All or nothing: one bad entry and nothing is stored.
    """
    new = parse_recipients_yaml(text, origin)
    by_id = {str(d.get("id")): d for d in stored_recipients(store)}
    for r in new:
        by_id[r.id] = _to_setting(r)
    store.set_setting(SETTING_KEY, [by_id[k] for k in sorted(by_id)])
    return new


def remove_recipient(store: Any, rid: str) -> bool:
    kept = [d for d in stored_recipients(store) if d.get("id") != rid]
    if len(kept) == len(stored_recipients(store)):
        return False
    store.set_setting(SETTING_KEY, kept)
    return True


def vault_ids(store: Any) -> set[str]:
    return {str(d.get("id")) for d in stored_recipients(store)}


def directory_for(store: Any | None) -> RecipientDirectory:
    """The shipped directory (and $TESTIMONY_DESK_RECIPIENTS folders), then the vault's."""
    if store is None:
        return load_directory()
    pairs = [(f"vault recipient {d.get('id')}", d) for d in stored_recipients(store)]
    return load_directory(*default_sources(), pairs)
