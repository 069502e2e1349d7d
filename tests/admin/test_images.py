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
    data = form_data(admin_client.get(url), **{"image_alt": "A red square", **changes})
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
    "over 40 megapixels": ("huge.png", image_bytes(size=(8000, 6000), mode="1"), "the limit is 40 megapixels"),
    "decompression bomb": ("bomb.png", image_bytes(size=(30000, 30000), mode="1"), "the limit is 40 megapixels"),
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
    response = upload(admin_client, partner, "photo.png", image_bytes(), image_alt="")
    assert "Describe the image for people who cannot see it" in response.content.decode()
    assert stored_files(media) == []
    response = upload(admin_client, partner, "photo.png", image_bytes(), image_alt="", image_is_decorative="on")
    assert response.status_code == 302
    partner.refresh_from_db()
    assert 'alt=""' in admin_client.get(partner.get_absolute_url()).content.decode()
