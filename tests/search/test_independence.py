"""The search app serves every content app and depends on none of them: content apps plug in
through opt-in attributes (search/registry.py) and providers listed in settings
(`SEARCH_NUMBER_PROVIDERS`). This test reads search/'s sources and fails on any import of a
content app: `import`, `from ... import`, or a literal dotted path given to `import_string`,
`import_module` or `apps.get_model`."""

import ast
from pathlib import Path

import pytest
from django.apps import apps

import search

pytestmark = pytest.mark.db_independent  # CI runs it once, in the SQLite phase

ROOT = Path(__file__).resolve().parents[2]
SEARCH = Path(search.__file__).resolve().parent
# The project's own apps that search may use: the project package and itself.
ALLOWED = {"portal", "search"}
DYNAMIC_IMPORTERS = {"import_string", "import_module", "get_model", "__import__"}


def content_apps():
    """Top-level packages of the apps that live in this repository, except the allowed ones."""
    found = set()
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(ROOT) and not path.is_relative_to(ROOT / ".venv"):
            found.add(config.name.split(".")[0])
    return found - ALLOWED


def imported_modules(source):
    tree = ast.parse(source.read_text(), str(source))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
        elif isinstance(node, ast.Call):
            func = node.func
            name = getattr(func, "attr", None) or getattr(func, "id", None)
            if name in DYNAMIC_IMPORTERS:
                for arg in node.args[:1]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        yield node.lineno, arg.value


def test_the_content_apps_are_known():
    assert {"news", "resolutions", "campaigns", "home"} <= content_apps()


def test_search_imports_no_content_app():
    forbidden = content_apps()
    found = [
        f"{source.relative_to(ROOT)}:{line} {module}"
        for source in sorted(SEARCH.rglob("*.py"))
        for line, module in imported_modules(source)
        if module.split(".")[0] in forbidden
    ]
    assert found == []


def test_the_check_sees_every_kind_of_import(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text(
        "import news.models\n"
        "from resolutions.numbers import find_by_number\n"
        "def f():\n"
        "    from campaigns import models\n"
        "    import_string('home.sections.home_sections')\n"
        "    apps.get_model('news', 'NewsArticlePage')\n"
        "from . import registry\n"
    )
    modules = [module for _line, module in imported_modules(source)]
    assert modules == [
        "news.models",
        "resolutions.numbers",
        "campaigns",
        "home.sections.home_sections",
        "news",
    ]
