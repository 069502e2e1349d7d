"""A backup and restore round trip gives back data that dumps identically, media included."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from portal.site.loading import load_fixtures
from relations.models import Partner
from trade.models import Figure

pytestmark = pytest.mark.django_db(transaction=True)


def dump():
    out = io.StringIO()
    call_command("dumpdata", "relations", "trade", "auth", "--natural-foreign", "--indent", "1", stdout=out)
    return out.getvalue()


def media_files(root):
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in Path(root).rglob("*") if path.is_file()}


def test_backup_and_restore_round_trip(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "images").mkdir(parents=True)
    (tmp_path / "media" / "images" / "kept.jpg").write_bytes(b"original image bytes")
    load_fixtures()
    before, media_before = dump(), media_files(settings.MEDIA_ROOT)
    archive = tmp_path / "backup.tar.gz"

    call_command("backup", "--output", str(archive))
    Partner.objects.filter(slug="nagoya").update(story="Changed after the backup")
    Figure.objects.filter(slug="exports-to-japan").delete()
    (tmp_path / "media" / "images" / "kept.jpg").write_bytes(b"overwritten")
    (tmp_path / "media" / "images" / "new.jpg").write_bytes(b"added after the backup")
    assert dump() != before

    call_command("restore", str(archive), "--no-input")
    assert dump() == before
    assert media_files(settings.MEDIA_ROOT) == media_before
