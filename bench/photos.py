"""Measures the photo pipeline for the closing note of issue 5 (run by hand: `make bench`).

For a 12-megapixel phone JPEG and a HEIC: the time and peak memory to accept the upload (decode,
turn upright, scale down, strip metadata, re-encode) and to make every rendition the story page
uses; then the bytes a reader downloads for the story's lead photo at 360 px and 1280 px wide
screens, against the original upload. Each measurement runs in a fresh process so that its peak
resident memory (VmHWM, Linux) is its own.
"""

import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

PHONE_SIZE = (4032, 3024)  # 12.2 megapixels, what most phones take
STORY_LEAD_WIDTHS = {
    "360 px screen": 360,
    "1280 px screen": 768,
}  # CSS px of the slot: sizes="(min-width: 50em) 48em, 100vw"
DEVICE_PIXEL_RATIOS = (1, 2)


def setup_django():
    import django

    django.setup()


def phone_picture():
    """A street scene with sensor-like noise, so that it compresses like a real photo."""
    from PIL import Image

    from cms.factories import street_picture

    scene = street_picture(seed=7, size=PHONE_SIZE)
    noise = Image.effect_noise(PHONE_SIZE, 16).convert("RGB")
    return Image.blend(scene, noise, 0.06)


def phone_files() -> dict[str, tuple[str, bytes]]:
    """The two uploads, made once and kept in var/bench/ (encoding a 12 MP HEIC takes minutes)."""
    from PIL import Image

    folder = Path(__file__).resolve().parent.parent / "var" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (35.0, 50.0, 12.5), 3: "E", 4: (50.0, 58.0, 1.0)})
    files = {}
    picture = None
    for label, name, options in [
        ("12 MP phone JPEG", "IMG_0001.JPG", {"format": "JPEG", "quality": 92}),
        ("12 MP iPhone HEIC", "IMG_0002.HEIC", {"format": "HEIF", "quality": 80}),
    ]:
        path = folder / name
        if not path.exists():
            picture = picture or phone_picture()
            buffer = io.BytesIO()
            picture.save(buffer, exif=exif, **options)
            path.write_bytes(buffer.getvalue())
        files[label] = (name, path.read_bytes())
    return files


def peak_rss_mb() -> float:
    """The process's peak resident memory. Not ru_maxrss: Linux carries that over from the parent process."""
    status = Path("/proc/self/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1]) / 1024


def measure(name: str, data: bytes) -> dict:
    """Runs in its own process (see main), so that the peak memory is this upload's alone."""
    setup_django()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images.models import Filter

    from cms.models import Photo
    from cms.photos.intake import accept_photo_file
    from cms.photos.sizes import rendition_specs

    baseline = peak_rss_mb()
    started = time.perf_counter()
    accepted = accept_photo_file(SimpleUploadedFile(name, data))
    accept_seconds = time.perf_counter() - started
    accept_peak = peak_rss_mb() - baseline

    # Never saved: the benchmark needs no database.
    photo = Photo(title="bench", width=accepted.width, height=accepted.height, collection_id=1)
    sizes = {}
    started = time.perf_counter()
    for spec in rendition_specs("story_lead"):
        output = Filter(spec).run(photo, io.BytesIO(), source=accepted.as_file())
        sizes[spec] = len(output.f.getvalue())
    rendition_seconds = time.perf_counter() - started
    return {
        "accept_seconds": accept_seconds,
        "accept_peak_mb": accept_peak,
        "rendition_seconds": rendition_seconds,
        "total_peak_mb": peak_rss_mb() - baseline,
        "stored_bytes": len(accepted.content),
        "stored_size": (accepted.width, accepted.height),
        "renditions": sizes,
    }


def chosen_width(slot_css_px: int, ratio: int, widths: list[int]) -> int:
    """The candidate a browser picks from a width srcset: the smallest that covers the slot, else the largest."""
    needed = slot_css_px * ratio
    return next((width for width in sorted(widths) if width >= needed), max(widths))


def report(label: str, upload: bytes, measured: dict) -> None:
    kb = lambda size: f"{size / 1024:,.0f} KB"  # noqa: E731
    print(f"\n{label}: upload {kb(len(upload))}")
    print(f"  accept: {measured['accept_seconds']:.2f} s, peak memory +{measured['accept_peak_mb']:.0f} MB")
    print(
        f"  stored original: {measured['stored_size'][0]}x{measured['stored_size'][1]}, {kb(measured['stored_bytes'])}"
    )
    count = len(measured["renditions"])
    print(
        f"  {count} story-page renditions: {measured['rendition_seconds']:.2f} s, "
        f"peak memory for the whole upload +{measured['total_peak_mb']:.0f} MB"
    )
    widths = sorted({int(spec.split("|")[0].removeprefix("width-")) for spec in measured["renditions"]})
    for screen, slot in STORY_LEAD_WIDTHS.items():
        for ratio in DEVICE_PIXEL_RATIOS:
            width = chosen_width(slot, ratio, widths)
            by_format = {
                spec.split("format-")[1]: size
                for spec, size in measured["renditions"].items()
                if spec.startswith(f"width-{width}|")
            }
            formats = ", ".join(f"{name} {kb(size)}" for name, size in by_format.items())
            smallest = min(by_format.values())
            print(
                f"  lead photo on a {screen} at {ratio}x: width-{width}: {formats} "
                f"({smallest / len(upload):.1%} of the upload)"
            )


def main() -> None:
    setup_django()
    for label, (name, data) in phone_files().items():
        with tempfile.TemporaryDirectory() as folder:
            upload = Path(folder) / name
            upload.write_bytes(data)
            child = subprocess.run(
                [sys.executable, __file__, "--measure", str(upload)], capture_output=True, text=True, check=True
            )
        report(label, data, json.loads(child.stdout))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        upload = Path(sys.argv[2])
        print(json.dumps(measure(upload.name, upload.read_bytes())))
    else:
        main()
