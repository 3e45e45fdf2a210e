"""CSV import/export: columns, delimiters, BOM, CSV injection, errors and round trips.

Synthetic data only. The golden file ``tests/data/case-example.csv`` pins the exported
columns and their order: changing it is a contract change (docs/formats.md).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from desktop.errors import InvalidInputError
from desktop.interchange import COLUMNS, dump_csv, load_cases, load_csv, normalize_case
from desktop.interchange.case_csv import neutralize_cell, restore_cell

DATA = Path(__file__).resolve().parent.parent / "data"


def example_case() -> dict[str, Any]:
    (case,) = load_cases((DATA / "case-example.json").read_bytes(), source="example")
    return case


def csv_bytes(rows: list[dict[str, str]], *, delimiter: str = ",", bom: bool = False) -> bytes:
    names = list(dict.fromkeys(k for row in rows for k in row))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([row.get(n, "") for n in names])
    data = buffer.getvalue().encode("utf-8")
    return codecs.BOM_UTF8 + data if bom else data


def parse_export(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(codecs.BOM_UTF8)
    reader = csv.DictReader(io.StringIO(data[3:].decode("utf-8"), newline=""))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def bad_csv(data: bytes, source: str = "list.csv") -> InvalidInputError:
    with pytest.raises(InvalidInputError) as info:
        load_csv(data, source=source)
    err = info.value
    assert err.source == source
    assert str(err).startswith(source + ": ")
    return err


FULL_ROW = {
    "id": "0D3C5A7E-1B7D-4A8E-9B61-2F0D6F1C2A4E",
    "reference": "TD-2026-0200",
    "status": "confirmed-detained",
    "confidentiality": "confidential",
    "verification": "corroborated",
    "tags": "xinjiang;camp",
    "name_latn": "Serik Testov",
    "name_cyrl": "Серік Тестов",
    "name_arab": "سېرىك تېستوۋ",
    "name_hans": "赛力克·铁斯托夫",
    "sex": "male",
    "birth_date": "1981-07",
    "citizenship": "CN;KZ",
    "ethnicity": "Kazakh",
    "detention_type": "arrested",
    "detention_date": "2017-05-02",
    "detention_facility": "Detention Center No. 2",
    "detention_locality": "Altay",
    "detention_region": "Xinjiang",
    "detention_country": "CN",
    "detention_authority": "Public Security Bureau",
    "detention_charges": "unknown",
    "testifier_name": "Сәуле Тестова",
    "testifier_script": "Cyrl",
    "testifier_relationship": "spouse",
    "testifier_phone": "+7 702 000 0002",
    "testimony_language": "kk",
    "testimony_medium": "in-person",
    "testimony_date": "2019-01-20",
    "testimony_narrative": "Ол жұмыстан үйге қайтпады.\nКейін белгілі болды.",
    "consent_record": "true",
    "consent_share_with_hq": "true",
    "consent_use_in_appeals": "true",
    "consent_publish": "named",
    "notes": '=HYPERLINK("http://example.org")',
}


# --- import -------------------------------------------------------------------------------------


def test_full_row_maps_to_case() -> None:
    (case,) = load_csv(csv_bytes([FULL_ROW]), source="x.csv")
    assert case["id"] == FULL_ROW["id"].lower()
    assert case["tags"] == ["xinjiang", "camp"]
    detained, testifier = case["persons"]
    assert detained["key"] == "p1" and detained["role"] == "detained"
    assert [(n["script"], n["value"]) for n in detained["names"]] == [
        ("Latn", "Serik Testov"),
        ("Cyrl", "Серік Тестов"),
        ("Arab", "سېرىك تېستوۋ"),
        ("Hans", "赛力克·铁斯托夫"),
    ]
    assert detained["citizenships"] == ["CN", "KZ"]
    assert detained["ethnicity"] == "Kazakh"
    assert case["events"] == [
        {
            "type": "arrested",
            "date": "2017-05-02",
            "persons": ["p1"],
            "place": {
                "facility": "Detention Center No. 2",
                "locality": "Altay",
                "region": "Xinjiang",
                "country": "CN",
            },
            "authority": "Public Security Bureau",
            "charges": "unknown",
        }
    ]
    assert testifier == {
        "key": "p2",
        "role": "testifier",
        "names": [{"value": "Сәуле Тестова", "script": "Cyrl"}],
        "contact": {"phone": "+7 702 000 0002"},
        "relationship": {"to": "p1", "kind": "spouse"},
    }
    (testimony,) = case["testimonies"]
    assert testimony["by"] == "p2"
    assert testimony["narrative"] == FULL_ROW["testimony_narrative"]
    assert testimony["consent"] == {
        "record": True,
        "share_with_hq": True,
        "use_in_appeals": True,
        "publish": "named",
    }
    assert case["notes"] == FULL_ROW["notes"]  # not ours to run or strip; export defuses it


def test_testifier_script_detected_when_column_absent() -> None:
    (case,) = load_csv(csv_bytes([{"testifier_name": "Aigul Testova"}]), source="x")
    assert case["persons"] == [
        {
            "key": "p2",
            "role": "testifier",
            "names": [{"value": "Aigul Testova", "script": "Latn"}],
        }
    ]
    assert case["testimonies"] == []


def test_missing_consent_columns_give_conservative_defaults() -> None:
    (case,) = load_csv(
        csv_bytes([{"name_latn": "A Test", "testifier_name": "B Test", "testimony_date": "2019"}]),
        source="x",
    )
    assert case["testimonies"][0]["consent"] == {
        "record": True,
        "share_with_hq": False,
        "use_in_appeals": False,
        "publish": "no",
    }


def test_semicolon_bom_file_from_data_dir() -> None:
    cases = load_csv((DATA / "cases-semicolon.csv").read_bytes(), source="cases-semicolon.csv")
    assert [c["reference"] for c in cases] == ["TD-2026-0101", "TD-2026-0102"]
    first, second = cases
    assert first["tags"] == ["xinjiang", "camp"]
    assert first["persons"][0]["citizenships"] == ["CN", "KZ"]
    assert first["persons"][1]["contact"] == {"phone": "+7 701 000 0001"}  # apostrophe removed
    assert first["testimonies"][0]["narrative"] == "Ол 2017 жылы ұсталды; содан бері хабар жоқ."
    assert first["testimonies"][0]["consent"]["use_in_appeals"] is False
    assert second["persons"][0]["names"][1] == {"value": "ئەكرەم سىناقوف", "script": "Arab"}
    assert second["events"][0]["type"] == "disappeared"
    assert second["testimonies"][0]["narrative"] == "Multi-line\r\nnarrative, with a comma"
    assert second["testimonies"][0]["consent"]["record"] is True  # "TRUE" as Excel writes it


@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("bom", [False, True])
def test_delimiter_and_bom_variants_agree(delimiter: str, bom: bool) -> None:
    reference = load_csv(csv_bytes([FULL_ROW]), source="x")
    assert load_csv(csv_bytes([FULL_ROW], delimiter=delimiter, bom=bom), source="x") == reference


def test_header_is_case_insensitive_and_any_order() -> None:
    data = "Name_Cyrl , REFERENCE\nДана Тестова,TD-1\n".encode()
    (case,) = load_csv(data, source="x")
    assert case["reference"] == "TD-1"
    assert case["persons"][0]["names"] == [{"value": "Дана Тестова", "script": "Cyrl"}]


def test_blank_rows_are_skipped_and_line_numbers_stay_physical() -> None:
    data = b"reference,status\n\nTD-1,open\n,\nTD-2,lost\n"
    err = bad_csv(data)
    assert err.line == 5
    assert "column status" in err.reason


def test_line_number_after_multiline_cell() -> None:
    data = b'reference,notes,status\nTD-1,"one\ntwo\nthree",open\nTD-2,,lost\n'
    err = bad_csv(data)
    assert err.line == 5


def test_header_only_gives_no_cases() -> None:
    assert load_csv(b"reference,name_latn\r\n", source="x") == []


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "no header"),
        (b"\n\nreference\nTD-1\n", "header"),
        (b"reference,colour\nTD-1,red\n", "unknown column 'colour'"),
        (b"reference,Reference\nTD-1,TD-2\n", "appears twice"),
    ],
)
def test_header_errors(data: bytes, needle: str) -> None:
    err = bad_csv(data)
    assert needle in err.reason
    if data:
        assert err.line is not None


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ({"status": "lost"}, "status"),
        ({"id": "not-a-uuid"}, "id"),
        ({"name_latn": "Dana", "birth_date": "1979-02-30"}, "birth_date"),
        ({"name_latn": "Dana", "citizenship": "KZ;XX"}, "citizenship"),
        ({"name_latn": "Dana", "sex": "f"}, "sex"),
        ({"name_latn": "Дана Тестова"}, "name_latn"),
        ({"name_cyrl": "Dana Testova"}, "name_cyrl"),
        ({"name_hans": "Dana"}, "name_hans"),
        ({"name_arab": "Дана"}, "name_arab"),
        ({"sex": "female"}, "name_latn"),  # a detained person without a name
        ({"name_latn": "Dana", "detention_date": "2018"}, "detention_type"),
        ({"name_latn": "Dana", "detention_type": "summoned"}, "detention_type"),
        (
            {"name_latn": "Dana", "detention_type": "detained", "detention_country": "China"},
            "detention_country",
        ),
        (
            {"name_latn": "Dana", "detention_type": "detained", "detention_date": "soon"},
            "detention_date",
        ),
        ({"testimony_date": "2019"}, "testifier_name"),
        ({"testifier_phone": "+7 700"}, "testifier_name"),
        ({"testifier_name": "B", "testifier_relationship": "spouse"}, "testifier_relationship"),
        (
            {"name_latn": "A", "testifier_name": "B", "testifier_relationship": "wife"},
            "testifier_relationship",
        ),
        ({"testifier_name": "B", "testifier_script": "latin"}, "testifier_script"),
        ({"testifier_name": "B", "testimony_medium": "fax"}, "testimony_medium"),
        ({"testifier_name": "B", "testimony_language": "Kazakh"}, "testimony_language"),
        ({"testifier_name": "B", "consent_record": "true"}, "consent_share_with_hq"),
        (
            {
                "testifier_name": "B",
                "consent_record": "maybe",
                "consent_share_with_hq": "no",
                "consent_use_in_appeals": "no",
                "consent_publish": "no",
            },
            "consent_record",
        ),
        (
            {
                "testifier_name": "B",
                "consent_record": "yes",
                "consent_share_with_hq": "no",
                "consent_use_in_appeals": "no",
                "consent_publish": "public",
            },
            "consent_publish",
        ),
        ({"reference": "R" * 65}, "reference"),
        ({"tags": "ok;\\;"}, None),  # an escaped ';' is a valid one-character tag
    ],
)
def test_row_errors_name_line_and_column(row: dict[str, str], column: str | None) -> None:
    data = csv_bytes([{"reference": "TD-OK"}, row])
    if column is None:
        assert len(load_csv(data, source="x")) == 2
        return
    err = bad_csv(data)
    assert err.line == 3
    assert err.reason.startswith(f"column {column}: "), err.reason


def test_too_many_cells_in_a_row() -> None:
    err = bad_csv(b"reference,status\nTD-1,open,extra\n")
    assert err.line == 2


def test_malformed_csv_is_invalid_input() -> None:
    err = bad_csv(b'reference,notes\nTD-1,"unterminated\n')
    assert "malformed CSV" in err.reason
    bad_csv(b"reference,notes\nTD-1,a\x00b\n")
    bad_csv(b'reference,notes\nTD-1,"x"y\n')


def test_invalid_utf8_names_line() -> None:
    err = bad_csv(b"reference,notes\nTD-1,ok\nTD-2,\xc3\x28\n")
    assert err.line == 3


def test_duplicate_id_or_reference_in_file() -> None:
    err = bad_csv(csv_bytes([{"reference": "TD-1"}, {"reference": "TD-2"}, {"reference": "TD-1"}]))
    assert err.line == 4 and err.path == "$.reference"


def test_long_narrative_beyond_default_csv_field_limit() -> None:
    narrative = "ы" * 300_000
    row = {"testifier_name": "B Test", "testimony_narrative": narrative}
    (case,) = load_csv(csv_bytes([row]), source="x")
    assert case["testimonies"][0]["narrative"] == narrative


def test_size_limit() -> None:
    data = csv_bytes([{"reference": "TD-1"}])
    with pytest.raises(InvalidInputError, match="too large"):
        load_csv(data, source="x", max_size=len(data) - 1)


# --- export -------------------------------------------------------------------------------------


def test_export_matches_golden_file() -> None:
    assert dump_csv([example_case()]) == (DATA / "case-example.csv").read_bytes()


def test_export_format_bom_comma_crlf_all_columns() -> None:
    data = dump_csv([example_case()])
    assert data.startswith(codecs.BOM_UTF8 + b"id,reference,status,")
    assert data.endswith(b"\r\n")
    (row,) = parse_export(data)
    assert row["name_cyrl"] == "Ерлан Сапарұлы"
    assert row["name_hans"] == "叶尔兰·萨帕尔"
    assert row["detention_type"] == "detained"  # the first detention event, not "summoned"
    assert row["detention_facility"] == "Bole Detention Center"
    assert row["testifier_relationship"] == "spouse"
    assert row["testifier_phone"] == "'+7 700 000 0000"
    assert row["consent_publish"] == "anonymized"


def test_export_empty_list_is_header_only() -> None:
    assert dump_csv([]) == codecs.BOM_UTF8 + (",".join(COLUMNS) + "\r\n").encode()


@pytest.mark.parametrize(
    "value",
    [
        "=1+1",
        "+7 700",
        "-2",
        "@SUM(A1)",
        "\tx",
        "\rx",
        "'=already",
        "''@x",
        "'plain",
        "plain",
        "",
        "a=b",
        "'",
    ],
)
def test_cell_neutralization_round_trips(value: str) -> None:
    cell = neutralize_cell(value)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert restore_cell(cell) == value


def test_formula_cells_are_defused_in_export_and_restored_on_import() -> None:
    raw = normalize_case(
        {
            "reference": "-TD-7",
            "tags": ["=cmd|' /C calc'!A0", "@x", "ok"],
            "persons": [
                {
                    "key": "p1",
                    "role": "detained",
                    "names": [{"value": "Dana Testova"}],
                    "ethnicity": "+Kazakh",
                },
            ],
            "notes": '=HYPERLINK("http://example.org")',
        }
    )
    data = dump_csv([raw])
    for cell in next(csv.reader(io.StringIO(data[3:].decode(), newline=""), strict=True)):
        assert not cell.startswith(("=", "+", "-", "@"))
    (row,) = parse_export(data)
    assert row["notes"].startswith("'=")
    assert row["reference"] == "'-TD-7"
    assert load_csv(data, source="x") == [raw]


def test_tags_with_separator_and_backslash_round_trip() -> None:
    raw = normalize_case({"tags": ["a;b", "c\\d", "e"], "persons": []})
    data = dump_csv([raw])
    assert parse_export(data)[0]["tags"] == "a\\;b;c\\\\d;e"
    assert load_csv(data, source="x")[0]["tags"] == ["a;b", "c\\d", "e"]


def test_export_without_detention_event_or_testimony() -> None:
    raw = normalize_case(
        {
            "persons": [{"key": "p1", "role": "detained", "names": [{"value": "Dana Testova"}]}],
            "events": [{"type": "summoned", "date": "2018"}],
        }
    )
    (row,) = parse_export(dump_csv([raw]))
    assert row["detention_type"] == "" and row["testifier_name"] == ""
    assert load_csv(dump_csv([raw]), source="x")[0]["events"] == []


def test_export_never_loses_every_name() -> None:
    raw = normalize_case(
        {
            "persons": [
                {
                    "key": "p1",
                    "role": "detained",
                    "names": [
                        {"value": "Δανα Τεστοβα", "script": "Grek"},
                        {"value": "Dana", "script": "Cyrl"},
                    ],
                },  # mislabelled by the user
            ]
        }
    )
    (row,) = parse_export(dump_csv([raw]))
    assert row["name_latn"] == "Δανα Τεστοβα" and row["name_cyrl"] == ""
    (case,) = load_csv(dump_csv([raw]), source="x")
    assert case["persons"][0]["names"] == [{"value": "Δανα Τεστοβα", "script": "Grek"}]


def test_export_uses_testimony_author_and_traditional_han() -> None:
    raw = normalize_case(
        {
            "persons": [
                {"key": "d", "role": "detained", "names": [{"value": "麥麥提", "script": "Hant"}]},
                {"key": "w", "role": "witness", "names": [{"value": "Witness Test"}]},
                {
                    "key": "t",
                    "role": "testifier",
                    "names": [{"value": "Testifier Test"}],
                    "relationship": {"to": "d", "kind": "child"},
                },
            ],
            "testimonies": [{"by": "t", "narrative": "x"}],
        }
    )
    (row,) = parse_export(dump_csv([raw]))
    assert row["name_hans"] == "麥麥提"
    assert row["testifier_name"] == "Testifier Test"
    assert row["testifier_relationship"] == "child"
    assert row["consent_publish"] == "no"


# --- round trips ----------------------------------------------------------------------------------


def test_csv_round_trip_of_representable_case_is_exact() -> None:
    cases = load_csv(csv_bytes([FULL_ROW, {"reference": "TD-2", "name_cyrl": "Дана"}]), source="x")
    data = dump_csv(cases)
    again = load_csv(data, source="x")
    assert again == cases
    assert dump_csv(again) == data


def test_semicolon_file_round_trips_through_export() -> None:
    cases = load_csv((DATA / "cases-semicolon.csv").read_bytes(), source="x")
    assert load_csv(dump_csv(cases), source="y") == cases


def test_example_csv_subset_round_trip() -> None:
    """The example loses what CSV cannot hold; what it keeps survives a second trip."""
    once = load_csv(dump_csv([example_case()]), source="x")
    assert once[0]["persons"][0]["names"][1] == {"value": "Ерлан Сапарұлы", "script": "Cyrl"}
    assert "lang" not in once[0]["persons"][0]["names"][1]  # documented loss
    assert load_csv(dump_csv(once), source="x") == once
    assert json.dumps(once, ensure_ascii=False) == json.dumps(
        load_csv(dump_csv(once), source="x"), ensure_ascii=False
    )
