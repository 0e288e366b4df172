"""What the signature and seal rules need to know about a picture: transparency and main colour."""
from __future__ import annotations

import io
import warnings

from baocao.check.limits import LimitExceeded, current


def analyze(data: bytes | None = None, image=None, where: str = "") -> tuple[str | None, bool | None, tuple[float, float, float] | None]:
    """(format, has_alpha, mean RGB of opaque non-white pixels) of an encoded image or a PIL image.

    An encoded picture is decoded only when its declared size is within the pixel limit of the
    active budget; past it the file is refused (:class:`~baocao.check.limits.LimitExceeded`)."""
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow comes with weasyprint
        return None, None, None
    try:
        if image is None:
            budget = current()
            where = where or "trong tệp"
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                try:
                    image = Image.open(io.BytesIO(data))
                except Image.DecompressionBombError:    # Pillow's own bound, twice its default
                    raise budget.too_many_pixels(where) from None
                budget.pixels(*image.size, where)
                image.load()
        fmt = (image.format or "").lower() or None
        has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        rgba = image.convert("RGBA")
        rgba.thumbnail((96, 96))
        total = [0.0, 0.0, 0.0]
        count = 0
        raw = rgba.tobytes()
        for i in range(0, len(raw), 4):
            r, g, b, a = raw[i], raw[i + 1], raw[i + 2], raw[i + 3]
            if a < 128 or (r > 235 and g > 235 and b > 235):
                continue
            total[0] += r
            total[1] += g
            total[2] += b
            count += 1
        mean = tuple(c / count for c in total) if count else None
        return fmt, has_alpha, mean
    except LimitExceeded:
        raise
    except Exception:  # an undecodable picture is reported as unknown, never fatal
        return None, None, None


def dominant(mean: tuple[float, float, float] | None) -> str | None:
    """"blue", "red", or "other" for a mean colour."""
    if mean is None:
        return None
    r, g, b = mean
    if b > r + 25 and b > g + 10:
        return "blue"
    if r > g + 40 and r > b + 40:
        return "red"
    return "other"
