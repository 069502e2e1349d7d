"""`.env.example` says it lists every setting the portal reads from the environment: it does."""

import re
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)


def test_every_variable_the_settings_read_is_in_env_example():
    source = (BASE / "portal" / "settings.py").read_text()
    read = set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z][A-Z0-9_]+)"', source))
    listed = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (BASE / ".env.example").read_text(), re.M))
    assert len(read) > 30
    assert sorted(read - listed) == []
