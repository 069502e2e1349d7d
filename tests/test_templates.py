"""The templates stay readable: no line longer than a reader can take in (a long line is a block
of markup that wants an include, a blocktranslate trimmed or a property in Python)."""

from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
LONGEST_LINE = 200


def test_no_template_line_is_longer_than_200_characters():
    paths = sorted(TEMPLATES.rglob("*.html"))
    assert len(paths) > 60
    long_lines = [
        f"{path.relative_to(TEMPLATES)}:{number} ({len(line)})"
        for path in paths
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if len(line) > LONGEST_LINE
    ]
    assert long_lines == []
