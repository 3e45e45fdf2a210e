"""Letter templates: data that HQ staff edit, run in a sandbox, strict about variables.

Templates live in ``resources/letters/<template>/<lang>.j2``. They are Jinja2 run in a
``SandboxedEnvironment`` (a template file from an e-mail attachment must not reach Python
objects) with ``StrictUndefined``: a misspelt variable must stop the letter, because an
empty slot in "He was detained ___ in ___" is worse than no letter. Autoescape is off — the
output is the light markup of :mod:`desktop.letters.markup`, not HTML.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from desktop.errors import InvalidInputError
from desktop.letters.markup import LITERAL_STAR
from desktop.resources import resource_path

__all__ = ["TemplateSet", "shipped_templates_dir"]

SUFFIX = ".j2"


TEMPLATES_ENV = "TESTIMONY_DESK_TEMPLATES"


def shipped_templates_dir() -> Path:
    return resource_path("letters")


def default_roots() -> list[Path]:
    """The shipped templates, then folders in $TESTIMONY_DESK_TEMPLATES (os.pathsep list)
    holding an organisation's own or edited templates (same layout; later folders win)."""
    roots: list[Path] = []
    with contextlib.suppress(FileNotFoundError):
        roots.append(shipped_templates_dir())
    extra = os.environ.get(TEMPLATES_ENV, "")
    roots.extend(Path(p) for p in extra.split(os.pathsep) if p)
    return roots


class TemplateSet:
    """The templates found in one or more folders (later folders override earlier ones)."""

    def __init__(self, roots: Sequence[Path] | None = None) -> None:
        if roots is None:
            roots = default_roots()
        # Jinja's FileSystemLoader searches the first folder first: reverse so later wins.
        self.roots = [Path(r) for r in roots]
        self.env = _LetterSandbox(
            loader=jinja2.FileSystemLoader([str(r) for r in reversed(self.roots)]),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            auto_reload=False,
            finalize=_literal_stars,
        )

    def available(self) -> dict[str, tuple[str, ...]]:
        """Template id → languages it exists in, both sorted."""
        found: dict[str, set[str]] = {}
        for root in self.roots:
            if not root.is_dir():
                continue
            for path in root.glob(f"*/*{SUFFIX}"):
                found.setdefault(path.parent.name, set()).add(path.name[: -len(SUFFIX)])
        return {k: tuple(sorted(v)) for k, v in sorted(found.items())}

    def languages(self, template_id: str) -> tuple[str, ...]:
        return self.available().get(template_id, ())

    def render(self, template_id: str, lang: str, context: Mapping[str, Any]) -> str:
        """Render ``template_id`` in ``lang``; every template fault is an InvalidInputError.

        The error names the template file and line, and what went wrong (undefined name,
        syntax, forbidden attribute), never the case data.
        """
        name = f"{template_id}/{lang}{SUFFIX}"
        try:
            template = self.env.get_template(name)
        except jinja2.TemplateNotFound:
            raise InvalidInputError(
                f"there is no template {template_id!r} in language {lang!r}"
            ) from None
        except jinja2.TemplateSyntaxError as exc:
            raise InvalidInputError(
                f"template syntax error: {exc.message}", source=name, line=exc.lineno
            ) from None
        try:
            return template.render(**context)
        except jinja2.UndefinedError as exc:
            raise InvalidInputError(
                f"the template uses something the letter does not provide ({exc.message})",
                source=name,
                line=_template_line(exc),
            ) from None
        except jinja2.exceptions.SecurityError as exc:
            raise InvalidInputError(
                f"the template tried something not allowed ({exc})", source=name
            ) from None
        except jinja2.TemplateError as exc:
            raise InvalidInputError(
                f"the template failed ({type(exc).__name__}: {exc.message})", source=name
            ) from None
        except (OverflowError, MemoryError, RecursionError) as exc:
            # The sandbox's own limits (range > MAX_RANGE, repetition over MAX_REPEAT).
            raise InvalidInputError(
                f"the template asks for too much ({type(exc).__name__})",
                source=name,
                line=_template_line(exc),
            ) from None
        except Exception as exc:  # 1 + 'a', a filter given the wrong type…
            # Only the type: the message of an arbitrary error may quote case data.
            raise InvalidInputError(
                f"the template failed ({type(exc).__name__})",
                source=name,
                line=_template_line(exc),
            ) from None


# A template may repeat text (``'-' * 20``) but not build huge values from tiny ones: a
# template from an e-mail attachment must not be able to make the program allocate
# gigabytes (``'a' * 10**9``) — the Jinja sandbox itself only limits ``range``.
MAX_REPEAT = 1024 * 1024
MAX_POWER_BITS = 4096


class _LetterSandbox(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                sized = isinstance(seq, str | bytes | list | tuple) and isinstance(times, int)
                if sized and len(seq) * times > MAX_REPEAT:
                    raise jinja2.exceptions.SecurityError("repetition too large")
        ints = isinstance(left, int) and isinstance(right, int)
        huge = ints and right > 0 and right * abs(left).bit_length() > MAX_POWER_BITS
        if operator == "**" and huge and abs(left) > 1:
            raise jinja2.exceptions.SecurityError("power too large")
        return super().call_binop(context, operator, left, right)


def _template_line(exc: BaseException) -> int | None:
    """The line of the template where rendering failed (from the traceback Jinja rewrites)."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(SUFFIX):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _literal_stars(value: Any) -> Any:
    """Every ``{{ value }}`` goes through here: a ``*`` that comes from case data (a name, a
    narrative) must print as a star, never toggle bold, so it is replaced by a private-use
    character that :func:`desktop.letters.markup.parse_inline` turns back into ``*``."""
    if isinstance(value, str) and "*" in value:
        return value.replace("*", LITERAL_STAR)
    return value


@lru_cache(maxsize=4)
def _cached(roots: tuple[Path, ...]) -> TemplateSet:
    return TemplateSet(list(roots))


def template_set(roots: Sequence[Path] | None = None) -> TemplateSet:
    """A shared TemplateSet per folder list, so compiled templates are reused in a batch."""
    if roots is None:
        roots = default_roots()
    return _cached(tuple(Path(r) for r in roots))
