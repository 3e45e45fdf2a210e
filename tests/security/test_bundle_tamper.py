"""Single-bit flips in a sync bundle: every one refused (exit 5), nothing imported.

The soak (bench/bundle_tamper_soak.py --flips 1000) runs the same with more flips; here a
seeded sample of 120 random flips plus every bit of three bytes in each region of the age
header (version line, recipient stanza, MAC), so the test covers the header's kinds of
bytes every time. After all of them the untouched bundle still imports: the HQ was not
left in a state that refuses good bundles.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from bundle_flips import BundlePair, flip_and_import, hq_case_count, make_bundle, run_flips

from desktop.sync import service


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> BundlePair:
    folder = tmp_path_factory.mktemp("bundle-flips")
    p = make_bundle(folder, 12, random.Random(2024))
    yield p  # type: ignore[misc]
    p.lock()


def test_random_bit_flips_are_all_refused(pair: BundlePair, tmp_path: Path) -> None:
    stats = run_flips(pair, tmp_path, 120, random.Random(7))
    assert stats.problems == []
    assert stats.detected == stats.flips == 120
    assert hq_case_count(pair) == 0


def test_every_bit_of_sampled_header_bytes_is_refused(pair: BundlePair, tmp_path: Path) -> None:
    header = pair.bundle[: pair.header_len]
    stanza = header.index(b"-> ")
    mac = header.index(b"\n---") + 1
    offsets = [0, 5, 21, stanza + 1, stanza + 5, stanza + 20, mac + 1, mac + 6, mac + 30]
    verdicts = {(o, b): flip_and_import(pair, tmp_path, o, b) for o in offsets for b in range(8)}
    bad = {k: v for k, v in verdicts.items() if v != "detected (exit 5)"}
    assert bad == {}
    assert hq_case_count(pair) == 0


def test_the_untouched_bundle_still_imports_after_the_flips(
    pair: BundlePair, tmp_path: Path
) -> None:
    path = tmp_path / "good.tdb"
    path.write_bytes(pair.bundle)
    result = service.import_bundle(pair.hq, path)
    assert not result.already
    assert hq_case_count(pair) == pair.cases
