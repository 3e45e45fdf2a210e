"""The template markup → blocks, and the template sandbox's strictness."""

from __future__ import annotations

import pytest
from lettertools import DATA

from desktop.errors import InvalidInputError
from desktop.letters.markup import parse_inline, parse_markup
from desktop.letters.templates import TemplateSet


def test_blocks() -> None:
    text = (
        "= Subject **here**\n\nDear Sir,\n\nOne paragraph\ncontinues here.\n\n# Heading\n"
        "- first\n- second\n\n> Almaty\n> 27 November 2026\n\n| Name | Ерлан\n| Born | 1979 |\n\n"
        "@signature\n@pagebreak\n\n@photos\n"
    )
    blocks = parse_markup(text)
    assert [b.kind for b in blocks] == [
        "subject", "paragraph", "paragraph", "heading", "bullets", "right", "table",
        "signature", "pagebreak", "photos",
    ]  # fmt: skip
    assert blocks[2].text == "One paragraph continues here."
    assert blocks[4].lines == ["first", "second"]
    assert blocks[5].lines == ["Almaty", "27 November 2026"]
    assert blocks[6].rows == [("Name", "Ерлан"), ("Born", "1979")]


def test_inline_bold() -> None:
    assert parse_inline("a **b** c") == [("a ", False), ("b", True), (" c", False)]
    assert parse_inline("no bold") == [("no bold", False)]


def test_template_listing() -> None:
    templates = TemplateSet([DATA / "letters"])
    assert templates.available() == {"broken": ("en",), "probe": ("en", "kk", "ru")}


def test_undefined_variable_fails_loudly() -> None:
    templates = TemplateSet([DATA / "letters"])
    with pytest.raises(InvalidInputError) as info:
        templates.render("broken", "en", {"recipient": {"salutation": "Sir"}, "detained": {}})
    message = str(info.value)
    assert "broken/en.j2" in message and "no_such_key" in message and "line 5" in message


def test_sandbox_refuses_python_internals(tmp_path: pytest.TempPathFactory) -> None:
    root = tmp_path / "letters"  # type: ignore[operator]
    (root / "evil").mkdir(parents=True)
    (root / "evil" / "en.j2").write_text(
        "{{ ''.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8"
    )
    with pytest.raises(InvalidInputError, match=r"not allowed|does not provide"):
        TemplateSet([root]).render("evil", "en", {})


def test_stars_from_case_data_stay_stars(tmp_path: pytest.TempPathFactory) -> None:
    root = tmp_path / "letters"  # type: ignore[operator]
    (root / "t").mkdir(parents=True)
    (root / "t" / "en.j2").write_text("{{ name }} and **bold**\n", encoding="utf-8")
    out = TemplateSet([root]).render("t", "en", {"name": "A**B**C*"})
    assert parse_inline(out.strip()) == [("A**B**C* and ", False), ("bold", True)]
