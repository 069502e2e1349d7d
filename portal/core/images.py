"""Uploaded images: checked by decoding, capped, re-encoded without metadata, with renditions.

Django's ImageField accepts any format Pillow can open (PSD, EPS, PDF…), a 100-megapixel
image of a few kilobytes, and a PNG with HTML appended. Here an upload must decode as JPEG,
PNG, WebP or GIF within a size and a pixel cap; what is stored is a fresh encoding of the
pixels (no EXIF, no trailing bytes), and the pages use smaller renditions made once on save.
"""

import io
import uuid
import warnings
from pathlib import PurePosixPath

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .translation import language_columns

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 16_000_000  # 4,000 × 4,000: a 40-megapixel PNG of 155 KB kept a worker busy for 17 s
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
RENDITION_WIDTHS = (480, 960)


def _open_checked(file):
    """Open and fully decode ``file``; raise ValidationError with a message for the editor."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The image is %(size)s MB; the limit is %(limit)s MB."),
            code="too_large",
            params={"size": round(size / 1024 / 1024, 1), "limit": MAX_UPLOAD_BYTES // 1024 // 1024},
        )
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(file)
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("%(format)s images are not accepted: upload a JPEG, PNG, WebP or GIF."),
                    code="format",
                    params={"format": image.format},
                )
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    _("The image is %(width)s × %(height)s pixels; the limit is %(limit)s megapixels."),
                    code="too_many_pixels",
                    params={"width": width, "height": height, "limit": MAX_PIXELS // 1_000_000},
                )
            image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("The image has far too many pixels; the limit is %(limit)s megapixels."),
            code="too_many_pixels",
            params={"limit": MAX_PIXELS // 1_000_000},
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("This file is not an image that can be read (JPEG, PNG, WebP or GIF)."), code="invalid"
        ) from error
    finally:
        file.seek(0)
    return image


def validate_image(file):
    """Field validator: a new upload must decode as an allowed format within the caps.

    A file already stored was checked when it was uploaded (and is closed by now), so saving a
    record again without a new upload checks nothing.
    """
    if getattr(file, "_committed", False):
        return
    _open_checked(file)


# The only information kept from an upload besides its pixels: which palette entry is transparent.
KEPT_INFO = {"transparency"}


def _in_srgb(image):
    """Colours converted to sRGB when the upload carries a colour profile, so the profile can go."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        return ImageCms.profileToProfile(
            image, io.BytesIO(profile), ImageCms.createProfile("sRGB"), outputMode=image.mode
        )
    except (ImageCms.PyCMSError, OSError):
        return image  # an unreadable profile: keep the pixels as they are


def reencode(file):
    """A clean copy of the image: upright, first frame only, no metadata, no comments, no trailing bytes.

    Pillow writes some of what it read back out (JPEG and GIF comments, for instance), so what it
    read is dropped: only the pixels, and a palette's transparent entry, reach the stored file.
    """
    image = _open_checked(file)
    image_format = image.format
    image = ImageOps.exif_transpose(image)
    image = _in_srgb(image)
    image.info = {key: value for key, value in image.info.items() if key in KEPT_INFO}
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    output = io.BytesIO()
    options = {"quality": 85, "optimize": True} if image_format in ("JPEG", "WEBP") else {}
    image.save(output, format=image_format, **options)
    name = f"{uuid.uuid4().hex}.{ALLOWED_FORMATS[image_format]}"
    return ContentFile(output.getvalue(), name=name), image.size


def rendition_name(name, width):
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}-{width}w.webp"))


def delete_renditions(sender, file_name, success=True, **kwargs):
    """django-cleanup receiver: once an image's file is deleted, delete its renditions too."""
    if not success:
        return
    storage = kwargs["file"].storage
    for width in RENDITION_WIDTHS:
        rendition = rendition_name(file_name, width)
        if storage.exists(rendition):
            storage.delete(rendition)


def make_renditions(storage, name, original_width):
    """Write the WebP renditions narrower than the original; return their widths."""
    widths = [width for width in RENDITION_WIDTHS if width < original_width]
    if not widths:
        return []
    with storage.open(name, "rb") as stored:
        image = Image.open(stored)
        image.load()
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() or image.mode == "P" else "RGB")
    for width in widths:
        height = max(1, round(image.height * width / image.width))
        output = io.BytesIO()
        image.resize((width, height), Image.Resampling.LANCZOS).save(output, format="WEBP", quality=80)
        target = rendition_name(name, width)
        if storage.exists(target):
            storage.delete(target)
        storage.save(target, ContentFile(output.getvalue()))
    return widths


class ImageWithThumbnailInput(AdminFileWidget):
    """The admin's file input with a small picture of the current image, not only its hashed
    file name: the editor sees which picture the record has (its smallest rendition)."""

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, value, attrs, renderer)
        if not value or not getattr(value, "url", None):
            return field
        smallest = rendition_name(value.name, RENDITION_WIDTHS[0])
        url = value.storage.url(smallest) if value.storage.exists(smallest) else value.url
        return format_html(
            '<p class="image-thumbnail"><img src="{}" alt="{}" width="160"></p>{}', url, _("The current picture"), field
        )


class CheckedImageFormField(forms.ImageField):
    """Checks size, format and pixels with clear messages before Django's own image check."""

    def to_python(self, data):
        if data not in self.empty_values:
            _open_checked(data)
        return super().to_python(data)


class CheckedImageField(models.ImageField):
    """An ImageField whose forms refuse anything ``validate_image`` would refuse, with its message."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [validate_image])
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CheckedImageFormField, **kwargs})


class Illustrated(models.Model):
    """An optional image with required alt text (or an explicit 'decorative' flag)."""

    image = CheckedImageField(
        _("image"),
        upload_to="images/%Y/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=_(
            "JPEG, PNG, WebP or GIF, at most 10 MB and 16 megapixels (for example 4,000 × 4,000 pixels). "
            "Metadata such as GPS is removed."
        ),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required unless the image is decorative."),
    )
    image_is_decorative = models.BooleanField(
        _("decorative image"),
        default=False,
        help_text=_("Tick only if the image adds nothing to the text; screen readers will skip it."),
    )
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """Store a clean re-encoding of a new upload, then make its renditions once."""
        new_upload = bool(self.image) and not self.image._committed
        if new_upload:
            content, _size = reencode(self.image.file)
            self.image.save(content.name, content, save=False)
        super().save(*args, **kwargs)
        if new_upload:
            make_renditions(self.image.storage, self.image.name, self.image_width or 0)

    @property
    def image_srcset(self):
        """``srcset`` of the renditions and the original, for <img>."""
        if not self.image:
            return ""
        candidates = [
            f"{self.image.storage.url(rendition_name(self.image.name, width))} {width}w"
            for width in RENDITION_WIDTHS
            if width < (self.image_width or 0)
        ]
        candidates.append(f"{self.image.url} {self.image_width}w")
        return ", ".join(candidates)

    def clean(self):
        super().clean()
        if self.image and not self.image_is_decorative:
            # In every language: a screen reader reads the page's language (image_alt_it, image_alt_en).
            missing = [
                name for name in language_columns(type(self), "image_alt") if not (getattr(self, name) or "").strip()
            ]
            if missing:
                message = _("Describe the image for people who cannot see it, or tick 'decorative image'.")
                raise ValidationError(dict.fromkeys(missing, message))
