"""The cryptographic wrappers: each one must really depend on every input it is given.

These are thin calls into ``cryptography`` and ``argon2-cffi``; what can go wrong is the
wiring (an ignored salt, a reused nonce, associated data not checked), so every test varies
one input and expects a different or refused result.
"""

from __future__ import annotations

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.errors import AuthError
from desktop.vault import crypto
from desktop.vault.recovery import (
    RECOVERY_BYTES,
    format_recovery_code,
    new_recovery_secret,
    parse_recovery_code,
)

FLOOR = crypto.Argon2Params(
    memory_kib=crypto.FLOOR_MEMORY_KIB,
    time_cost=crypto.FLOOR_TIME_COST,
    parallelism=crypto.FLOOR_PARALLELISM,
)
SALT = b"s" * crypto.SALT_BYTES


# ---------------------------------------------------------------------- Argon2 parameters
def test_design_costs_are_the_documented_ones() -> None:
    # DESIGN §4: default m=256 MiB t=3 p=4, floor 64 MiB t=3 p=4.
    default = crypto.Argon2Params()
    assert (default.memory_kib, default.time_cost, default.parallelism) == (256 * 1024, 3, 4)
    assert (FLOOR.memory_kib, FLOOR.time_cost, FLOOR.parallelism) == (64 * 1024, 3, 4)
    assert default.meets_floor() and default.within_bounds()
    assert FLOOR.meets_floor() and FLOOR.within_bounds()


@pytest.mark.parametrize(
    "params",
    [
        crypto.Argon2Params(memory_kib=64 * 1024 - 1, time_cost=3, parallelism=4),
        crypto.Argon2Params(memory_kib=64 * 1024, time_cost=2, parallelism=4),
        crypto.Argon2Params(memory_kib=64 * 1024, time_cost=3, parallelism=3),
        crypto.Argon2Params(memory_kib=8, time_cost=1, parallelism=1),
    ],
)
def test_each_parameter_below_the_floor_fails_the_floor(params: crypto.Argon2Params) -> None:
    assert not params.meets_floor()


@pytest.mark.parametrize(
    "params",
    [
        crypto.Argon2Params(memory_kib=crypto.MAX_MEMORY_KIB + 1),
        crypto.Argon2Params(time_cost=crypto.MAX_TIME_COST + 1),
        crypto.Argon2Params(parallelism=crypto.MAX_PARALLELISM + 1),
    ],
)
def test_absurd_parameters_are_out_of_bounds(params: crypto.Argon2Params) -> None:
    assert params.meets_floor()
    assert not params.within_bounds()


def test_bounds_are_inclusive() -> None:
    top = crypto.Argon2Params(
        memory_kib=crypto.MAX_MEMORY_KIB,
        time_cost=crypto.MAX_TIME_COST,
        parallelism=crypto.MAX_PARALLELISM,
    )
    assert top.within_bounds()


# ---------------------------------------------------------------------- Argon2id
def test_argon2id_is_deterministic_and_depends_on_every_input() -> None:
    key = crypto.argon2id(b"correct horse battery staple", SALT, FLOOR)
    assert len(key) == crypto.KEY_BYTES
    assert crypto.argon2id(b"correct horse battery staple", SALT, FLOOR) == key
    variants = {
        crypto.argon2id(b"correct horse battery stapl3", SALT, FLOOR),
        crypto.argon2id(b"correct horse battery staple", b"t" * crypto.SALT_BYTES, FLOOR),
        crypto.argon2id(
            b"correct horse battery staple",
            SALT,
            crypto.Argon2Params(memory_kib=FLOOR.memory_kib + 1024, time_cost=3, parallelism=4),
        ),
        crypto.argon2id(
            b"correct horse battery staple",
            SALT,
            crypto.Argon2Params(memory_kib=FLOOR.memory_kib, time_cost=4, parallelism=4),
        ),
    }
    assert key not in variants
    assert len(variants) == 4


def test_argon2id_is_the_id_variant_with_the_reference_output() -> None:
    # Cross-check against argon2-cffi's own high-level API: same parameters, type ID.
    from argon2.low_level import Type, hash_secret_raw

    expected = hash_secret_raw(
        b"pw-for-crosscheck", SALT, time_cost=3, memory_cost=65536, parallelism=4,
        hash_len=32, type=Type.ID,
    )  # fmt: skip
    assert crypto.argon2id(b"pw-for-crosscheck", SALT, FLOOR) == expected
    not_expected = hash_secret_raw(
        b"pw-for-crosscheck", SALT, time_cost=3, memory_cost=65536, parallelism=4,
        hash_len=32, type=Type.I,
    )  # fmt: skip
    assert crypto.argon2id(b"pw-for-crosscheck", SALT, FLOOR) != not_expected


# ---------------------------------------------------------------------- HKDF
def test_hkdf_separates_purposes_and_salts() -> None:
    master = bytes(range(32))
    db = crypto.hkdf(master, "testimony-desk/v1/sqlcipher")
    assert len(db) == 32
    assert crypto.hkdf(master, "testimony-desk/v1/sqlcipher") == db
    assert crypto.hkdf(master, "testimony-desk/v1/blobs") != db
    assert crypto.hkdf(master, "testimony-desk/v1/sqlcipher", salt=b"x" * 16) != db
    assert crypto.hkdf(bytes(32), "testimony-desk/v1/sqlcipher") != db
    assert db != master
    assert len(crypto.hkdf(master, "n", length=64)) == 64


def test_hkdf_info_must_be_ascii() -> None:
    # The info label is a code constant; non-ASCII would mean a typo'd purpose string.
    with pytest.raises(UnicodeEncodeError):
        crypto.hkdf(bytes(32), "ключ")


# ---------------------------------------------------------------------- AES-GCM
def test_seal_round_trip_with_fresh_nonces() -> None:
    key = crypto.random_bytes(32)
    nonce1, ct1 = crypto.seal(key, b"master key bytes", b"ad")
    nonce2, ct2 = crypto.seal(key, b"master key bytes", b"ad")
    assert len(nonce1) == crypto.NONCE_BYTES
    assert nonce1 != nonce2 and ct1 != ct2
    assert b"master key bytes" not in ct1
    assert crypto.open_sealed(key, nonce1, ct1, b"ad") == b"master key bytes"
    assert crypto.open_sealed(key, nonce2, ct2, b"ad") == b"master key bytes"


def test_open_sealed_refuses_any_change() -> None:
    key = crypto.random_bytes(32)
    nonce, ct = crypto.seal(key, b"secret", b"header")
    flipped = bytes([ct[0] ^ 1]) + ct[1:]
    cases = [
        (crypto.random_bytes(32), nonce, ct, b"header"),  # wrong key
        (key, nonce, ct, b"header2"),  # associated data changed
        (key, nonce, flipped, b"header"),  # ciphertext changed
        (key, bytes([nonce[0] ^ 1]) + nonce[1:], ct, b"header"),  # nonce changed
        (key, nonce, ct[:-1], b"header"),  # tag cut
        (key, b"short", ct, b"header"),  # malformed nonce: ValueError inside
    ]
    for args in cases:
        with pytest.raises(crypto.DecryptionFailed):
            crypto.open_sealed(*args)


# ---------------------------------------------------------------------- MAC
def test_mac_detects_changes_and_compares_in_constant_time() -> None:
    key = b"k" * 32
    tag = crypto.mac(key, b'{"kind":"field"}')
    assert len(tag) == 32
    assert crypto.mac_equal(tag, crypto.mac(key, b'{"kind":"field"}'))
    assert not crypto.mac_equal(tag, crypto.mac(key, b'{"kind":"hq"}'))
    assert not crypto.mac_equal(tag, crypto.mac(b"j" * 32, b'{"kind":"field"}'))
    assert not crypto.mac_equal(tag, tag[:-1])


def test_random_bytes_are_random() -> None:
    values = {crypto.random_bytes(16) for _ in range(32)}
    assert len(values) == 32
    assert all(len(v) == 16 for v in values)


# ---------------------------------------------------------------------- recovery codes
def test_recovery_code_shape() -> None:
    secret = new_recovery_secret()
    assert len(secret) == RECOVERY_BYTES
    code = format_recovery_code(secret)
    groups = code.split("-")
    assert len(groups) == 8
    assert all(len(g) == 4 for g in groups)
    assert all(ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" for ch in code.replace("-", ""))
    assert parse_recovery_code(code) == secret


def test_recovery_code_forgives_case_separators_and_lookalikes() -> None:
    # A secret whose code contains O, I and B, the letters people copy as 0, 1 and 8.
    secret = base64.b32decode("OIB2" * 8)
    code = format_recovery_code(secret)
    assert code == "-".join(["OIB2"] * 8)
    for typed in (
        code.lower(),
        code.replace("-", ""),
        code.replace("-", " "),
        "  " + code.replace("-", " - ") + "\n",
        code.replace("O", "0").replace("I", "1").replace("B", "8"),
        code.lower().replace("o", "0").replace("i", "1").replace("b", "8").replace("-", ""),
    ):
        assert parse_recovery_code(typed) == secret, typed


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "ABCD-EFGH",  # too short
        "-".join(["ABCD"] * 9),  # too long
        "-".join(["ABC9"] * 8),  # 9 is not base32
        "-".join(["ЖЖЖЖ"] * 8),  # letters, but not Latin
    ],
)
def test_malformed_recovery_codes_are_auth_errors(bad: str) -> None:
    with pytest.raises(AuthError):
        parse_recovery_code(bad)


@settings(max_examples=200, deadline=None)
@given(
    secret=st.binary(min_size=RECOVERY_BYTES, max_size=RECOVERY_BYTES),
    separator=st.sampled_from(["-", " ", "", "  ", " - "]),
    lower=st.booleans(),
)
def test_recovery_code_round_trips(secret: bytes, separator: str, lower: bool) -> None:
    code = format_recovery_code(secret)
    typed = code.replace("-", separator)
    if lower:
        typed = typed.lower()
    assert parse_recovery_code(typed) == secret
