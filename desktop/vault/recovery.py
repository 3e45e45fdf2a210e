"""Recovery codes: a random secret shown once at ``init`` and usable instead of the passphrase.

The code carries 160 random bits, so it needs no slow KDF (HKDF is enough); it is written in
base32 groups of four so it can be printed, read aloud and typed without ambiguity.
"""

from __future__ import annotations

import base64

from desktop.errors import AuthError
from desktop.vault.crypto import random_bytes

RECOVERY_BYTES = 20  # 160 bits -> 32 base32 characters
GROUP = 4

# Characters people confuse with base32 letters when copying a printed code by hand.
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


def new_recovery_secret() -> bytes:
    return random_bytes(RECOVERY_BYTES)


def format_recovery_code(secret: bytes) -> str:
    """``ABCD-EFGH-…``: eight groups of four characters."""
    text = base64.b32encode(secret).decode("ascii").rstrip("=")
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def parse_recovery_code(code: str) -> bytes:
    """Accept the code with or without separators, in any case, with common look-alikes."""
    compact = "".join(ch for ch in code.upper() if ch.isalnum()).translate(_LOOKALIKES)
    if len(compact) != 32:
        raise AuthError("a recovery key has 32 characters (8 groups of 4)")
    try:
        secret = base64.b32decode(compact)
    except ValueError as exc:
        raise AuthError("this is not a valid recovery key") from exc
    return secret
