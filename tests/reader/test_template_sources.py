"""Template sources: Django's `{# #}` comment ends at the end of its line, so a comment that spans
lines is printed on the page. Multi-line comments must use `{% comment %}`."""

from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.db_independent  # CI runs it once, in the SQLite phase

ROOT = Path(settings.BASE_DIR)


def project_templates():
    for path in sorted(ROOT.glob("**/templates/**/*.html")):
        if ".venv" in path.parts or "node_modules" in path.parts:
            continue
        yield path


def test_project_has_templates():
    assert len(list(project_templates())) > 30


def test_no_comment_spans_lines():
    unclosed = []
    for path in project_templates():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            rest = line
            while "{#" in rest:
                rest = rest[rest.index("{#") + 2 :]
                if "#}" not in rest:
                    unclosed.append(f"{path.relative_to(ROOT)}:{number}")
                    break
                rest = rest[rest.index("#}") + 2 :]
    assert unclosed == []
