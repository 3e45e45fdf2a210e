"""Fuzz every parser of outside input that tests/property/test_case_fuzz.py (case JSON, CSV)
and tests/sync/test_fuzz_import.py (the bundle's decrypted layer) do not already cover.

Outside input = a file that can come from a USB stick, an e-mail or a synced folder: an HQ
identity file, an HQ acknowledgement, a bundle's manifest, a form (YAML), a recipient
(YAML), a letter template (Jinja2 in a sandbox) and the letter markup it produces. For each:
random bytes, and random edits of a valid file. The only acceptable failure is the
program's typed error (one calm line, exit 2/4/5) — never another exception, never a hang
(Hypothesis' deadline catches slow inputs: 2 s per example here).

Budget: ``FUZZ`` examples per target in CI (about a minute in all); the long runs are
bench/fuzz/ (atheris), see bench/README.md.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.errors import TestimonyDeskError
from desktop.intake.form import parse_form
from desktop.letters.markup import parse_inline, parse_markup
from desktop.letters.recipients import parse_recipient
from desktop.letters.templates import TemplateSet
from desktop.sync import bundle as fmt

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery staple"  # noqa: S105
FUZZ = settings(
    max_examples=150,
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
EDITS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=1 << 16),
        st.binary(max_size=4),
        st.integers(min_value=0, max_value=4),
    ),
    min_size=1,
    max_size=6,
)


def edit(data: bytes, edits: list[tuple[int, bytes, int]]) -> bytes:
    out = bytearray(data)
    for position, insert, remove in edits:
        at = position % (len(out) + 1)
        out[at : at + remove] = insert
    return bytes(out)


def only_typed_errors(fn: Callable[..., Any], *args: Any) -> Any:
    """Run ``fn``; a TestimonyDeskError is fine, anything else fails the test."""
    try:
        return fn(*args)
    except TestimonyDeskError:
        return None


def as_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


# ---------------------------------------------------------------------- sync files
@pytest.fixture(scope="module")
def sync_pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    from desktop.app import create_vault
    from desktop.sync import service

    folder = tmp_path_factory.mktemp("outside-input")
    hq, _ = create_vault(folder / "hq", PASSPHRASE, hq=True, name="Synthetic HQ")
    field, _ = create_vault(folder / "field", PASSPHRASE)
    key_file = folder / "hq-key.json"
    service.write_hq_key(hq, key_file)
    service.enroll(field, service.read_hq_key(key_file))
    service.approve(hq, service.whoami(field))
    # One bundle so HQ knows the device and can acknowledge it.
    sys.path.insert(0, str(REPO / "bench"))
    from synth import generate_cases

    from desktop.interchange.case_format import normalize_case

    doc = normalize_case(next(iter(generate_cases(1, seed=9))))
    for t in doc.get("testimonies", []):
        t["consent"]["share_with_hq"] = True
    field.store.cases.save([doc])
    result = service.export_bundle(field, folder / "out")
    assert result.path is not None
    service.import_bundle(hq, result.path)
    ack = folder / "ack.tdack"
    service.write_ack(hq, service.whoami(field), ack)
    yield {
        "hq": hq,
        "field": field,
        "key": key_file.read_bytes(),
        "ack": ack.read_bytes(),
        "work": folder / "work",
    }
    field.lock()
    hq.lock()


def _write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


@FUZZ
@given(data=st.binary(max_size=600), edits=EDITS, use_valid=st.booleans())
def test_hq_identity_file(
    sync_pair: dict[str, Any], data: bytes, edits: list[tuple[int, bytes, int]], use_valid: bool
) -> None:
    from desktop.sync import service

    raw = edit(sync_pair["key"], edits) if use_valid else data
    path = _write(sync_pair["work"], "key.json", raw)
    key = only_typed_errors(service.read_hq_key, path)
    if key is not None:  # an edit that kept the file valid (e.g. whitespace): same key
        assert key == service.read_hq_key(_write(sync_pair["work"], "k.json", sync_pair["key"]))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@FUZZ
@given(
    key=st.sampled_from(
        ["format", "name", "ed25519", "fingerprint", "recipients", "created", "signature"]
    ),
    value=JSON_VALUES,
)
def test_hq_identity_file_fields(sync_pair: dict[str, Any], key: str, value: Any) -> None:
    from desktop.sync import service

    doc = json.loads(sync_pair["key"])
    doc[key] = value
    path = _write(sync_pair["work"], "key.json", json.dumps(doc).encode())
    only_typed_errors(service.read_hq_key, path)


@FUZZ
@given(data=st.binary(max_size=600), edits=EDITS, use_valid=st.booleans())
def test_hq_acknowledgement(
    sync_pair: dict[str, Any], data: bytes, edits: list[tuple[int, bytes, int]], use_valid: bool
) -> None:
    from desktop.sync import service

    raw = edit(sync_pair["ack"], edits) if use_valid else data
    path = _write(sync_pair["work"], "ack.tdack", raw)
    before = sync_pair["field"].store.setting("sync_acknowledged", None)
    result = only_typed_errors(service.import_ack, sync_pair["field"], path)
    if result is None:
        assert sync_pair["field"].store.setting("sync_acknowledged", None) == before


@FUZZ
@given(data=st.binary(max_size=2000))
def test_bundle_manifest_bytes(data: bytes) -> None:
    only_typed_errors(fmt.parse_manifest, data, fmt.Limits())


@FUZZ
@given(value=st.dictionaries(st.text(max_size=12), JSON_VALUES, max_size=12))
def test_bundle_manifest_json(value: dict[str, Any]) -> None:
    only_typed_errors(fmt.parse_manifest, json.dumps(value).encode(), fmt.Limits())


# ---------------------------------------------------------------------- form YAML
FORM_TEXT = (REPO / "forms" / "detention-testimony.yaml").read_bytes()
YAML_TEXT = st.text(
    alphabet=st.sampled_from(list("abc:-[]{}!&*|>'\"#%@`,? \n\t0123456789.")), max_size=300
)


@FUZZ
@given(edits=EDITS)
def test_form_yaml_edits(edits: list[tuple[int, bytes, int]]) -> None:
    only_typed_errors(parse_form, as_text(edit(FORM_TEXT, edits)), "fuzz.yaml")


@FUZZ
@given(text=YAML_TEXT)
def test_form_yaml_text(text: str) -> None:
    only_typed_errors(parse_form, text, "fuzz.yaml")


def _mutate_tree(value: Any, rng: random.Random, replacement: Any) -> Any:
    """Replace one random node of a loaded YAML tree by ``replacement``."""
    nodes: list[tuple[Any, Any]] = []

    def walk(v: Any) -> None:
        if isinstance(v, dict):
            for k in v:
                nodes.append((v, k))
                walk(v[k])
        elif isinstance(v, list):
            for i in range(len(v)):
                nodes.append((v, i))
                walk(v[i])

    walk(value)
    if nodes:
        parent, key = rng.choice(nodes)
        parent[key] = replacement
    return value


FORM_TREE = yaml.safe_load(FORM_TEXT)


@FUZZ
@given(seed=st.integers(0, 2**32 - 1), replacement=JSON_VALUES)
def test_form_yaml_tree(seed: int, replacement: Any) -> None:
    tree = _mutate_tree(
        json.loads(json.dumps(FORM_TREE, default=str)), random.Random(seed), replacement
    )
    only_typed_errors(parse_form, yaml.safe_dump(tree, allow_unicode=True), "fuzz.yaml")


# ---------------------------------------------------------------------- recipient YAML
RECIPIENT_FILES = sorted((REPO / "resources" / "recipients").glob("*.yaml"))


@FUZZ
@given(which=st.integers(0, 1000), edits=EDITS)
def test_recipient_yaml_edits(which: int, edits: list[tuple[int, bytes, int]]) -> None:
    source = RECIPIENT_FILES[which % len(RECIPIENT_FILES)]
    text = as_text(edit(source.read_bytes(), edits))
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return  # the loader turns this into InvalidInputError (tests/letters)
    only_typed_errors(parse_recipient, data, "fuzz.yaml")


@FUZZ
@given(which=st.integers(0, 1000), seed=st.integers(0, 2**32 - 1), replacement=JSON_VALUES)
def test_recipient_yaml_tree(which: int, seed: int, replacement: Any) -> None:
    source = RECIPIENT_FILES[which % len(RECIPIENT_FILES)]
    tree = json.loads(json.dumps(yaml.safe_load(source.read_text(encoding="utf-8")), default=str))
    only_typed_errors(parse_recipient, _mutate_tree(tree, random.Random(seed), replacement), "f")


# ---------------------------------------------------------------------- letter templates
TEMPLATE_FILES = sorted((REPO / "resources" / "letters").glob("*/*.j2"))
SANDBOX_ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ self.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{% for x in range(10**9) %}{% endfor %}",
    "{{ 'a' * 10**9 }}",
    "{{ lipsum.__globals__ }}",
    "{{ config }}",
]


@FUZZ
@given(which=st.integers(0, 1000), edits=EDITS, escape=st.sampled_from(["", *SANDBOX_ESCAPES]))
def test_letter_template_edits(
    tmp_path_factory: pytest.TempPathFactory,
    which: int,
    edits: list[tuple[int, bytes, int]],
    escape: str,
) -> None:
    source = TEMPLATE_FILES[which % len(TEMPLATE_FILES)]
    root = tmp_path_factory.mktemp("tpl")
    (root / "fuzz").mkdir()
    text = as_text(edit(source.read_bytes(), edits)) + escape
    (root / "fuzz" / "en.j2").write_text(text, encoding="utf-8")
    out = only_typed_errors(TemplateSet([root]).render, "fuzz", "en", {})
    if out is not None:
        only_typed_errors(parse_markup, out)


@pytest.mark.parametrize("escape", SANDBOX_ESCAPES)
def test_sandbox_escapes_are_refused(tmp_path: Path, escape: str) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "en.j2").write_text(escape, encoding="utf-8")
    with pytest.raises(TestimonyDeskError):
        TemplateSet([tmp_path]).render("t", "en", {})


@FUZZ
@given(
    text=st.lists(st.sampled_from([*"*#|-_ \n\\ab:", "**", "| ", "# "]), max_size=200).map("".join)
)
def test_letter_markup(text: str) -> None:
    only_typed_errors(parse_markup, text)
    only_typed_errors(parse_inline, text)
