"""Device and HQ identities: an Ed25519 signing key and X25519 age identities.

Why two keys: age (X25519) gives confidentiality to HQ but says nothing about who wrote a
file — anyone with HQ's public recipient can encrypt to it. The Ed25519 signature over the
manifest says which device wrote the bundle. The fingerprint is derived from the Ed25519
public key only, so an HQ can rotate its age keys without changing the fingerprint people
compared by voice; the age recipients are bound to it by signatures (hq-key file, manifest).

Where the private keys live: inside the encrypted database (settings) for SQLCipher vaults;
in the sealed secrets of ``vault.json`` for an HQ whose store is PostgreSQL, so that the
database server never holds them.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.errors import IntegrityError, InvalidInputError

IDENTITY_KEY = "sync_identity"
_FP_CONTEXT = b"testimony-desk/v1/fingerprint\x00"
FINGERPRINT_CHARS = 32
_FP_RE = re.compile(r"^[A-Z2-7]{32}$")


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object, what: str) -> bytes:
    """Strict base64 (canonical spelling only); failures are integrity errors."""
    if not isinstance(text, str):
        raise IntegrityError(f"{what} is damaged")
    try:
        data = base64.b64decode(text, validate=True)
    except ValueError:
        raise IntegrityError(f"{what} is damaged") from None
    if b64(data) != text:
        raise IntegrityError(f"{what} is damaged")
    return data


def fingerprint(ed25519_public: bytes) -> str:
    """32 base32 characters (160 bits) of SHA-256 over the public signing key."""
    digest = hashlib.sha256(_FP_CONTEXT + ed25519_public).digest()[:20]
    return base64.b32encode(digest).decode("ascii")


def grouped(fp: str) -> str:
    """``ABCD EFGH …``: groups of four, for reading aloud and comparing by voice."""
    return " ".join(fp[i : i + 4] for i in range(0, len(fp), 4))


def parse_fingerprint(text: str) -> str:
    """Accept a fingerprint as ``sync whoami`` prints it: spaces ignored, any case."""
    fp = "".join(text.split()).upper()
    if not _FP_RE.fullmatch(fp):
        raise InvalidInputError(
            "not a device fingerprint: expected 32 letters A-Z and digits 2-7 "
            "(as 'sync whoami' prints them, spaces allowed)"
        )
    return fp


def public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def verify(public: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def recipient_id(recipient: str) -> str:
    """Short stable id of an age recipient (listed in manifests: the recipient binding)."""
    return hashlib.sha256(recipient.encode("ascii")).hexdigest()[:32]


def parse_recipient(text: object) -> pyrage.x25519.Recipient:
    if not isinstance(text, str) or not text.startswith("age1") or len(text) > 100:
        raise IntegrityError("an age recipient is malformed")
    try:
        return pyrage.x25519.Recipient.from_str(text)
    except Exception:
        raise IntegrityError("an age recipient is malformed") from None


@dataclass
class Identity:
    """Private keys of this vault. ``age`` holds every age identity, newest first;
    ``current`` says how many of the newest receive new bundles (the rest only decrypt)."""

    signing: Ed25519PrivateKey = field(repr=False)
    age: list[str] = field(repr=False)
    current: int = 1
    created: str = ""

    @classmethod
    def generate(cls) -> Identity:
        return cls(
            Ed25519PrivateKey.generate(), [str(pyrage.x25519.Identity.generate())], 1, now_utc()
        )

    @property
    def public(self) -> bytes:
        return public_bytes(self.signing.public_key())

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)

    def age_identities(self) -> list[pyrage.x25519.Identity]:
        return [pyrage.x25519.Identity.from_str(s) for s in self.age]

    def recipients(self) -> list[str]:
        """Public age recipients that new messages to this vault go to."""
        return [str(i.to_public()) for i in self.age_identities()[: self.current]]

    def all_recipients(self) -> list[str]:
        return [str(i.to_public()) for i in self.age_identities()]

    def sign(self, data: bytes) -> bytes:
        return self.signing.sign(data)

    def rotate(self) -> str:
        """A new age identity becomes current; the old ones stay to decrypt old bundles."""
        self.age.insert(0, str(pyrage.x25519.Identity.generate()))
        self.current = 1
        return self.recipients()[0]

    def to_json(self) -> dict[str, Any]:
        from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

        raw = self.signing.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return {
            "ed25519": b64(raw),
            "age": list(self.age),
            "current": self.current,
            "created": self.created,
        }

    @classmethod
    def from_json(cls, value: object) -> Identity:
        if not isinstance(value, dict):
            raise IntegrityError("the device identity is damaged")
        try:
            signing = Ed25519PrivateKey.from_private_bytes(
                unb64(value.get("ed25519"), "the device identity")
            )
            age = [str(s) for s in value["age"]]
            current = int(value.get("current", 1))
        except (KeyError, TypeError, ValueError):
            raise IntegrityError("the device identity is damaged") from None
        if not age or not 1 <= current <= len(age):
            raise IntegrityError("the device identity is damaged")
        return cls(signing, age, current, str(value.get("created", "")))


class IdentityStore(Protocol):
    def load(self) -> dict[str, Any] | None: ...

    def save(self, value: dict[str, Any]) -> None: ...


class SettingsIdentityStore:
    """SQLCipher vaults: the identity lives in the encrypted settings table."""

    def __init__(self, session: Any) -> None:
        self._store = session.store

    def load(self) -> dict[str, Any] | None:
        value = self._store.setting(IDENTITY_KEY)
        return value if isinstance(value, dict) else None

    def save(self, value: dict[str, Any]) -> None:
        self._store.set_setting(IDENTITY_KEY, value)


class SealedIdentityStore:
    """HQ on PostgreSQL: the identity lives in the sealed secrets of vault.json."""

    def __init__(self, session: Any) -> None:
        self._vault = session.vault
        self._unlocked = session.unlocked

    def load(self) -> dict[str, Any] | None:
        value = self._unlocked.sealed_secret(IDENTITY_KEY)
        return value if isinstance(value, dict) else None

    def save(self, value: dict[str, Any]) -> None:
        self._vault.update_sealed_secrets(self._unlocked, {IDENTITY_KEY: value})


def identity_store(session: Any) -> IdentityStore:
    if session.unlocked.db_url:
        return SealedIdentityStore(session)
    return SettingsIdentityStore(session)


def load_identity(session: Any) -> Identity:
    """This vault's identity, created on first need (vaults made before sync existed)."""
    store = identity_store(session)
    value = store.load()
    if value is None:
        identity = Identity.generate()
        store.save(identity.to_json())
        return identity
    return Identity.from_json(value)


def save_identity(session: Any, identity: Identity) -> None:
    identity_store(session).save(identity.to_json())
