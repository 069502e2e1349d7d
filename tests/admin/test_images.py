"""Image uploads: only real JPEG/PNG/WebP/GIF within caps, stored re-encoded, with renditions."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from relations.models import Partner
from tests.admin.helpers import form_data

CHANGE = "/admin/relations/partner/{pk}/change/"


def image_bytes(size=(1200, 800), image_format="PNG", exif=None, mode="RGB"):
    output = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    color = (200, 30, 30) if mode == "RGB" else 1
    Image.new(mode, size, color).save(output, format=image_format, **options)
    return output.getvalue()


def exif_with_gps():
    exif = Image.Exif()
    exif[0x010F] = "SecretCamera"  # Make
    exif[0x8825] = {2: (45.0, 0.0, 0.0)}  # GPS latitude
    return exif


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(media):
    return sorted(path.relative_to(media).as_posix() for path in media.rglob("*") if path.is_file())


def upload(admin_client, partner, name, content, **changes):
    url = CHANGE.format(pk=partner.pk)
    data = form_data(
        admin_client.get(url), **{"image_alt_it": "Un quadrato rosso", "image_alt_en": "A red square", **changes}
    )
    data["image"] = SimpleUploadedFile(name, content)
    return admin_client.post(url, data)


@pytest.mark.django_db
def test_valid_photo_is_stored_without_exif_and_with_renditions(admin_client, media):
    partner = Partner.objects.get(slug="nagoya")
    response = upload(admin_client, partner, "photo.jpg", image_bytes(image_format="JPEG", exif=exif_with_gps()))
    assert response.status_code == 302
    partner.refresh_from_db()
    stored = Image.open(partner.image.path)
    assert stored.format == "JPEG"
    assert not stored.getexif()
    assert (partner.image_width, partner.image_height) == (1200, 800)
    files = stored_files(media)
    assert len(files) == 3
    assert [name for name in files if name.endswith(("-480w.webp", "-960w.webp"))]
    page = admin_client.get(partner.get_absolute_url()).content.decode()
    assert 'alt="A red square"' in page
    assert 'width="1200" height="800"' in page
    assert "480w" in page and "960w" in page


@pytest.mark.django_db
def test_html_appended_to_a_png_is_not_stored(admin_client, media):
    partner = Partner.objects.get(slug="nagoya")
    tail = b"<script>alert(1)</script>"
    assert upload(admin_client, partner, "tail.png", image_bytes(size=(300, 200)) + tail).status_code == 302
    partner.refresh_from_db()
    with partner.image.open("rb") as stored:
        assert tail not in stored.read()


REFUSED = {
    "text renamed .png": ("notes.png", b"just some text, not an image", "not an image that can be read"),
    "bmp": ("old.bmp", image_bytes(size=(100, 100), image_format="BMP"), "BMP images are not accepted"),
    "tiff": ("scan.png", image_bytes(size=(100, 100), image_format="TIFF"), "TIFF images are not accepted"),
    "over 16 megapixels": ("huge.png", image_bytes(size=(6324, 6324), mode="1"), "the limit is 16 megapixels"),
    "decompression bomb": ("bomb.png", image_bytes(size=(30000, 30000), mode="1"), "the limit is 16 megapixels"),
    "over 10 MB": ("big.jpg", b"\xff\xd8\xff" + b"0" * (10 * 1024 * 1024 + 1), "the limit is 10 MB"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_bad_upload_is_refused_with_a_message_and_leaves_no_file(admin_client, media, case):
    name, content, message = REFUSED[case]
    partner = Partner.objects.get(slug="nagoya")
    response = upload(admin_client, partner, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert stored_files(media) == []
    partner.refresh_from_db()
    assert not partner.image


@pytest.mark.django_db
def test_image_needs_alt_text_or_the_decorative_flag(admin_client, media):
    partner = Partner.objects.get(slug="nagoya")
    response = upload(admin_client, partner, "photo.png", image_bytes(), image_alt_it="", image_alt_en="")
    assert "Describe the image for people who cannot see it" in response.content.decode()
    assert stored_files(media) == []
    response = upload(
        admin_client, partner, "photo.png", image_bytes(), image_alt_it="", image_alt_en="", image_is_decorative="on"
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert 'alt=""' in admin_client.get(partner.get_absolute_url()).content.decode()


MILESTONE_CHANGE = "/admin/relations/milestone/{pk}/change/"


def change_page(admin_client, record):
    return f"/admin/{record._meta.app_label}/{record._meta.model_name}/{record.pk}/change/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model_label", "slug", "text_field"),
    [("partner", "nagoya", "story_en"), ("milestone", "bologna-fair-towers-by-kenzo-tange", "summary_en")],
)
def test_record_with_a_picture_saves_again_through_the_admin_form(admin_client, media, model_label, slug, text_field):
    from relations.models import Milestone

    model = Partner if model_label == "partner" else Milestone
    record = model.objects.get(slug=slug)
    url = change_page(admin_client, record)
    data = form_data(admin_client.get(url), image_alt_it="Un quadrato rosso", image_alt_en="A red square")
    data["image"] = SimpleUploadedFile("photo.png", image_bytes())
    assert admin_client.post(url, data).status_code == 302
    record.refresh_from_db()
    stored_name = record.image.name

    # Change only the text, then only "published": the picture is kept, nothing crashes.
    resaved = admin_client.post(url, form_data(admin_client.get(url), **{text_field: "Changed text only."}))
    assert resaved.status_code == 302
    unpublished = admin_client.post(url, form_data(admin_client.get(url), is_published=None))
    assert unpublished.status_code == 302
    record.refresh_from_db()
    assert getattr(record, text_field) == "Changed text only."
    assert not record.is_published
    assert record.image.name == stored_name
    assert len(stored_files(media)) == 3


@pytest.mark.django_db
def test_a_form_error_keeps_the_image_section_open_and_asks_for_the_file_again(admin_client, media):
    partner = Partner.objects.get(slug="nagoya")
    url = CHANGE.format(pk=partner.pk)
    data = form_data(admin_client.get(url), image_alt_it="Un quadrato rosso", image_alt_en="A red square", name_it="")
    data["image"] = SimpleUploadedFile("photo.png", image_bytes())
    response = admin_client.post(url, data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "name_it" in form.errors
    assert (
        "The file you chose was not saved because of the errors in this form: choose it again." in form.errors["image"]
    )
    image_fieldset = next(fieldset for fieldset in response.context["adminform"] if "image" in fieldset.fields)
    assert not image_fieldset.is_collapsible
    assert stored_files(media) == []


@pytest.mark.django_db
def test_the_image_section_is_open_when_the_record_has_a_picture(admin_client, media):
    partner = Partner.objects.get(slug="nagoya")
    url = CHANGE.format(pk=partner.pk)
    closed = next(fieldset for fieldset in admin_client.get(url).context["adminform"] if "image" in fieldset.fields)
    assert closed.is_collapsible
    assert upload(admin_client, partner, "photo.png", image_bytes()).status_code == 302
    opened = next(fieldset for fieldset in admin_client.get(url).context["adminform"] if "image" in fieldset.fields)
    assert not opened.is_collapsible


@pytest.mark.django_db
def test_the_admin_shows_a_thumbnail_of_the_current_picture(admin_client, media):
    """Issue 24: the field showed only a hashed file name; the editor sees the picture itself."""
    partner = Partner.objects.get(slug="nagoya")
    url = CHANGE.format(pk=partner.pk)
    assert 'class="image-thumbnail"' not in admin_client.get(url).content.decode()
    assert upload(admin_client, partner, "photo.jpg", image_bytes(image_format="JPEG")).status_code == 302
    partner.refresh_from_db()
    page = admin_client.get(url).content.decode()
    smallest = partner.image.name.rsplit(".", 1)[0] + "-480w.webp"
    assert f'<p class="image-thumbnail"><img src="/media/{smallest}" alt="The current picture" width="160"></p>' in page


def image_with_comment(image_format, comment):
    output = io.BytesIO()
    mode = "P" if image_format == "GIF" else "RGB"
    Image.new(mode, (600, 400), 1 if mode == "P" else (10, 20, 30)).save(output, format=image_format, comment=comment)
    return output.getvalue()


def png_with_text(text):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", text)
    info.add_itxt("XML:com.adobe.xmp", text)
    output = io.BytesIO()
    Image.new("RGB", (600, 400), (10, 20, 30)).save(output, format="PNG", pnginfo=info)
    return output.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "payload"),
    [
        ("comment.jpg", image_with_comment("JPEG", b"<script>alert(1)</script>"), b"<script>"),
        ("comment.gif", image_with_comment("GIF", b"<?php system($_GET[1]); ?>"), b"<?php"),
        ("text.png", png_with_text("<script>alert(2)</script>"), b"<script>"),
    ],
    ids=["jpeg comment", "gif comment", "png text chunks"],
)
def test_comment_and_text_blocks_are_not_stored(admin_client, media, name, content, payload):
    assert payload in content
    partner = Partner.objects.get(slug="nagoya")
    assert upload(admin_client, partner, name, content).status_code == 302
    partner.refresh_from_db()
    with partner.image.open("rb") as stored:
        data = stored.read()
    assert payload not in data
    reopened = Image.open(io.BytesIO(data))
    assert "comment" not in reopened.info
    assert not {
        key
        for key in reopened.info
        if key
        not in {
            "transparency",
            "background",
            "version",
            "dpi",
            "jfif",
            "jfif_version",
            "jfif_unit",
            "jfif_density",
            "progressive",
            "progression",
        }
    }


@pytest.mark.django_db
def test_replacing_and_removing_a_picture_deletes_its_files(admin_client, media, django_capture_on_commit_callbacks):
    partner = Partner.objects.get(slug="nagoya")
    with django_capture_on_commit_callbacks(execute=True):
        assert upload(admin_client, partner, "first.png", image_bytes()).status_code == 302
    first = set(stored_files(media))
    assert len(first) == 3
    with django_capture_on_commit_callbacks(execute=True):
        assert upload(admin_client, partner, "second.png", image_bytes(size=(1000, 700))).status_code == 302
    second = set(stored_files(media))
    assert len(second) == 3
    assert not first & second  # the old original and both renditions are gone

    url = CHANGE.format(pk=partner.pk)
    cleared = form_data(admin_client.get(url), **{"image-clear": "on"})
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url, cleared).status_code == 302
    assert stored_files(media) == []


@pytest.mark.django_db
def test_orphan_files_are_listed_and_removed_only_when_asked(admin_client, media, capsys):
    from django.core.management import call_command

    partner = Partner.objects.get(slug="nagoya")
    assert upload(admin_client, partner, "kept.png", image_bytes()).status_code == 302
    kept = set(stored_files(media))
    (media / "images").mkdir(exist_ok=True)
    (media / "images" / "stray.png").write_bytes(image_bytes(size=(10, 10)))
    (media / "images" / "stray-480w.webp").write_bytes(b"x")

    call_command("clean_media")
    out = capsys.readouterr().out
    assert "images/stray.png" in out and "images/stray-480w.webp" in out
    assert "2 files no record points to" in out
    assert "dry run" in out.lower()
    assert set(stored_files(media)) == kept | {"images/stray.png", "images/stray-480w.webp"}

    call_command("clean_media", "--delete")
    assert set(stored_files(media)) == kept
