"""Raster images: measured before decoding, then re-encoded so only the pixels are kept.

Re-encoding drops EXIF (GPS, camera serials), XMP, comments and anything appended after the
image (GIF/ZIP polyglots); the EXIF orientation is applied to the pixels first.
"""

import contextlib
import io
import threading
import warnings

from . import refusals
from .refusals import Refused

_FORMATS = {"JPEG": "jpeg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
_STRICT = threading.Lock()


@contextlib.contextmanager
def _truncated_images_refused():
    """Pillow's switch is process-wide and WeasyPrint turns it on when imported (reports), which
    would let a truncated upload through; hold it off while we decode, one decode at a time."""
    from PIL import ImageFile

    with _STRICT:
        previous = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous


def image_kind(data: bytes) -> str | None:
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def reencode(data: bytes, kind: str, policy) -> bytes:
    from PIL import Image, ImageOps, ImageSequence

    try:
        with _truncated_images_refused(), warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(_FORMATS))
            if _FORMATS.get(image.format) != kind:
                raise Refused(refusals.MISMATCH, why="image-format")
            width, height = image.size
            if width * height > policy.max_image_pixels:
                raise Refused(refusals.PIXELS, megapixels=policy.max_image_pixels // 1_000_000)
            frames = getattr(image, "n_frames", 1)
            if frames > policy.max_image_frames or width * height * frames > (
                policy.max_image_pixels
            ):
                raise Refused(refusals.PIXELS, megapixels=policy.max_image_pixels // 1_000_000)
            image.load()
            out = io.BytesIO()
            icc = image.info.get("icc_profile")
            extra = {"icc_profile": icc} if icc else {}
            if frames > 1:
                sequence = [frame.copy() for frame in ImageSequence.Iterator(image)]
                extra.update(
                    save_all=True,
                    append_images=sequence[1:],
                    duration=image.info.get("duration", 100),
                    loop=image.info.get("loop", 0),
                )
                sequence[0].save(out, format=image.format, **extra)
            elif kind == "jpeg":
                upright = ImageOps.exif_transpose(image)
                if upright.mode not in ("RGB", "L", "CMYK"):
                    upright = upright.convert("RGB")
                upright.save(out, format="JPEG", quality=90, **extra)
            else:
                image.save(out, format=image.format, **extra)
    except Refused:
        raise
    except Exception as exc:  # noqa: BLE001 - truncated, corrupt or bomb: refused the same way
        if exc.__class__.__name__.startswith("DecompressionBomb"):
            raise Refused(refusals.PIXELS, megapixels=policy.max_image_pixels // 1_000_000) from exc
        raise Refused(refusals.UNSAFE, why="image-decode") from exc
    return out.getvalue()
