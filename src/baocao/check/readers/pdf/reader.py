"""PDF → neutral Document, from measured glyphs, strokes and pictures.

Glyphs are grouped into rows by baseline and cut into segments where a wide gap separates two
columns (the header and the closing block sit side by side). The page's text block is measured
from the lines of justified paragraphs, which run from margin to margin. Nothing here depends on
which program made the PDF: LibreOffice, Word, WeasyPrint and others all end up as glyphs with a
font name, a size, a position and a fill colour, and as stroked or filled paths.
"""
from __future__ import annotations

import math
import re
import statistics
import subprocess
from collections import Counter
from functools import lru_cache

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from baocao.check import images as imaging
from baocao.check.errors import UnreadableFile
from baocao.check.limits import current
from baocao.check.model import (
    MM_PER_PT,
    Document,
    HRule,
    Image,
    Section,
    Span,
)
from baocao.check.readers.pdf.glyphs import Glyph, Segment
from baocao.check.readers.pdf import trust
from baocao.check.readers.pdf.layout import build_paragraphs
from baocao.check.readers.pdf.pdfium_page import PageContent, PageReader

ASCENT = 0.891      # Times New Roman / Liberation Serif ascent, em
DESCENT = 0.216


@lru_cache(maxsize=None)
def strip_subset(name: str) -> str:
    return name.split("+", 1)[1] if re.match(r"^[A-Z]{6}\+", name or "") else (name or "")


def style_of(g: Glyph) -> tuple[bool, bool]:
    """Bold and italic from the font name, else from the font descriptor (flags, weight)."""
    return _style(g.font, g.bold_hint, g.italic_hint)


@lru_cache(maxsize=None)
def _style(font: str, bold_hint: bool, italic_hint: bool) -> tuple[bool, bool]:
    low = strip_subset(font).lower().replace(" ", "")
    bold = any(k in low for k in ("bold", "black", "heavy", "semibold", "demi"))
    italic = any(k in low for k in ("italic", "oblique", "-it", ",it"))
    if not (bold or italic) and not re.search(r"(regular|roman|book|normal)", low):
        bold, italic = bold_hint, italic_hint
    return bold, italic


# why PDFium would not open a file, as the clerk should hear it
LOAD_ERRORS = {
    raw.FPDF_ERR_PASSWORD: "PDF được đặt mật khẩu (mã hóa); hãy gửi bản không đặt mật khẩu mở tệp",
    raw.FPDF_ERR_SECURITY: "PDF được mã hóa theo cách không đọc được; hãy gửi bản không mã hóa",
    raw.FPDF_ERR_FORMAT: "không phải tệp PDF đọc được (cấu trúc PDF hỏng)",
    raw.FPDF_ERR_FILE: "không đọc được tệp PDF",
}


class PdfReader:
    def __init__(self, path: str, layout, source=None):
        self.path = path
        self.layout = layout
        self.budget = current()
        try:
            self.pdf = pdfium.PdfDocument(source if source is not None else path)
        except pdfium.PdfiumError as exc:
            reason = LOAD_ERRORS.get(getattr(exc, "err_code", None), "không phải tệp PDF đọc được")
            raise UnreadableFile(path, reason) from None
        except Exception as exc:
            raise UnreadableFile(path, f"không phải tệp PDF đọc được ({type(exc).__name__}: {exc})") from None
        try:
            if len(self.pdf) == 0:
                raise UnreadableFile(path, "tệp PDF không có trang nào")
            self.budget.pdf_pages(len(self.pdf))
        except UnreadableFile:
            self.pdf.close()
            raise
        self.pages = PageReader(self.pdf, self.budget)

    # ------------------------------------------------------------------ glyphs and rows
    def rows(self, glyphs: list[Glyph]) -> list[list[Glyph]]:
        rows: list[list[Glyph]] = []
        for g in sorted(glyphs, key=lambda g: (g.baseline, g.x0)):
            if rows and g.baseline - rows[-1][0].baseline <= max(1.2, 0.2 * g.size):
                rows[-1].append(g)
            else:
                rows.append([g])
        return [sorted(r, key=lambda g: g.x0) for r in rows]

    def segments(self, row: list[Glyph]) -> list[Segment]:
        segs: list[Segment] = []
        prev: Glyph | None = None
        for g in row:
            if g.text.isspace():
                if segs:
                    segs[-1].glyphs.append(g)
                continue
            if prev is None:
                segs.append(Segment([g], g.page))
            else:
                gap = g.x0 - prev.x1
                em = max(g.size, prev.size)
                restyle = abs(g.size - prev.size) >= 0.75 or \
                    style_of(g) != style_of(prev)
                if gap > 1.5 * em:
                    segs.append(Segment([g], g.page))
                elif gap > 0.45 * em and restyle:
                    segs.append(Segment([g], g.page, soft_split=True))
                else:
                    segs[-1].glyphs.append(g)
            prev = g
        for s in segs:
            self._finish(s)
        return [s for s in segs if s.text.strip()]

    def _finish(self, seg: Segment):
        text = ""
        spans: list[Span] = []
        prev: Glyph | None = None
        ink = [g for g in seg.glyphs if not g.text.isspace()]
        main = Counter(round(g.size, 1) for g in ink).most_common(1)[0][0]
        base = statistics.median(g.baseline for g in ink if abs(round(g.size, 1) - main) < 0.05)
        for g in seg.glyphs:
            if g.text.isspace():
                if not text.endswith(" "):
                    text += " "
                    if spans:
                        spans[-1].text += " "
                prev = None if prev is None else prev
                continue
            if prev is not None and g.x0 - prev.x1 > 0.12 * g.size and not text.endswith(" "):
                text += " "
                if spans:
                    spans[-1].text += " "
            bold, italic = style_of(g)
            font = strip_subset(g.font)
            embedded = g.embedded
            # smaller glyphs off the baseline: a footnote mark or a drafter's subscript initials
            script = g.size < 0.9 * main and abs(g.baseline - base) > 0.1 * main
            last = spans[-1] if spans else None
            if last and last.font == font and abs((last.size or 0) - g.size) < 0.05 and last.color == g.color \
                    and last.script == script:
                last.text += g.text
            else:
                spans.append(Span(g.text, font, round(g.size, 2), bold, italic, g.color, embedded, script))
            text += g.text
            prev = g
        seg.text = text.strip()
        seg.spans = spans
        seg.x0 = min(g.x0 for g in ink) * MM_PER_PT
        seg.x1 = max(g.x1 for g in ink) * MM_PER_PT
        sizes = Counter(round(g.size, 2) for g in ink)
        seg.size = sizes.most_common(1)[0][0]
        seg.baseline = base * MM_PER_PT
        seg.top = (seg.baseline - ASCENT * seg.size * MM_PER_PT)
        seg.bottom = (seg.baseline + DESCENT * seg.size * MM_PER_PT)

    # ------------------------------------------------------------------ strokes and pictures
    @staticmethod
    def hrules(content: PageContent) -> list[HRule]:
        found: list[HRule] = []
        # a line drawn twice (stroke and fill, or two exporters' passes) counts once; rules sit in
        # 0.3 mm cells, so a duplicate is in the same or a neighbouring cell (linear, not n²)
        cells: dict[tuple[int, int, int], list[HRule]] = {}
        near = [(a, b, c) for a in (-1, 0, 1) for b in (-1, 0, 1) for c in (-1, 0, 1)]
        for st in content.strokes:
            if st.x1 - st.x0 < 2.0 / MM_PER_PT:
                continue
            x0, length, y = st.x0 * MM_PER_PT, (st.x1 - st.x0) * MM_PER_PT, st.y * MM_PER_PT
            cell = (math.floor(x0 / 0.3), math.floor(length / 0.3), math.floor(y / 0.3))
            if any(abs(r.x0_mm - x0) < 0.3 and abs(r.length_mm - length) < 0.3 and abs(r.y_mm - y) < 0.3
                   for a, b, c in near for r in cells.get((cell[0] + a, cell[1] + b, cell[2] + c), ())):
                continue
            rule = HRule(length_mm=length, kind=st.kind, solid=st.solid, x0_mm=x0, y_mm=y,
                         page=content.number, center_mm=x0 + length / 2)
            found.append(rule)
            cells.setdefault(cell, []).append(rule)
        return found

    @staticmethod
    def pictures(content: PageContent) -> list[Image]:
        out = []
        for pic in content.pictures:
            filters = " ".join(pic.filters)
            fmt = "jpeg" if "DCT" in filters else "jpx" if "JPX" in filters else "png"
            _, _, mean = imaging.analyze(image=pic.pil) if pic.pil is not None else (None, None, None)
            out.append(Image(page=content.number, format=fmt, has_alpha=pic.transparent, mean_rgb=mean,
                             x0=pic.x0 * MM_PER_PT, x1=pic.x1 * MM_PER_PT,
                             top=pic.top * MM_PER_PT, bottom=pic.bottom * MM_PER_PT))
        return out

    # ------------------------------------------------------------------ whole document
    def read(self) -> Document:
        pages_rows: list[list[list[Segment]]] = []
        rules: list[HRule] = []
        verticals: dict[int, list] = {}
        sections: list[Section] = []
        pictures: list[Image] = []
        contents: list[PageContent] = []
        fonts: dict[str, bool] = {}
        for number in range(1, len(self.pdf) + 1):
            self.budget.tick()
            page = self.pdf[number - 1]
            try:
                content = self.pages.read(page, number)
            except UnreadableFile:
                raise
            except Exception as exc:
                raise UnreadableFile(self.path, f"không đọc được trang {number} ({exc})") from None
            finally:
                page.close()
            contents.append(content)
            rows = [self.segments(r) for r in self.rows(content.glyphs)]
            pages_rows.append([r for r in rows if r])
            rules.extend(self.hrules(content))
            verticals[number] = [(x * MM_PER_PT, t * MM_PER_PT, b * MM_PER_PT) for x, t, b in content.verticals]
            pictures.extend(self.pictures(content))
            for g in content.glyphs:
                if g.embedded is not None:
                    fonts[strip_subset(g.font)] = fonts.get(strip_subset(g.font), False) or g.embedded
            sections.append(Section(number=number, width_mm=content.width * MM_PER_PT,
                                    height_mm=content.height * MM_PER_PT, measured=True, label=f"trang {number}"))
        doc = build_paragraphs(self.path, pages_rows, rules, sections, verticals, self.layout)
        doc.images = pictures
        doc.fonts = fonts
        doc.untrusted = trust.assess(contents, (p.text for p in doc.paras))
        self.contents = contents
        return doc

    def read_by_ocr(self, doc: Document) -> Document:
        """The same pages read by Tesseract: words and places, no fonts or sizes."""
        from baocao.check import ocr

        why_not = ocr.available()
        if why_not is not None:
            doc.untrusted = f"{doc.untrusted}; --ocr: {why_not}"
            return doc
        pages_rows = []
        for number in range(1, len(self.pdf) + 1):
            self.budget.tick()
            page = self.pdf[number - 1]
            try:
                glyphs = ocr.page_glyphs(page, number)
            except (OSError, subprocess.SubprocessError) as exc:
                doc.untrusted = f"{doc.untrusted}; --ocr: tesseract không đọc được trang {number} ({exc})"
                return doc
            finally:
                page.close()
            rows = [self.segments(r) for r in self.rows(glyphs)]
            pages_rows.append([r for r in rows if r])
        sections = [Section(number=s.number, width_mm=s.width_mm, height_mm=s.height_mm, measured=True,
                            label=s.label) for s in doc.sections]
        verticals = {s.number: [] for s in sections}
        read = build_paragraphs(self.path, pages_rows, list(doc.rules), sections, verticals, self.layout)
        read.images = doc.images
        read.read_by_ocr = f"lớp chữ của PDF không dùng được ({doc.untrusted.split(':')[0]}); chữ được đọc lại bằng OCR"
        return read


def read_pdf(path: str, layout, ocr: bool = False, source=None) -> Document:
    """The Document of the PDF at *path* (read from the open file *source* when given)."""
    reader = PdfReader(path, layout, source)
    try:
        doc = reader.read()
        if ocr and doc.untrusted:
            doc = reader.read_by_ocr(doc)
        info = reader.pdf.get_metadata_dict(skip_empty=True)
        doc.metadata = {key: info[key][:500] for key in ("Creator", "Keywords") if key in info}
        return doc
    except UnreadableFile:
        raise
    except Exception as exc:  # a malformed content stream: say so instead of a traceback
        raise UnreadableFile(path, f"nội dung PDF không đọc được ({type(exc).__name__}: {exc})") from None
    finally:
        reader.pdf.close()
