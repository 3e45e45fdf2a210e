"""Tests of the synthetic case generator (bench/synth.py).

Benchmarks, leak tests and demos all stand on this generator, so it must (1) only ever emit
cases the application accepts — in exactly the canonical form, so round trips can be
compared byte for byte — (2) be reproducible across processes, and (3) actually contain the
variety it promises (scripts, vague dates, consent refusals), or the tests built on it would
silently test less than they claim.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import itertools
import json
import os
import re
import statistics
import subprocess
import sys
import tracemalloc
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.edtf import parse_edtf
from desktop.domain.names import detect_script
from desktop.interchange.case_format import normalize_case
from desktop.interchange.case_json import dump_cases, load_cases

ROOT = Path(__file__).resolve().parents[2]
SYNTH = ROOT / "bench" / "synth.py"


def _load_synth() -> ModuleType:
    # bench/ is not a package (it is run as a script); load it by path under a private name.
    spec = importlib.util.spec_from_file_location("_bench_synth", SYNTH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["_bench_synth"] = module
    spec.loader.exec_module(module)
    return module


synth = _load_synth()


def _cases(n: int, seed: int = 1, **kw: Any) -> list[dict[str, Any]]:
    return list(synth.generate_cases(n, seed, **kw))


def _bytes(n: int, seed: int = 1, fmt: str = "jsonl", **kw: Any) -> bytes:
    buf = io.BytesIO()
    synth.dump_stream(synth.generate_cases(n, seed, **kw), buf, fmt)
    return buf.getvalue()


def _run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, str(SYNTH), *args],
        capture_output=True,
        env=full_env,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def sample() -> list[dict[str, Any]]:
    return _cases(500, seed=7)


# --- determinism ---------------------------------------------------------------------------


def test_same_seed_gives_same_bytes_across_processes() -> None:
    # Different hash seeds would expose any iteration over a set or dict of str keys.
    a = _run_cli("150", "--seed", "42", env={"PYTHONHASHSEED": "1"})
    b = _run_cli("150", "--seed", "42", env={"PYTHONHASHSEED": "2"})
    assert a.returncode == 0, a.stderr
    assert b.returncode == 0, b.stderr
    assert a.stdout == b.stdout
    assert a.stdout == _bytes(150, 42)
    assert a.stdout.count(b"\n") == 150


def test_different_seeds_differ() -> None:
    a, b = _cases(20, seed=1), _cases(20, seed=2)
    assert a != b
    assert {c["id"] for c in a}.isdisjoint(c["id"] for c in b)
    assert [c["testimonies"][0]["narrative"] for c in a] != [
        c["testimonies"][0]["narrative"] for c in b
    ]


def test_a_prefix_does_not_depend_on_n() -> None:
    # Benchmarks at 1,000 and 100,000 cases share their first 1,000 cases.
    assert _cases(30, seed=3)[:10] == _cases(10, seed=3)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**63))
def test_any_seed_gives_canonical_deterministic_cases(seed: int) -> None:
    first = _cases(4, seed)
    assert first == _cases(4, seed)
    for i, case in enumerate(first):
        assert normalize_case(case, source="synth", index=i) == case


# --- validity ------------------------------------------------------------------------------


def test_cases_normalize_to_themselves(sample: list[dict[str, Any]]) -> None:
    for i, case in enumerate(sample):
        assert normalize_case(case, source="synth", index=i) == case, f"case {i}"


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_output_loads_and_dumps_back_identically(fmt: str) -> None:
    data = _bytes(200, 5, fmt)
    loaded = load_cases(data, source=f"synth.{fmt}")
    assert loaded == _cases(200, 5)
    assert dump_cases(loaded, fmt) == data  # type: ignore[arg-type]


def test_json_array_and_empty_outputs() -> None:
    assert json.loads(_bytes(3, 9, "json")) == _cases(3, 9)
    assert _bytes(0, 9, "json") == b"[]\n"
    assert _bytes(0, 9, "jsonl") == b""
    with pytest.raises(ValueError):
        list(synth.generate_cases(-1))


def test_ids_and_references_are_unique_and_well_formed() -> None:
    cases = _cases(2000, seed=11)
    ids = [c["id"] for c in cases]
    refs = [c["reference"] for c in cases]
    assert len(set(ids)) == len(ids)
    assert len(set(refs)) == len(refs)
    for case_id in ids:
        assert str(uuid.UUID(case_id)) == case_id
        assert uuid.UUID(case_id).version == 4
    for i, ref in enumerate(refs):
        m = re.fullmatch(r"TD-(\d{4})-(\d{6})", ref)
        assert m is not None, ref
        assert int(m.group(2)) == i + 1
        assert 2016 <= int(m.group(1)) <= 2022


def test_every_date_is_valid_edtf_in_range(sample: list[dict[str, Any]]) -> None:
    lo, hi = dt.date(2016, 1, 1), dt.date(2021, 12, 31)
    kinds: Counter[str] = Counter()
    for case in sample:
        for ev in case["events"]:
            if "date" not in ev:
                kinds["none"] += 1
                continue
            d = parse_edtf(ev["date"])
            assert lo <= d.lower <= d.upper <= hi, ev["date"]
            text = ev["date"]
            if d.is_interval:
                kinds["interval"] += 1
            elif d.approximate:
                kinds["approximate"] += 1
            elif d.uncertain:
                kinds["uncertain"] += 1
            elif re.fullmatch(r"\d{4}-\d{2}", text):
                kinds["month"] += 1
            elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                kinds["day"] += 1
        for t in case["testimonies"]:
            assert lo <= parse_edtf(t["date"]).lower <= hi
        for a in case["appeals"]:
            for key in ("date", "response_date", "follow_up"):
                if key in a:
                    assert lo <= parse_edtf(a[key]).upper <= hi
        created = dt.datetime.strptime(case["created"], "%Y-%m-%dT%H:%M:%SZ")
        updated = dt.datetime.strptime(case["updated"], "%Y-%m-%dT%H:%M:%SZ")
        assert created <= updated
        first = min(parse_edtf(t["date"]).lower for t in case["testimonies"])
        assert created.date() >= first
    for kind in ("interval", "approximate", "uncertain", "month", "day", "none"):
        assert kinds[kind] >= 10, kinds


def test_events_follow_each_other_in_time(sample: list[dict[str, Any]]) -> None:
    # A vaguer later date ("2019?" after "2019-04") may start earlier, but can never lie
    # wholly before the event it follows; testimonies come after the last event.
    for case in sample:
        dated = [parse_edtf(e["date"]) for e in case["events"] if "date" in e]
        for earlier, later in itertools.pairwise(dated):
            assert earlier.lower <= later.upper
        if dated:
            for t in case["testimonies"]:
                assert parse_edtf(t["date"]).upper >= dated[-1].lower


# --- content -------------------------------------------------------------------------------


def test_all_scripts_and_name_forms_present_in_100_cases() -> None:
    cases = _cases(100, seed=1)
    detained = [n for c in cases for n in c["persons"][0]["names"]]
    scripts = {n["script"] for n in detained}
    assert {"Latn", "Cyrl", "Hans", "Arab"} <= scripts
    assert {n["lang"] for n in detained if n["script"] == "Arab"} == {"ug"}
    assert any("·" in n["value"] for n in detained if n["script"] == "Hans")
    cyr = [n["value"] for n in detained if n["script"] == "Cyrl"]
    assert any(v.endswith(("ұлы", "қызы")) for v in cyr)
    assert any(v.endswith(("ов", "ова", "ев", "ева")) for v in cyr)
    ethnicities = {c["persons"][0]["ethnicity"] for c in cases}
    assert ethnicities == {"Kazakh", "Uyghur", "Kyrgyz", "Hui"}


def test_declared_scripts_match_the_text(sample: list[dict[str, Any]]) -> None:
    for case in sample:
        for person in case["persons"]:
            for name in person["names"]:
                found = detect_script(name["value"])
                # "Hani" = Han text with no simplified-only character: still consistent.
                assert found == name["script"] or (name["script"], found) == ("Hans", "Hani")
                assert name["value"] == name["value"].strip()


def test_uyghur_script_conversion() -> None:
    assert synth.uly_to_arabic("Erkin") == "ئەركىن"
    assert synth.uly_to_arabic("Abduréhim") == "ئابدۇرېھىم"
    assert synth.uly_to_arabic("Ayshem") == "ئايشەم"  # sh is one letter
    assert synth.uly_to_cyrillic("Erkin") == "Әркин"
    assert synth.uly_to_cyrillic("Yalqun") == "Ялқун"


def test_many_distinct_names() -> None:
    cases = _cases(3000, seed=2)
    latin = {c["persons"][0]["names"][1]["value"] for c in cases}
    assert len(latin) > 2500


def test_some_victims_are_reported_twice() -> None:
    # HQ's duplicate finder needs realistic duplicates: same person, another report.
    seen: set[tuple[str, str]] = set()
    repeats = 0
    for case in _cases(2000, seed=3):
        p1 = case["persons"][0]
        key = (
            json.dumps([n["value"] for n in p1["names"] if n["script"] == "Hans"]),
            p1.get("birth_date", "")[:4],
        )
        if key[0] != "[]" and key[1]:
            repeats += key in seen
            seen.add(key)
    assert repeats >= 10


def test_testifiers_live_abroad_and_relate_to_the_detained(
    sample: list[dict[str, Any]],
) -> None:
    phone = re.compile(r"\+7 7\d\d 000 \d{4}|\+996 \d{3} 000 \d{3}")
    kinds: Counter[str] = Counter()
    for case in sample:
        persons = {p["key"]: p for p in case["persons"]}
        assert case["persons"][0]["role"] == "detained"
        for p in case["persons"][1:]:
            assert p["role"] in ("testifier", "witness")
            assert p["residence"]["country"] in ("KZ", "KG")
            if "contact" in p and "phone" in p["contact"]:
                assert phone.fullmatch(p["contact"]["phone"]), p["contact"]["phone"]
            if p["role"] == "testifier":
                rel = p["relationship"]
                assert rel["to"] == "p1"
                kinds[rel["kind"]] += 1
                if rel["kind"] == "spouse" and "sex" in p:
                    assert p["sex"] != persons["p1"]["sex"]
        assert {t["by"] for t in case["testimonies"]} == set(persons) - {"p1"}
    assert len(kinds) >= 6
    assert kinds.most_common(1)[0][0] == "spouse"


def test_realistic_mix_of_consent_appeals_and_vocabularies(
    sample: list[dict[str, Any]],
) -> None:
    share = Counter(t["consent"]["share_with_hq"] for c in sample for t in c["testimonies"])
    assert share[True] > share[False] > 0
    publish = {t["consent"]["publish"] for c in sample for t in c["testimonies"]}
    assert publish == {"no", "anonymized", "named"}
    recipients = Counter(a["recipient"] for c in sample for a in c["appeals"])
    assert recipients["kz-mfa"] > 0 and recipients["un-wgeid"] > 0
    assert any(not c["appeals"] for c in sample)
    assert len({c["status"] for c in sample}) >= 6
    assert len({c["verification"] for c in sample}) == 4
    languages = Counter(t["language"] for c in sample for t in c["testimonies"])
    assert set(languages) == {"kk", "ru", "en"}
    for case in sample:
        for t in case["testimonies"]:
            for url in t["sources"]:
                assert url.startswith("https://example.org/")
        assert "xinjiang" in case["tags"]
        assert len(case["tags"]) == len(set(case["tags"]))


def test_places_are_xinjiang_localities_with_invented_facilities(
    sample: list[dict[str, Any]],
) -> None:
    localities = {loc.en for loc in synth.XJ_LOCALITIES} | {
        loc.alt for loc in synth.XJ_LOCALITIES if loc.alt
    }
    facilities = set()
    for case in sample:
        for ev in case["events"]:
            place = ev.get("place")
            if place:
                assert place["country"] == "CN"
                assert place["locality"] in localities
                if "facility" in place:
                    facilities.add(place["facility"])
    assert len(facilities) > 100
    assert any("Detention Center" in f for f in facilities)
    assert any(f.startswith("Political training center No.") for f in facilities)


def test_narratives_are_long_varied_and_in_their_language(
    sample: list[dict[str, Any]],
) -> None:
    words: list[int] = []
    texts: set[str] = set()
    for case in sample:
        latin = next(n["value"] for n in case["persons"][0]["names"] if n["script"] == "Latn")
        for t in case["testimonies"]:
            text = t["narrative"]
            assert "{" not in text and "}" not in text  # no unfilled template slot
            words.append(len(text.split()))
            texts.add(text)
            if t["language"] == "kk":
                assert re.search("[әғқңөұүі]", text)
                assert "қаласында" in text or "жылы" in text
            elif t["language"] == "ru":
                assert re.search(r"\b(в|и|что)\b", text)
            else:
                assert latin in text
                assert re.search(r"\b(the|and|was)\b", text)
    assert len(texts) == len(words)
    assert 180 <= statistics.median(words) <= 350
    assert min(words) >= 80


def test_canary_name_in_first_case_only() -> None:
    cases = _cases(3, seed=1, canary="Qzxcanary Vwyk")
    latn = [n["value"] for n in cases[0]["persons"][0]["names"] if n["script"] == "Latn"]
    assert latn[0] == "Qzxcanary Vwyk"
    assert "Qzxcanary" not in json.dumps(cases[1:], ensure_ascii=False)
    assert normalize_case(cases[0]) == cases[0]


# --- command line --------------------------------------------------------------------------


def test_cli_writes_file_and_json_format(tmp_path: Path) -> None:
    out = tmp_path / "cases.json"
    proc = _run_cli(
        "5", "--seed", "8", "--format", "json", "--out", str(out), "--canary", "Canary Person"
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b""
    data = out.read_bytes()
    assert data == _bytes(5, 8, "json", canary="Canary Person")
    assert json.loads(data)[0]["persons"][0]["names"][1]["value"] == "Canary Person"


@pytest.mark.parametrize("args", [["-3"], ["2", "--canary", " "], ["2", "--format", "xml"]])
def test_cli_rejects_bad_arguments(args: list[str]) -> None:
    proc = _run_cli(*args)
    assert proc.returncode == 2
    assert proc.stdout == b""


# --- scale ---------------------------------------------------------------------------------


class _Sink(io.RawIOBase):
    """A writable stream that only counts, so the memory measured is the generator's."""

    def __init__(self) -> None:
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        self.size += len(b)
        return len(b)


def test_generation_is_lazy() -> None:
    # A trillion cases can only be asked for if nothing is generated up front.
    gen = synth.generate_cases(10**12, seed=1)
    assert isinstance(gen, Iterator)
    first = next(gen)
    assert first["reference"].endswith("000001")


def _peak_bytes(n: int) -> int:
    tracemalloc.start()
    try:
        for _ in synth.generate_cases(n, seed=4):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_streaming_memory_stays_flat() -> None:
    # Ten times the cases must not need noticeably more memory (the output of 500 cases
    # alone weighs ~2.5 MB); dump_stream adds at most one bounded chunk on top.
    small, large = _peak_bytes(50), _peak_bytes(500)
    assert large < small + 1024 * 1024, (small, large)
    sink = _Sink()
    assert synth.dump_stream(synth.generate_cases(300, seed=4), sink) == 300
    assert sink.size > 300 * 2000  # a few KB per case really went through
