"""Fuzz the importer's decrypted layer: mutated bytes, manifests and records.

Why: a bundle comes from a USB stick or a synced folder that other people can touch, and a
field device may run a buggy or newer version. Whatever the plaintext inside a correctly
encrypted file, the importer must answer with a typed error (one calm ``error:`` line, exit
4 or 5), never a traceback, and must not allocate memory in proportion to what a frame
claims. Mutations are re-signed with the real device key where that lets them reach the
record parser, so the deep layers are exercised too.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from bundle_tools import decrypt, encrypt_to, join, manifest_of, split
from conftest import attach, make_pair, synth_cases
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.errors import TestimonyDeskError as TDError
from desktop.sync import bundle as fmt
from desktop.sync import service
from desktop.sync.identity import load_identity
from desktop.vault.vaultfile import canonical_json

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_counter = itertools.count(1000)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("fuzz")
    pair = make_pair(folder)
    docs = synth_cases(2, seed=31)
    pair.field.store.cases.save(docs)
    attach(pair.field, docs[0]["id"], "护照.png", b"\x00\x01" * 5000)
    frames = split(decrypt(pair.hq, pair.export()))
    yield pair, frames, load_identity(pair.field), folder
    pair.field.lock()
    pair.hq.lock()


def paths_of(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(paths_of(v, (*prefix, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.extend(paths_of(v, (*prefix, i)))
    return out


def mutate(value: Any, data: st.DataObject) -> Any:
    paths = [p for p in paths_of(value) if p]
    path = data.draw(st.sampled_from(paths))
    parent = value
    for key in path[:-1]:
        parent = parent[key]
    action = data.draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "delete":
        del parent[path[-1]]
    elif action == "add" and isinstance(parent, dict):
        parent[data.draw(st.text(max_size=8))] = data.draw(JSON)
    else:
        parent[path[-1]] = data.draw(JSON)
    return value


def attempt(pair: Any, inner: bytes, folder: Path) -> None:
    path = encrypt_to(pair.hq, inner, folder / f"fuzz-{next(_counter)}.tdb")
    tracemalloc.start()
    try:
        service.import_bundle(pair.hq, path)
    except TDError as exc:
        assert exc.exit_code in (0, 4, 5), exc
        assert str(exc) and "\n" not in str(exc)
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        path.unlink()
    assert peak < 64 * 1024 * 1024


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    print_blob=False,
)
@given(st.data())
def test_fuzz_bytes_of_the_decrypted_layer(world: Any, data: st.DataObject) -> None:
    pair, frames, _key, folder = world
    inner = bytearray(join(frames))
    for _ in range(data.draw(st.integers(1, 4))):
        op = data.draw(st.sampled_from(["flip", "cut", "insert", "length"]))
        pos = data.draw(st.integers(0, max(0, len(inner) - 1)))
        if op == "flip" and inner:
            inner[pos] ^= data.draw(st.integers(1, 255))
        elif op == "cut":
            del inner[pos : pos + data.draw(st.integers(1, 5000))]
        elif op == "insert":
            inner[pos:pos] = data.draw(st.binary(min_size=1, max_size=64))
        else:  # rewrite a frame length field with an extreme value
            inner[pos : pos + 4] = data.draw(st.integers(0, 2**32 - 1)).to_bytes(4, "big")
    attempt(pair, bytes(inner), folder)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    print_blob=False,
)
@given(st.data())
def test_fuzz_signed_manifests_and_records(world: Any, data: st.DataObject) -> None:
    pair, frames, key, folder = world
    manifest = manifest_of(frames)
    manifest["sequence"] = next(_counter)  # fresh: reach past the replay check
    rest = list(frames[2:])
    if data.draw(st.booleans()):
        manifest = mutate(manifest, data)
    else:
        records = [i for i, f in enumerate(rest) if f[0] == b"R"]
        i = data.draw(st.sampled_from(records))
        record = mutate(json.loads(rest[i][1]), data)
        raw = canonical_json(record)
        rest[i] = (b"R", raw)
        manifest["records"][i]["sha256"] = hashlib.sha256(raw).hexdigest()
        manifest["records"][i]["size"] = len(raw)
    try:
        raw_manifest = canonical_json(manifest)
    except (TypeError, ValueError):
        return
    signature = key.sign(fmt.SIGN_CONTEXT + raw_manifest)
    attempt(pair, join([(b"M", raw_manifest), (b"S", signature), *rest]), folder)
