"""Thin wrappers over vetted primitives (``cryptography``, ``argon2-cffi``).

Nothing here invents cryptography: Argon2id stretches passphrases, HKDF-SHA256 derives
sub-keys, AES-256-GCM wraps keys with associated data, HMAC-SHA256 authenticates the
vault header. Keeping the calls in one module makes the choices easy to audit.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16

# DESIGN §4: default m=256 MiB t=3 p=4; a slot below the floor m=64 MiB t=3 p=4 is refused.
DEFAULT_MEMORY_KIB = 256 * 1024
FLOOR_MEMORY_KIB = 64 * 1024
DEFAULT_TIME_COST = 3
FLOOR_TIME_COST = 3
DEFAULT_PARALLELISM = 4
FLOOR_PARALLELISM = 4
# Upper bounds stop a tampered vault.json from making unlock allocate absurd memory.
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_TIME_COST = 64
MAX_PARALLELISM = 64


class DecryptionFailed(Exception):
    """An AEAD tag did not verify: wrong key, or the data was changed."""


@dataclass(frozen=True)
class Argon2Params:
    """Cost parameters stored in each passphrase slot, so they can grow over time."""

    memory_kib: int = DEFAULT_MEMORY_KIB
    time_cost: int = DEFAULT_TIME_COST
    parallelism: int = DEFAULT_PARALLELISM

    def meets_floor(self) -> bool:
        return (
            self.memory_kib >= FLOOR_MEMORY_KIB
            and self.time_cost >= FLOOR_TIME_COST
            and self.parallelism >= FLOOR_PARALLELISM
        )

    def within_bounds(self) -> bool:
        return (
            self.memory_kib <= MAX_MEMORY_KIB
            and self.time_cost <= MAX_TIME_COST
            and self.parallelism <= MAX_PARALLELISM
        )


def random_bytes(n: int) -> bytes:
    return os.urandom(n)


def argon2id(secret: bytes, salt: bytes, params: Argon2Params) -> bytes:
    """Stretch a passphrase into a 256-bit key-encryption key."""
    return hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def hkdf(key: bytes, info: str, salt: bytes | None = None, length: int = KEY_BYTES) -> bytes:
    """Derive an independent sub-key; ``info`` names its single purpose."""
    return HKDF(
        algorithm=hashes.SHA256(), length=length, salt=salt, info=info.encode("ascii")
    ).derive(key)


def seal(key: bytes, plaintext: bytes, associated_data: bytes) -> tuple[bytes, bytes]:
    """AES-256-GCM with a fresh random nonce; returns (nonce, ciphertext+tag)."""
    nonce = random_bytes(NONCE_BYTES)
    return nonce, AESGCM(key).encrypt(nonce, plaintext, associated_data)


def open_sealed(key: bytes, nonce: bytes, ciphertext: bytes, associated_data: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, associated_data)
    except (InvalidTag, ValueError) as exc:
        raise DecryptionFailed from exc


def mac(key: bytes, data: bytes) -> bytes:
    return hmac.new(key, data, hashlib.sha256).digest()


def mac_equal(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)
