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


def test_backup_keep_removes_only_the_oldest_of_its_own_archives(tmp_path, settings):
    """Issue 27: rotation for a nightly `manage.py backup --directory D --keep N`."""
    settings.MEDIA_ROOT = tmp_path / "media"
    backups = tmp_path / "backups"
    backups.mkdir()
    for name in ("portal-20250101-000000.tar.gz", "portal-20250102-000000.tar.gz", "portal-20250103-000000.tar.gz"):
        (backups / name).write_bytes(b"an older archive")
    (backups / "portal-before-the-upgrade.tar.gz").write_bytes(b"named by an operator: never removed")
    out = io.StringIO()

    call_command("backup", "--directory", str(backups), "--keep", "2", stdout=out)

    left = sorted(path.name for path in backups.iterdir())
    assert left[0] == "portal-20250103-000000.tar.gz"
    assert left[1] > "portal-20250103-000000.tar.gz"  # the one just written, named by its date
    assert left[2] == "portal-before-the-upgrade.tar.gz"
    assert len(left) == 3
    assert "Removed the older backup portal-20250101-000000.tar.gz" in out.getvalue()


def test_backup_keeps_every_archive_unless_told(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "portal-20250101-000000.tar.gz").write_bytes(b"an older archive")
    call_command("backup", "--directory", str(tmp_path), stdout=io.StringIO())
    assert len(list(tmp_path.glob("portal-*.tar.gz"))) == 2
