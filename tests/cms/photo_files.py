"""Photo files built with Pillow for the tests: phone photos full of private metadata, and hostile files."""

import io
import struct
import zipfile
import zlib

from PIL import Image, ImageCms, ImageDraw, PngImagePlugin

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
ORIENTATION = 0x0112
BODY_SERIAL_NUMBER = 0xA431
MAKER_NOTE = 0x927C
SECRET_SERIAL = "SERIAL-0042-HOME"
SECRET_COMMENT = b"taken outside my house"
XMP_WITH_GPS = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="35,50.21N" '
    b'exif:GPSLongitude="50,58.02E"/></rdf:RDF></x:xmpmeta>'
)
SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def phone_exif(*, orientation: int = 1) -> Image.Exif:
    """EXIF as a phone writes it: orientation, camera serial number, maker notes and where the photo was taken."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 15"
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (35.0, 50.0, 12.5), 3: "E", 4: (50.0, 58.0, 1.0)})
    camera = exif.get_ifd(EXIF_IFD)
    camera.update({BODY_SERIAL_NUMBER: SECRET_SERIAL, MAKER_NOTE: b"maker-note:" + SECRET_SERIAL.encode()})
    return exif


def landscape_picture(size: tuple[int, int]) -> Image.Image:
    """Top half red, bottom half blue: which way up the photo is shows in its pixels."""
    width, height = size
    picture = Image.new("RGB", size, (200, 30, 30))
    ImageDraw.Draw(picture).rectangle([0, height // 2, width, height], fill=(30, 30, 200))
    return picture


def encoded(picture: Image.Image, format: str, **options) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, format=format, **options)
    return buffer.getvalue()


def with_jpeg_segment(jpeg: bytes, marker: int, payload: bytes) -> bytes:
    """The JPEG with one more application segment right after its start marker."""
    return jpeg[:2] + struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload + jpeg[2:]


def iptc_segment() -> bytes:
    """A Photoshop APP13 block holding an IPTC caption with the reporter's home street."""
    record = b"\x1c\x02\x78" + struct.pack(">H", 20) + b"Street 12, Gohardasht"
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(record)) + record
    return b"Photoshop 3.0\x00" + resource


def phone_jpeg(*, size=(4000, 3000), orientation: int = 1) -> bytes:
    """A phone JPEG with GPS in EXIF and XMP, a serial number, maker notes, a comment, IPTC and an ICC profile."""
    jpeg = encoded(
        landscape_picture(size),
        "JPEG",
        quality=85,
        exif=phone_exif(orientation=orientation),
        xmp=XMP_WITH_GPS,
        comment=SECRET_COMMENT,
        icc_profile=SRGB_PROFILE,
    )
    return with_jpeg_segment(jpeg, 0xED, iptc_segment())


def phone_heic(*, size=(1200, 900)) -> bytes:
    """An iPhone-style HEIC with GPS in its EXIF and XMP."""
    return encoded(landscape_picture(size), "HEIF", quality=60, exif=phone_exif(), xmp=XMP_WITH_GPS)


def png_with_metadata(*, size=(800, 600)) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP_WITH_GPS.decode())
    info.add_text("Comment", SECRET_COMMENT.decode())
    return encoded(landscape_picture(size), "PNG", exif=phone_exif(), pnginfo=info, icc_profile=SRGB_PROFILE)


def webp_with_metadata(*, size=(800, 600)) -> bytes:
    return encoded(landscape_picture(size), "WEBP", exif=phone_exif(), xmp=XMP_WITH_GPS, icc_profile=SRGB_PROFILE)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming_size(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims enormous dimensions (a decompression bomb)."""
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    pixels = png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
    return b"\x89PNG\r\n\x1a\n" + header + pixels + png_chunk(b"IEND", b"")


def png_with_giant_text(*, megabytes: int = 64) -> bytes:
    """A small PNG carrying a compressed text chunk that would inflate to ``megabytes`` of memory."""
    compressor = zlib.compressobj(9)
    block = b"\x00" * (1024 * 1024)
    text = b"".join(compressor.compress(block) for _ in range(megabytes)) + compressor.flush()
    plain = encoded(landscape_picture((64, 64)), "PNG")
    giant = png_chunk(b"zTXt", b"Comment\x00\x00" + text)
    return plain[:33] + giant + plain[33:]


def animation_with_frames(*, frames: int, size=(1000, 1000)) -> bytes:
    """An animated PNG whose frames together exceed the pixel budget though each frame alone does not."""
    pictures = [Image.new("RGB", size, (index * 5 % 256, 80, 120)) for index in range(frames)]
    return encoded(pictures[0], "PNG", save_all=True, append_images=pictures[1:])


def truncated_jpeg() -> bytes:
    whole = encoded(landscape_picture((1600, 1200)), "JPEG", quality=90)
    return whole[: len(whole) // 2]


def corrupt_jpeg() -> bytes:
    whole = encoded(landscape_picture((640, 480)), "JPEG")
    return whole[:200] + bytes((index * 37) % 256 for index in range(4000))


def zip_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.html", "<script>alert(1)</script>")
    return buffer.getvalue()


def jpeg_with_zip_appended() -> bytes:
    return encoded(landscape_picture((640, 480)), "JPEG") + zip_archive()


def jpeg_with_script_comment() -> bytes:
    return encoded(landscape_picture((640, 480)), "JPEG", comment=b"<script>fetch('/admin/')</script>")


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def thin_strip() -> bytes:
    return encoded(Image.new("RGB", (8000, 4), (0, 0, 0)), "PNG")
