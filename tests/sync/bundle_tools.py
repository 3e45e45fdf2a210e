"""Test helpers that take a real bundle apart and put a modified one together.

They play the attacker (or a buggy device): decrypt with HQ's identity as if the plaintext
had leaked, change frames, optionally re-sign with some key, re-encrypt to any recipient.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyrage

from desktop.sync import bundle as fmt
from desktop.sync.identity import Identity, load_identity
from desktop.vault.vaultfile import canonical_json


def decrypt(hq_session: Any, path: Path) -> bytes:
    return bytes(pyrage.decrypt(path.read_bytes(), load_identity(hq_session).age_identities()))


def split(inner: bytes) -> list[tuple[bytes, bytes]]:
    assert inner.startswith(fmt.MAGIC)
    pos = len(fmt.MAGIC)
    frames = []
    while True:
        kind = inner[pos : pos + 1]
        n = int.from_bytes(inner[pos + 1 : pos + 5], "big")
        frames.append((kind, inner[pos + 5 : pos + 5 + n]))
        pos += 5 + n
        if kind == b"E":
            return frames


def join(frames: list[tuple[bytes, bytes]], *, pad: bool = True) -> bytes:
    body = fmt.MAGIC + b"".join(fmt.frame(k, p) for k, p in frames)
    if pad:
        body += bytes(fmt.padded_size(len(body)) - len(body))
    return body


def manifest_of(frames: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(frames[0][1])
    return value


def resign(
    frames: list[tuple[bytes, bytes]], manifest: dict[str, Any], key: Identity
) -> list[tuple[bytes, bytes]]:
    raw = canonical_json(manifest)
    return [(b"M", raw), (b"S", key.sign(fmt.SIGN_CONTEXT + raw)), *frames[2:]]


def encrypt_to(session: Any, inner: bytes, out: Path) -> Path:
    recipients = [pyrage.x25519.Recipient.from_str(r) for r in load_identity(session).recipients()]
    out.write_bytes(pyrage.encrypt(inner, recipients))
    return out
