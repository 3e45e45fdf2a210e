"""Encrypted attachment blobs: round trip, bounded chunks, and every tampering detected."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.errors import IntegrityError
from desktop.vault.blobs import CHUNK, MAGIC, BlobStore, check_name


@pytest.fixture
def store(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs", os.urandom(32))


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17])
def test_round_trip_sizes(store: BlobStore, size: int) -> None:
    data = os.urandom(size)
    name, sha, n = store.put_bytes(data)
    assert (sha, n) == (hashlib.sha256(data).hexdigest(), size)
    assert store.read_bytes(name) == data
    raw = store.path(name).read_bytes()
    assert raw.startswith(MAGIC)
    assert data[:64] not in raw[len(MAGIC) :] or size < 16


def test_put_file_streams_and_names_are_random(store: BlobStore, tmp_path: Path) -> None:
    src = tmp_path / "scan.bin"
    src.write_bytes(b"\x00" * (5 * CHUNK + 3))
    a = store.put_file(src)
    b = store.put_file(src)
    assert a[0] != b[0] and a[1:] == b[1:]
    assert all(len(c) <= CHUNK for c in store.read_chunks(a[0]))
    assert store.path(a[0]).read_bytes() != store.path(b[0]).read_bytes()


def test_wrong_key_and_missing(store: BlobStore, tmp_path: Path) -> None:
    name, _, _ = store.put_bytes(b"testimony")
    other = BlobStore(store.folder, os.urandom(32))
    with pytest.raises(IntegrityError):
        other.read_bytes(name)
    store.delete(name)
    assert not store.exists(name)


@pytest.mark.parametrize("bad", ["../vault.json", "ABC", "0" * 31, "/etc/passwd", "0" * 32 + "/"])
def test_names_cannot_escape(bad: str) -> None:
    with pytest.raises(IntegrityError):
        check_name(bad)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_flip_or_cut_is_detected(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    store = BlobStore(tmp_path_factory.mktemp("b"), b"k" * 32)
    name, _, _ = store.put_bytes(b"x" * (2 * CHUNK + 5))
    path = store.path(name)
    raw = bytearray(path.read_bytes())
    if data.draw(st.booleans()):
        pos = data.draw(st.integers(0, len(raw) - 1))
        raw[pos] ^= data.draw(st.integers(1, 255))
    else:
        raw = raw[: data.draw(st.integers(0, len(raw) - 1))]
    path.write_bytes(bytes(raw))
    with pytest.raises(IntegrityError):
        store.read_bytes(name)


def test_aborted_writer_leaves_nothing(store: BlobStore) -> None:
    with pytest.raises(RuntimeError), store.writer() as w:
        w.write(b"half")
        raise RuntimeError("disk pulled")
    assert list(store.folder.iterdir()) == []
