"""Independent readers of stored and served photo bytes: what private data, if any, they still carry."""

import io
import json
import shutil
import subprocess
import tempfile

from bs4 import BeautifulSoup
from PIL import Image

from . import photo_files

METADATA_INFO_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "Comment", "photoshop", "iptc", "thumbnails"}
RAW_TRACES = {
    "camera serial number": photo_files.SECRET_SERIAL.encode(),
    "XMP GPS": b"35,50.21N",
    "IPTC street": b"Gohardasht",
    "comment": photo_files.SECRET_COMMENT,
    "EXIF block": b"Exif\x00\x00",
    "XMP packet": b"adobe:ns:meta",
    "Photoshop/IPTC block": b"Photoshop 3.0",
}
# exiftool groups that describe the picture itself rather than who took it and where.
HARMLESS_EXIFTOOL_GROUPS = {
    "ExifTool",
    "File",
    "System",
    "JFIF",
    "ICC_Profile",
    "ICC-header",
    "ICC-view",
    "ICC-meas",
    "Composite",
    "PNG",
    "RIFF",
    "QuickTime",
    "Meta",
    "ItemList",
}


def private_traces(data: bytes) -> list[str]:
    """Everything Pillow or a byte scan finds that could identify the camera, the reporter or the place."""
    found = [label for label, needle in RAW_TRACES.items() if needle in data]
    picture = Image.open(io.BytesIO(data))
    if len(picture.getexif()):
        found.append(f"EXIF tags {sorted(picture.getexif())}")
    if picture.getexif().get_ifd(photo_files.GPS_IFD):
        found.append("GPS")
    if picture.getxmp():
        found.append("XMP")
    found += [f"metadata '{key}'" for key in METADATA_INFO_KEYS & set(picture.info)]
    return found


def exiftool_groups(data: bytes) -> set[str]:
    """The metadata groups exiftool reads in the bytes, besides the harmless ones."""
    with tempfile.NamedTemporaryFile() as file:
        file.write(data)
        file.flush()
        result = subprocess.run(
            ["exiftool", "-json", "-G1", "-a", "-u", file.name], capture_output=True, check=True, timeout=60
        )
    (tags,) = json.loads(result.stdout)
    groups = {key.split(":")[0] for key in tags if ":" in key}
    return {group for group in groups if group not in HARMLESS_EXIFTOOL_GROUPS and not group.startswith("ICC")}


def has_exiftool() -> bool:
    return shutil.which("exiftool") is not None


def served_photo_urls(html: str, selector: str) -> list[str]:
    """Every URL a browser could fetch for the <picture> at ``selector``: all sources and the fallback."""
    picture = BeautifulSoup(html, "html.parser").select_one(selector)
    urls = [picture.img["src"]]
    for element in [*picture.find_all("source"), picture.img]:
        urls += [candidate.strip().split(" ")[0] for candidate in element.get("srcset", "").split(",") if candidate]
    return sorted(set(urls))


def fetch(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content)
