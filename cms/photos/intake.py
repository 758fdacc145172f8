"""Turns a reporter's uploaded file into a safe photo (upright, downscaled, metadata-free) or a clear refusal.

Every accepted photo is decoded and re-encoded from its pixels alone, so nothing the camera or a
hostile author put around the pixels (EXIF with GPS, XMP, IPTC, maker notes, thumbnails, comments,
appended payloads) can survive into storage. Only the ICC colour profile is carried over.
"""

import io
import math
import os
import warnings
import zipfile
from dataclasses import dataclass

import pillow_heif
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps

pillow_heif.register_heif_opener()

# Pillow format name -> the extensions a reporter's file may carry for it.
ACCEPTED_EXTENSIONS = {
    "JPEG": {"jpg", "jpeg"},
    "PNG": {"png"},
    "WEBP": {"webp"},
    "HEIF": {"heic", "heif"},
}
HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
# Signs of a web page, script or drawing hidden in (or posing as) a photo.
MARKUP_SIGNS = (b"<html", b"<script", b"<svg", b"<!doctype", b"<?php", b"<iframe", b"<body", b"javascript:")
JPEG_QUALITY = 88
WEBP_QUALITY = 88
# Everything Pillow may raise on a damaged or malicious file once it has been identified.
DECODE_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    TypeError,
    KeyError,
    ZeroDivisionError,
    MemoryError,
)


class PhotoRejected(ValidationError):
    """A file that cannot become a photo; the message is meant for the reporter."""


@dataclass(frozen=True)
class PhotoLimits:
    max_bytes: int
    max_pixels: int
    max_side: int
    max_aspect_ratio: int
    long_side: int

    @classmethod
    def from_settings(cls) -> "PhotoLimits":
        return cls(
            max_bytes=settings.PHOTO_MAX_UPLOAD_BYTES,
            max_pixels=settings.PHOTO_MAX_PIXELS,
            max_side=settings.PHOTO_MAX_SIDE,
            max_aspect_ratio=settings.PHOTO_MAX_ASPECT_RATIO,
            long_side=settings.PHOTO_LONG_SIDE,
        )


@dataclass(frozen=True)
class AcceptedPhoto:
    content: bytes
    extension: str
    width: int
    height: int

    def as_file(self) -> ContentFile:
        return ContentFile(self.content, name=f"photo.{self.extension}")


def accepted_formats_text() -> str:
    return _("JPEG, PNG, WebP or HEIC")


def reject(message, code: str, **params) -> PhotoRejected:
    return PhotoRejected(message, code=code, params=params or None)


def read_upload(upload, limits: PhotoLimits) -> bytes:
    """The whole file, read no further than the size limit allows."""
    size = getattr(upload, "size", None)
    if size is not None and size > limits.max_bytes:
        raise too_big(size, limits)
    upload.seek(0)
    data = upload.read(limits.max_bytes + 1)
    if not data:
        raise reject(_("The file is empty. Choose the photo again."), "empty")
    if len(data) > limits.max_bytes:
        raise too_big(len(data), limits)
    return data


def too_big(size: int, limits: PhotoLimits) -> PhotoRejected:
    return reject(
        _("This photo is too large (%(size)s). The largest photo accepted is %(limit)s."),
        "too_large",
        size=filesizeformat(size),
        limit=filesizeformat(limits.max_bytes),
    )


def sniff_format(data: bytes) -> str | None:
    """The format the bytes themselves claim, whatever the file is called."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[4:8] == b"ftyp" and data[8:12] in HEIF_BRANDS:
        return "HEIF"
    return None


def carries_other_content(data: bytes) -> bool:
    """Whether the file is also a web page, script, drawing or archive (a polyglot)."""
    lowered = data.lower()
    return any(sign in lowered for sign in MARKUP_SIGNS) or zipfile.is_zipfile(io.BytesIO(data))


def check_kind(data: bytes, filename: str) -> str:
    extension = os.path.splitext(filename)[1].lower().lstrip(".")
    if extension == "svg" or b"<svg" in data[:4096].lower():
        raise reject(
            _("Drawings (SVG) are not accepted. Upload a photo: %(formats)s."), "svg", formats=accepted_formats_text()
        )
    if not any(extension in extensions for extensions in ACCEPTED_EXTENSIONS.values()):
        raise reject(
            _("Only photos in these formats are accepted: %(formats)s."), "extension", formats=accepted_formats_text()
        )
    kind = sniff_format(data)
    if kind is None:
        raise reject(
            _("This file is not a photo, although its name ends in .%(extension)s. Choose the photo file itself."),
            "not_a_photo",
            extension=extension,
        )
    if extension not in ACCEPTED_EXTENSIONS[kind]:
        raise reject(
            _("The file's name ends in .%(extension)s but its content is another format. Choose the original photo."),
            "mismatch",
            extension=extension,
        )
    if carries_other_content(data):
        raise reject(
            _("This file contains something other than a photo (a web page, script or archive) and was refused."),
            "polyglot",
        )
    return kind


def check_dimensions(image: Image.Image, limits: PhotoLimits) -> None:
    width, height = image.size
    frames = getattr(image, "n_frames", 1)
    if width < 1 or height < 1:
        raise damaged()
    if width * height * frames > limits.max_pixels:
        raise reject(
            _("This photo has too many pixels (%(megapixels)s megapixels). The most accepted is %(limit)s megapixels."),
            "too_many_pixels",
            megapixels=math.ceil(width * height * frames / 1_000_000),
            limit=limits.max_pixels // 1_000_000,
        )
    if max(width, height) > limits.max_side:
        raise reject(
            _("This photo is too long (%(side)s pixels). The longest side accepted is %(limit)s pixels."),
            "too_long",
            side=max(width, height),
            limit=limits.max_side,
        )
    if max(width, height) > limits.max_aspect_ratio * min(width, height):
        raise reject(_("This picture is a very thin strip, not a photo, and was refused."), "thin_strip")


def damaged() -> PhotoRejected:
    return reject(
        _("This photo is damaged or incomplete and cannot be opened. Send the original file again."), "damaged"
    )


def decode(data: bytes, kind: str, limits: PhotoLimits) -> tuple[Image.Image, bytes | None]:
    """The photo's first frame, upright and no larger than needed, with its ICC profile."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=[kind])
            check_dimensions(image, limits)
            scale = limits.long_side / max(image.size)
            if kind == "JPEG" and scale < 0.5:
                # Let libjpeg decode at 1/2, 1/4 or 1/8 size: less time and memory for huge photos.
                image.draft("RGB", (math.ceil(image.width * scale), math.ceil(image.height * scale)))
            image.load()
            icc_profile = image.info.get("icc_profile")
            upright = ImageOps.exif_transpose(image)
        except PhotoRejected:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            # Pillow's own guard fires while reading the header, before our pixel count can.
            raise reject(
                _("This photo has far too many pixels. The most accepted is %(limit)s megapixels."),
                "too_many_pixels",
                limit=limits.max_pixels // 1_000_000,
            ) from error
        except DECODE_ERRORS as error:
            raise damaged() from error
    return upright, icc_profile


def to_display_colours(image: Image.Image, icc_profile: bytes | None) -> tuple[Image.Image, bytes | None]:
    """RGB, RGBA or greyscale pixels whose ICC profile (if any) still describes them."""
    if image.mode in {"RGB", "RGBA", "L"}:
        return image, icc_profile
    if image.mode in {"P", "PA"}:
        # Palette entries are RGB values in the profile's colour space, so the profile still applies.
        return image.convert("RGBA" if image.has_transparency_data else "RGB"), icc_profile
    if image.mode == "CMYK" and icc_profile:
        try:
            srgb = ImageCms.createProfile("sRGB")
            converted = ImageCms.profileToProfile(image, io.BytesIO(icc_profile), srgb, outputMode="RGB")
            return converted, ImageCms.ImageCmsProfile(srgb).tobytes()
        except (ImageCms.PyCMSError, OSError):
            pass
    # Anything rarer (CMYK without a profile, 16-bit, greyscale with alpha) is treated as sRGB.
    return image.convert("RGBA" if "A" in image.mode else "RGB"), None


def fresh_copy(image: Image.Image, limits: PhotoLimits) -> Image.Image:
    """Only pixels: a new image, downscaled if needed, that never saw the file's metadata."""
    if max(image.size) > limits.long_side:
        scale = limits.long_side / max(image.size)
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    return clean


def encode(image: Image.Image, kind: str, icc_profile: bytes | None) -> tuple[bytes, str]:
    output = io.BytesIO()
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if kind == "PNG" or (kind in {"JPEG", "HEIF"} and image.mode == "RGBA"):
        image.save(output, format="PNG", **options)
        return output.getvalue(), "png"
    if kind == "WEBP":
        image.save(output, format="WEBP", quality=WEBP_QUALITY, method=4, **options)
        return output.getvalue(), "webp"
    # HEIC becomes JPEG: every browser shows it, and renditions are made from it.
    image.save(output, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, **options)
    return output.getvalue(), "jpg"


def accept_photo_file(upload, *, limits: PhotoLimits | None = None) -> AcceptedPhoto:
    """The cleaned photo for ``upload`` (a Django file), or PhotoRejected with a message for the reporter."""
    limits = limits or PhotoLimits.from_settings()
    data = read_upload(upload, limits)
    kind = check_kind(data, getattr(upload, "name", "") or "")
    image, icc_profile = decode(data, kind, limits)
    image, icc_profile = to_display_colours(image, icc_profile)
    clean = fresh_copy(image, limits)
    content, extension = encode(clean, kind, icc_profile)
    return AcceptedPhoto(content=content, extension=extension, width=clean.width, height=clean.height)
