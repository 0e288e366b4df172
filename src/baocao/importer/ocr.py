"""Pages of a PDF without a usable text layer, read by Tesseract (Vietnamese) as plain text.

Tesseract's own page segmentation gives the lines in reading order and, with the spaces between
words kept, the two columns of the header and closing blocks on shared lines: the shape
:mod:`read_text` reads. Only behind ``--ocr``, and the YAML says the words come from OCR.
"""
from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

from baocao.check import ocr as check_ocr
from baocao.importer.errors import UnreadableSource

PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$")


def pdf_text(path: Path) -> str:
    """The text of every page, page numbers left out."""
    why_not = check_ocr.available()
    if why_not is not None:
        raise UnreadableSource(path, f"PDF không có lớp chữ dùng được và không đọc được bằng OCR: {why_not}")
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    pages: list[str] = []
    try:
        for number in range(len(pdf)):
            page = pdf[number]
            try:
                pages.append(_page_text(page, path, number + 1))
            finally:
                page.close()
    finally:
        pdf.close()
    lines: list[str] = []
    for k, text in enumerate(pages):
        page_lines = text.splitlines()
        if k and page_lines:
            first = next((i for i, line in enumerate(page_lines) if line.strip()), None)
            if first is not None and PAGE_NUMBER.match(page_lines[first]):
                del page_lines[first]
        lines += page_lines
    return "\n".join(lines)


def _page_text(page, path: Path, number: int) -> str:
    image = page.render(scale=check_ocr.DPI / 72).to_pil()
    with tempfile.NamedTemporaryFile(suffix=".png") as handle:
        image.save(handle.name)
        try:
            done = subprocess.run(["tesseract", handle.name, "stdout", "-l", "vie", "--psm", "3",
                                   "-c", "preserve_interword_spaces=1"],
                                  capture_output=True, text=True, timeout=check_ocr.TIMEOUT_S)
        except (OSError, subprocess.SubprocessError) as exc:
            raise UnreadableSource(path, f"tesseract không đọc được trang {number} ({type(exc).__name__})") from None
    return done.stdout
