"""The layers point one way (pyproject.toml, [tool.importlinter]): portal.core imports no app (and
names none in a string), relations never imports trade, and only the site imports both."""

import ast
import subprocess
import sys
from pathlib import Path

from django.apps import apps
from django.urls import Resolver404, resolve

ROOT = Path(__file__).resolve().parents[1]


def test_imports_follow_the_layers():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def _code_strings(path):
    """The string constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text())
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def _names_an_app_above(text, labels):
    """An app label (``"trade"``), a model label (``"site.infopage"``), or an address the apps serve."""
    if text in labels or ("." in text and text.split(".", 1)[0] in labels):
        return True
    if text.startswith("/") and len(text) > 1:
        try:
            resolve(text)
        except Resolver404:
            return False
        return True
    return False


def test_the_building_blocks_name_no_app_above_them_in_strings():
    """import-linter sees imports, not strings: ``{"relations", "trade"}``, ``"relations.Partner"`` or
    ``"/healthz/"`` in portal/core tie the blocks to the apps above as surely as an import. The apps
    declare what the blocks need (``public_content`` on their AppConfig, ``search_index_fields``
    on their models) instead."""
    labels = {config.label for config in apps.get_app_configs() if config.name in ("portal.site", "relations", "trade")}
    assert labels == {"site", "relations", "trade"}
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in sorted((ROOT / "portal" / "core").rglob("*.py"))
        for line, text in _code_strings(path)
        if _names_an_app_above(text, labels)
    ]
    assert found == []
