"""Static checks on desktop/: no dangerous calls, and the security lint is on.

Forbidden in the application code (each would turn a crafted file or database into code
execution, or make the SQLite engine load native code):

* ``pickle`` / ``marshal`` / ``shelve`` / ``dill`` imports;
* the builtins ``eval``, ``exec``, ``compile``, ``__import__`` (``dialog.exec()``, Qt's method,
  is of course fine);
* ``yaml.load`` / ``yaml.load_all`` without ``Loader=SafeLoader``/``CSafeLoader``, and
  ``yaml.unsafe_load``, ``yaml.full_load``, ``yaml.Loader``/``UnsafeLoader``/``FullLoader``;
* ``shell=True`` in any call, ``os.system``, ``os.popen``;
* SQLite extension loading: ``enable_load_extension``, ``load_extension`` (as a call or
  inside SQL text).

The checker is tested on planted snippets, so this test cannot pass by checking nothing.
Ruff's bandit rules (``S``) run in CI too (pyproject ``[tool.ruff.lint] select``).
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DESKTOP = REPO / "desktop"

BAD_MODULES = {"pickle", "cPickle", "marshal", "shelve", "dill", "_pickle"}
BAD_BUILTINS = {"eval", "exec", "compile", "__import__"}
UNSAFE_YAML = {"unsafe_load", "unsafe_load_all", "full_load", "full_load_all"}
UNSAFE_LOADERS = {"Loader", "UnsafeLoader", "FullLoader"}
SAFE_LOADERS = {"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"}
EXTENSION_TEXT = re.compile(r"\b(enable_load_extension|load_extension)\b")


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def problems_in(source: str, name: str = "<snippet>") -> list[str]:
    tree = ast.parse(source, filename=name)
    found: list[str] = []

    def report(node: ast.AST, what: str) -> None:
        found.append(f"{name}:{getattr(node, 'lineno', 0)}: {what}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in BAD_MODULES:
                    report(node, f"import {alias.name}")
        elif isinstance(node, ast.ImportFrom):
            if (node.module or "").split(".")[0] in BAD_MODULES:
                report(node, f"from {node.module} import …")
            if node.module == "yaml":
                for alias in node.names:
                    if alias.name in UNSAFE_YAML | UNSAFE_LOADERS | {"load", "load_all"}:
                        report(node, f"from yaml import {alias.name}")
        elif isinstance(node, ast.Call):
            func = _dotted(node.func)
            if isinstance(node.func, ast.Name) and node.func.id in BAD_BUILTINS:
                report(node, f"{node.func.id}()")
            if func in ("os.system", "os.popen"):
                report(node, f"{func}()")
            for kw in node.keywords:
                if kw.arg == "shell" and not (
                    isinstance(kw.value, ast.Constant) and kw.value.value is False
                ):
                    report(node, "shell=True")
            last = func.rsplit(".", 1)[-1]
            if last in ("enable_load_extension", "load_extension"):
                report(node, f"{last}()")
            if func.startswith("yaml.") and last in UNSAFE_YAML:
                report(node, func)
            if func in ("yaml.load", "yaml.load_all"):
                loader = next((kw.value for kw in node.keywords if kw.arg == "Loader"), None)
                if loader is None and len(node.args) > 1:
                    loader = node.args[1]
                if loader is None or _dotted(loader).rsplit(".", 1)[-1] not in SAFE_LOADERS:
                    report(node, f"{func} without a safe Loader")
        elif isinstance(node, ast.Attribute):
            if _dotted(node) in {f"yaml.{n}" for n in UNSAFE_LOADERS}:
                report(node, _dotted(node))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and EXTENSION_TEXT.search(node.value)
        ):
            report(node, "SQLite extension loading in a string")
    return found


PLANTED = {
    "import pickle": "import pickle",
    "from marshal import loads": "from marshal import …",
    "eval('1')": "eval()",
    "exec('x=1')": "exec()",
    "__import__('os')": "__import__()",
    "import yaml\nyaml.load(s)": "yaml.load without a safe Loader",
    "import yaml\nyaml.load(s, Loader=yaml.Loader)": "yaml.load without a safe Loader",
    "import yaml\nyaml.unsafe_load(s)": "yaml.unsafe_load",
    "import yaml\nyaml.full_load(s)": "yaml.full_load",
    "from yaml import load": "from yaml import load",
    "subprocess.run('ls', shell=True)": "shell=True",
    "subprocess.run('ls', shell=flag)": "shell=True",
    "os.system('ls')": "os.system()",
    "conn.enable_load_extension(True)": "enable_load_extension()",
    "conn.execute(\"SELECT load_extension('x')\")": "SQLite extension loading in a string",
}
ALLOWED = [
    "dialog.exec()",
    "app.exec()",
    "import yaml\nyaml.safe_load(s)",
    "import yaml\nyaml.load(s, Loader=yaml.SafeLoader)",
    "import yaml\nyaml.load(s, Loader=yaml.CSafeLoader)",
    "subprocess.run(['ls'], shell=False)",
    "re.compile('x')",
]


@pytest.mark.parametrize("snippet", sorted(PLANTED))
def test_the_checker_finds_planted_problems(snippet: str) -> None:
    found = problems_in(snippet)
    assert any(PLANTED[snippet] in f for f in found), found


@pytest.mark.parametrize("snippet", ALLOWED)
def test_the_checker_allows_the_safe_forms(snippet: str) -> None:
    assert problems_in(snippet) == []


def test_desktop_has_no_dangerous_calls() -> None:
    files = sorted(DESKTOP.rglob("*.py"))
    assert len(files) > 50
    found = [p for f in files for p in problems_in(f.read_text(encoding="utf-8"), str(f))]
    assert found == []


def test_bandit_rules_are_on_for_the_application() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    lint = config["tool"]["ruff"]["lint"]
    assert "S" in lint["select"]
    assert not [r for r in lint.get("ignore", []) if r.startswith("S")]
    for pattern, rules in lint.get("per-file-ignores", {}).items():
        if pattern.startswith("desktop"):
            assert not [r for r in rules if r.startswith("S")], pattern


def test_every_noqa_for_a_security_rule_gives_a_reason() -> None:
    """``# noqa: S…`` in desktop/ must say why (``# noqa: S603 - fixed argv, no shell``)."""
    bare = []
    for f in sorted(DESKTOP.rglob("*.py")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            m = re.search(r"#\s*noqa:\s*(S\d+(?:\s*,\s*\w+)*)(.*)$", line)
            if m and not re.search(r"\w", m.group(2)):
                bare.append(f"{f.relative_to(REPO)}:{n}: {line.strip()}")
    assert bare == []
