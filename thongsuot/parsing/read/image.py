"""Page images before recognition: decoding, upright orientation, deskew, resolution.

Pillow decodes JPG / PNG / TIFF (every frame of a multi-page TIFF) and applies a phone photo's EXIF
orientation. Skew (a sheet laid crooked on the scanner, a phone held askew) is measured on a thumbnail by
projection profiles: the angle at which the rows of text give the sharpest row-darkness profile. The page is
turned straight only beyond `MIN_DESKEW` degrees: below that Tesseract finds the slanted text lines itself,
the layout step's row grouping tolerates the slope, and resampling a slightly blurred scan costs more than it
gains (measured on the seed scans: rotating by 0.7-0.8 degrees broke "40-KH/TU" into "40-KH/T U" and misread
two words a page that the unrotated page read right). Quarter turns (a page scanned sideways) are found by
Tesseract's orientation detection in `ocr.py`, which needs the recognised text to be poor before it runs.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from PIL import Image, ImageOps

from thongsuot.errors import InputError

# Skew search: +-MAX_SKEW degrees in SKEW_STEP steps, on a thumbnail THUMB_WIDTH wide.
MAX_SKEW = 3.0
SKEW_STEP = 0.2
THUMB_WIDTH = 700
# Below this skew (degrees) the page is recognised as it is.
MIN_DESKEW = 1.2
# Images with a longer side below this are upscaled: Tesseract reads best with ~30 px tall capitals.
MIN_LONG_SIDE = 2400
# Refuse images larger than this many pixels (an A4 page at 600 dpi is ~35 Mpx).
MAX_PIXELS = 80_000_000


def decode_images(data: bytes, name: str) -> Iterator[Image.Image]:
    """Each page of an image file as an upright greyscale image."""
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(io.BytesIO(data))
        frames = getattr(image, "n_frames", 1)
    except Image.DecompressionBombError:
        raise InputError(f"{name}: ảnh quá lớn, vượt giới hạn số điểm ảnh", code="too_large") from None
    except Exception as exc:
        raise InputError(
            f"{name}: tệp ảnh hỏng, không mở được", code="corrupt_file", detail={"reason": type(exc).__name__}
        ) from None
    for index in range(frames):
        try:
            image.seek(index)
            page = ImageOps.exif_transpose(image) or image
            yield prepare(page)
        except Exception as exc:
            raise InputError(
                f"{name}: không đọc được trang {index + 1} của tệp ảnh",
                code="corrupt_file",
                detail={"page": index + 1, "reason": type(exc).__name__},
            ) from None


def page_count(data: bytes) -> int:
    try:
        return int(getattr(Image.open(io.BytesIO(data)), "n_frames", 1))
    except Exception:
        return 1


def prepare(image: Image.Image) -> Image.Image:
    """Greyscale, flattened on white, large enough to read."""
    if image.mode in {"RGBA", "LA", "P"}:
        image = image.convert("RGBA")
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, image)
    grey = image.convert("L")
    long_side = max(grey.size)
    if long_side < MIN_LONG_SIDE:
        scale = MIN_LONG_SIDE / long_side
        grey = grey.resize((round(grey.width * scale), round(grey.height * scale)), Image.Resampling.LANCZOS)
    return grey


def _sharpness(thumb: Image.Image, angle: float) -> float:
    """How crisp the row profile is after rotating by `angle`: sum of squared row-to-row changes."""
    rotated = thumb.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0)
    profile = rotated.resize((1, rotated.height), Image.Resampling.BOX).tobytes()
    return float(sum((a - b) ** 2 for a, b in zip(profile, profile[1:], strict=False)))


def skew_angle(image: Image.Image) -> float:
    """The rotation (degrees, counter-clockwise) that makes the text rows horizontal."""
    scale = THUMB_WIDTH / image.width
    thumb = image.resize((THUMB_WIDTH, max(1, round(image.height * scale))), Image.Resampling.BOX)
    ink = thumb.point(lambda v: 255 if v < 160 else 0)  # text white on black for the profile
    steps = round(MAX_SKEW / SKEW_STEP)
    best, best_score = 0.0, _sharpness(ink, 0.0)
    for k in range(-steps, steps + 1):
        if k == 0:
            continue
        angle = k * SKEW_STEP
        score = _sharpness(ink, angle)
        if score > best_score:
            best, best_score = angle, score
    # Refine around the best coarse angle.
    for delta in (-SKEW_STEP / 2, SKEW_STEP / 2):
        angle = best + delta
        score = _sharpness(ink, angle)
        if score > best_score:
            best, best_score = angle, score
    return best


def deskew(image: Image.Image) -> Image.Image:
    angle = skew_angle(image)
    if abs(angle) < MIN_DESKEW:
        return image
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


def rotate_quarter(image: Image.Image, degrees: int) -> Image.Image:
    """Turn by Tesseract's "Rotate" figure (clockwise degrees that make the page upright)."""
    if degrees % 360 == 0:
        return image
    return image.rotate(-degrees, expand=True, fillcolor=255)


def encode_pgm(image: Image.Image) -> bytes:
    """Uncompressed greyscale for Tesseract's stdin: no PNG encoding cost."""
    out = io.BytesIO()
    image.save(out, format="PPM")
    return out.getvalue()
