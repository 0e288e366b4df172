"""PDF → neutral Document, from measured glyphs, strokes and pictures.

Glyphs are grouped into rows by baseline and cut into segments where a wide gap separates two
columns (the header and the closing block sit side by side). The page's text block is measured
from the lines of justified paragraphs, which run from margin to margin. Nothing here depends on
which program made the PDF: LibreOffice, Word, WeasyPrint and others all end up as glyphs with a
font name, a size, a position and a fill colour, and as stroked or filled paths.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter

import pypdf

from baocao.check import images as imaging
from baocao.check.errors import UnreadableFile
from baocao.check.model import (
    MM_PER_PT,
    Document,
    HRule,
    Image,
    Section,
    Span,
)
from baocao.check.readers.pdf.glyphs import Glyph, Segment
from baocao.check.readers.pdf.layout import build_paragraphs

ASCENT = 0.891      # Times New Roman / Liberation Serif ascent, em
DESCENT = 0.216


def strip_subset(name: str) -> str:
    return name.split("+", 1)[1] if re.match(r"^[A-Z]{6}\+", name or "") else (name or "")


def style_of(name: str, hints: dict[str, tuple[bool, bool]]) -> tuple[bool, bool]:
    base = strip_subset(name)
    low = base.lower().replace(" ", "")
    bold = any(k in low for k in ("bold", "black", "heavy", "semibold", "demi"))
    italic = any(k in low for k in ("italic", "oblique", "-it", ",it"))
    hint = hints.get(name) or hints.get(base)
    if hint and not (bold or italic) and not re.search(r"(regular|roman|book|normal)", low):
        bold, italic = hint
    return bold, italic


def color_hex(value) -> str | None:
    """Fill colour as RRGGBB; None when the PDF leaves the default (black)."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        value = (value,)
    try:
        comps = [float(v) for v in value]
    except (TypeError, ValueError):
        return "??????"          # a pattern or named colour: not plain black
    if len(comps) == 1:
        r = g = b = comps[0]
    elif len(comps) == 3:
        r, g, b = comps
    elif len(comps) == 4:
        c, m, y, k = comps
        r, g, b = (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    else:
        return "??????"
    return "".join(f"{max(0, min(255, round(v * 255))):02X}" for v in (r, g, b))


class FontTable:
    """Base font names of the file with whether their program is embedded (pypdf)."""

    def __init__(self, path: str):
        self.embedded: dict[str, bool] = {}
        self.hints: dict[str, tuple[bool, bool]] = {}
        self.images: dict[tuple[int, str], object] = {}
        try:
            reader = pypdf.PdfReader(path)
            for i, page in enumerate(reader.pages):
                self._scan(page.get("/Resources"), set())
        except Exception:  # fonts stay "unknown"; rules then SKIP the embedding check
            self.embedded = {}

    def _scan(self, resources, seen):
        if resources is None:
            return
        try:
            resources = resources.get_object()
            fonts = resources.get("/Font")
            if fonts is not None:
                for _, ref in fonts.get_object().items():
                    self._font(ref.get_object())
            xobjects = resources.get("/XObject")
            if xobjects is not None:
                for _, ref in xobjects.get_object().items():
                    key = id(ref.get_object())
                    obj = ref.get_object()
                    if key in seen or obj.get("/Subtype") != "/Form":
                        continue
                    seen.add(key)
                    self._scan(obj.get("/Resources"), seen)
        except Exception:
            return

    def _font(self, font):
        name = str(font.get("/BaseFont", "")).lstrip("/")
        subtype = font.get("/Subtype")
        desc = font.get("/FontDescriptor")
        if subtype == "/Type0":
            kids = font.get("/DescendantFonts")
            if kids:
                desc = kids.get_object()[0].get_object().get("/FontDescriptor")
        embedded = subtype == "/Type3"
        bold = italic = False
        if desc is not None:
            desc = desc.get_object()
            embedded = embedded or any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            flags = int(desc.get("/Flags", 0) or 0)
            italic = bool(flags & 64) or float(desc.get("/ItalicAngle", 0) or 0) != 0
            bold = bool(flags & 262144) or float(desc.get("/FontWeight", 400) or 400) >= 600
        if name:
            self.embedded[name] = self.embedded.get(name, False) or embedded
            self.hints[name] = (bold, italic)


class PdfReader:
    def __init__(self, path: str, layout):
        self.path = path
        self.layout = layout
        try:
            import pdfplumber

            self.pdf = pdfplumber.open(path)
            self.pages = list(self.pdf.pages)
        except Exception as exc:
            raise UnreadableFile(path, f"không phải tệp PDF đọc được ({type(exc).__name__}: {exc})") from None
        if not self.pages:
            raise UnreadableFile(path, "tệp PDF không có trang nào")
        self.fonts = FontTable(path)

    # ------------------------------------------------------------------ glyphs and rows
    def glyphs(self, page) -> list[Glyph]:
        out = []
        h = float(page.height)
        try:
            chars = page.chars
        except Exception as exc:
            raise UnreadableFile(self.path, f"không đọc được chữ trên trang {page.page_number} ({exc})") from None
        for c in chars:
            m = c.get("matrix") or (1, 0, 0, 1, c["x0"], h - c["bottom"])
            if not c.get("upright", True) or abs(m[1]) > 1e-3 or abs(m[2]) > 1e-3:
                continue
            size = float(c.get("size") or 0)
            if size <= 0:
                continue
            out.append(Glyph(c["text"], c.get("fontname", ""), size, float(c["x0"]), float(c["x1"]),
                             float(c["top"]), float(c["bottom"]), h - float(m[5]),
                             color_hex(c.get("non_stroking_color")), page.page_number))
        return out

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
                    style_of(g.font, self.fonts.hints) != style_of(prev.font, self.fonts.hints)
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
            bold, italic = style_of(g.font, self.fonts.hints)
            font = strip_subset(g.font)
            embedded = self.fonts.embedded.get(g.font, self.fonts.embedded.get(font))
            last = spans[-1] if spans else None
            if last and last.font == font and abs((last.size or 0) - g.size) < 0.05 and last.color == g.color:
                last.text += g.text
            else:
                spans.append(Span(g.text, font, round(g.size, 2), bold, italic, g.color, embedded))
            text += g.text
            prev = g
        seg.text = text.strip()
        seg.spans = spans
        seg.x0 = min(g.x0 for g in ink) * MM_PER_PT
        seg.x1 = max(g.x1 for g in ink) * MM_PER_PT
        sizes = Counter(round(g.size, 2) for g in ink)
        seg.size = sizes.most_common(1)[0][0]
        seg.baseline = statistics.median(g.baseline for g in ink) * MM_PER_PT
        seg.top = (seg.baseline - ASCENT * seg.size * MM_PER_PT)
        seg.bottom = (seg.baseline + DESCENT * seg.size * MM_PER_PT)

    # ------------------------------------------------------------------ strokes
    def hrules(self, page) -> tuple[list[HRule], list[tuple[float, float, float]]]:
        """Horizontal rules of a page, plus vertical strokes (x, top, bottom) for border detection."""
        found: list[HRule] = []
        verticals: list[tuple[float, float, float]] = []

        def add(x0, x1, y, kind, solid=True):
            if x1 - x0 < 2.0 / MM_PER_PT:
                return
            for r in found:
                if abs(r.x0_mm - x0 * MM_PER_PT) < 0.3 and abs(r.length_mm - (x1 - x0) * MM_PER_PT) < 0.3 \
                        and abs(r.y_mm - y * MM_PER_PT) < 0.3:
                    return
            found.append(HRule(length_mm=(x1 - x0) * MM_PER_PT, kind=kind, solid=solid,
                               x0_mm=x0 * MM_PER_PT, y_mm=y * MM_PER_PT, page=page.page_number,
                               center_mm=(x0 + x1) / 2 * MM_PER_PT))

        def white(obj, key):
            col = color_hex(obj.get(key))
            return col is not None and col not in ("??????",) and all(
                int(col[i:i + 2], 16) > 230 for i in (0, 2, 4))

        for ln in page.lines:
            dash = ln.get("dash")
            solid = not (dash and dash[0] and any(float(d) > 0 for d in dash[0]))
            if white(ln, "stroking_color"):
                continue
            if abs(ln["top"] - ln["bottom"]) < 0.6:
                add(ln["x0"], ln["x1"], (ln["top"] + ln["bottom"]) / 2, "line", solid)
            elif abs(ln["x0"] - ln["x1"]) < 0.6:
                verticals.append((ln["x0"] * MM_PER_PT, ln["top"] * MM_PER_PT, ln["bottom"] * MM_PER_PT))
        for rc in page.rects:
            w_, hgt = rc["x1"] - rc["x0"], rc["bottom"] - rc["top"]
            visible = (rc.get("fill") and not white(rc, "non_stroking_color")) or \
                      (rc.get("stroke") and not white(rc, "stroking_color"))
            if not visible:
                continue
            if hgt <= 2.0 and w_ > hgt:
                add(rc["x0"], rc["x1"], (rc["top"] + rc["bottom"]) / 2, "rect")
            elif w_ <= 2.0 and hgt > w_:
                verticals.append((rc["x0"] * MM_PER_PT, rc["top"] * MM_PER_PT, rc["bottom"] * MM_PER_PT))
        for cv in page.curves:
            pts = cv.get("pts") or []
            if len(pts) >= 2 and max(p[1] for p in pts) - min(p[1] for p in pts) < 0.6 \
                    and not white(cv, "stroking_color"):
                add(min(p[0] for p in pts), max(p[0] for p in pts), (cv["top"] + cv["bottom"]) / 2, "line")
        return found, verticals

    # ------------------------------------------------------------------ pictures
    def pictures(self, page) -> list[Image]:
        out = []
        decoded = {}
        try:
            if getattr(self, "_pypdf", None) is None:
                self._pypdf = pypdf.PdfReader(self.path)
            pp = self._pypdf.pages[page.page_number - 1]
            for img in pp.images if page.images else []:
                decoded[img.name.split(".")[0].lstrip("/")] = img.image
        except Exception:
            decoded = {}
        for im in page.images:
            stream = im.get("stream")
            attrs = getattr(stream, "attrs", {}) or {}
            filt = str(attrs.get("Filter", ""))
            fmt = "jpeg" if "DCT" in filt else "jpx" if "JPX" in filt else "png"
            has_alpha = "SMask" in attrs or "Mask" in attrs
            name = str(im.get("name", "")).lstrip("/")
            pil = decoded.get(name)
            _, _, mean = imaging.analyze(image=pil) if pil is not None else (None, None, None)
            out.append(Image(page=page.page_number, format=fmt, has_alpha=has_alpha, mean_rgb=mean,
                             x0=im["x0"] * MM_PER_PT, x1=im["x1"] * MM_PER_PT,
                             top=im["top"] * MM_PER_PT, bottom=im["bottom"] * MM_PER_PT))
        return out

    # ------------------------------------------------------------------ whole document
    def read(self) -> Document:
        pages_rows: list[list[list[Segment]]] = []
        rules: list[HRule] = []
        verticals: dict[int, list] = {}
        sections: list[Section] = []
        pictures: list[Image] = []
        for page in self.pages:
            rows = [self.segments(r) for r in self.rows(self.glyphs(page))]
            rows = [r for r in rows if r]
            pages_rows.append(rows)
            hr, vert = self.hrules(page)
            rules.extend(hr)
            verticals[page.page_number] = vert
            pictures.extend(self.pictures(page))
            w_mm, h_mm = float(page.width) * MM_PER_PT, float(page.height) * MM_PER_PT
            sections.append(Section(number=page.page_number, width_mm=w_mm, height_mm=h_mm,
                                    measured=True, label=f"trang {page.page_number}"))
        doc = build_paragraphs(self.path, pages_rows, rules, sections, verticals, self.layout)
        doc.images = pictures
        doc.fonts = {strip_subset(k): v for k, v in self.fonts.embedded.items()}
        return doc


def read_pdf(path: str, layout) -> Document:
    reader = PdfReader(path, layout)
    try:
        return reader.read()
    except UnreadableFile:
        raise
    except Exception as exc:  # a malformed content stream: say so instead of a traceback
        raise UnreadableFile(path, f"nội dung PDF không đọc được ({type(exc).__name__}: {exc})") from None
    finally:
        try:
            reader.pdf.close()
        except Exception:
            pass
