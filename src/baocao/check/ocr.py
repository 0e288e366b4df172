"""Read a PDF's pages with Tesseract (Vietnamese) when its own text layer cannot be trusted.

Only the words and where they stand come back: no font, size or weight. The checker then judges only
the rules that read words (numbering, dates, the Lưu line, "./.") and SKIPs the others with the
reason. Tesseract with the Vietnamese data (Debian: tesseract-ocr tesseract-ocr-vie) must be
installed; without it ``--ocr`` says so and everything stays SKIP.
"""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
import tempfile
from functools import lru_cache

from baocao.check.readers.pdf.glyphs import Glyph

DPI = 300
TIMEOUT_S = 120          # per page: a hostile file must not hang the checker


@lru_cache(maxsize=1)
def available() -> str | None:
    """None when Tesseract with Vietnamese can run, else why not (in Vietnamese)."""
    exe = shutil.which("tesseract")
    if exe is None:
        return "chưa cài tesseract (gói tesseract-ocr và tesseract-ocr-vie)"
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        return f"không chạy được tesseract ({exc})"
    if "vie" not in langs.split():
        return "tesseract chưa có dữ liệu tiếng Việt (gói tesseract-ocr-vie)"
    return None


def page_glyphs(page, number: int) -> list[Glyph]:
    """Glyphs of one pypdfium2 page as Tesseract reads its picture (points, top-left origin)."""
    scale = DPI / 72
    image = page.render(scale=scale).to_pil()
    with tempfile.NamedTemporaryFile(suffix=".png") as fh:
        image.save(fh.name)
        out = subprocess.run(["tesseract", fh.name, "stdout", "-l", "vie", "--psm", "4", "tsv"],
                             capture_output=True, text=True, timeout=TIMEOUT_S)
    glyphs: list[Glyph] = []
    rows = csv.DictReader(io.StringIO(out.stdout), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in rows:
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top = float(row["left"]) / scale, float(row["top"]) / scale
        width, height = float(row["width"]) / scale, float(row["height"]) / scale
        size = max(height / 0.9, 4.0)            # a word's box is about its cap height plus descent
        baseline = top + height * 0.8
        step = width / len(text)
        for k, ch in enumerate(text):
            glyphs.append(Glyph(ch, "OCR", size, left + k * step, left + (k + 1) * step, top,
                                top + height, baseline, None, number))
    return glyphs
