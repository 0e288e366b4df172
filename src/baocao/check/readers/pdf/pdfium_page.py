"""What one PDF page draws, read with PDFium (pypdfium2): glyphs, strokes and fills, pictures.

PDFium gives, per character, the Unicode value, the origin on the baseline, the advance box, the
font size and matrix, the font (name, embedding, flags) and the fill colour; per path object its
segments, matrix, fill and stroke. Everything is returned in points from the page's top-left corner,
as the layout code expects. Nothing here knows about Decree 30.
"""
from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from baocao.check.readers.pdf.glyphs import Glyph

PATH, IMAGE, TEXT, FORM = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_FORM
INVISIBLE = raw.FPDF_TEXTRENDERMODE_INVISIBLE
FLAT = 0.6          # pt: a path this flat is a horizontal (or vertical) line
THIN = 2.0          # pt: a filled rectangle this thin is a line
# FPDFText_GetTextObject answering the object's address as an int: the key of the per-object
# cache without a ctypes.cast per character
_TEXT_OBJECT_ADDRESS = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value)


@dataclass
class FontInfo:
    name: str
    embedded: bool | None
    bold: bool
    italic: bool


@dataclass
class Stroke:
    """A horizontal line drawn on the page (points, top-left origin)."""

    x0: float
    x1: float
    y: float
    kind: str                 # line | rect
    solid: bool = True


@dataclass
class Picture:
    x0: float
    x1: float
    top: float
    bottom: float
    filters: tuple[str, ...]
    transparent: bool
    pil: object = None        # decoded picture (PIL), for its colour


@dataclass
class PageContent:
    number: int
    width: float
    height: float
    glyphs: list[Glyph] = field(default_factory=list)
    strokes: list[Stroke] = field(default_factory=list)
    verticals: list[tuple[float, float, float]] = field(default_factory=list)   # x, top, bottom
    pictures: list[Picture] = field(default_factory=list)
    invisible_glyphs: int = 0         # text drawn in render mode 3 (an OCR layer over a scan)
    path_segments: int = 0            # segments of every path read (bounded per page)
    page_images_area: float = 0.0     # share of the page covered by pictures


def _mul(m1, m2):
    """Matrix product m1 · m2 of PDF matrices (a, b, c, d, e, f)."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _apply(m, x, y):
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _matrix(obj):
    fm = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, fm):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f)


def _rgb(getter, obj) -> tuple[int, int, int, int] | None:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return None
    return r.value, g.value, b.value, a.value


def _white(rgba) -> bool:
    return rgba is not None and (rgba[3] == 0 or all(v > 230 for v in rgba[:3]))


def color_hex(rgba) -> str | None:
    """Fill colour as RRGGBB; None for black (the default)."""
    if rgba is None:
        return None
    r, g, b = rgba[:3]
    if r == g == b == 0:
        return None
    return f"{r:02X}{g:02X}{b:02X}"


class PageReader:
    """Reads one page; fonts are cached per document by their PDFium handle."""

    def __init__(self, pdf: pdfium.PdfDocument, budget=None):
        self.pdf = pdf
        self.fonts: dict[int, FontInfo] = {}
        self.budget = budget          # check.limits.Budget: counts what each page costs

    # ------------------------------------------------------------------ text
    def font(self, handle) -> FontInfo:
        key = ctypes.cast(handle, ctypes.c_void_p).value or 0
        info = self.fonts.get(key)
        if info is not None:
            return info
        buf = ctypes.create_string_buffer(256)
        name = ""
        if hasattr(raw, "FPDFFont_GetBaseFontName"):
            n = raw.FPDFFont_GetBaseFontName(handle, buf, 256)
            name = buf.value.decode("latin-1", "replace") if n else ""
        if not name:
            n = raw.FPDFFont_GetFamilyName(handle, buf, 256)
            name = buf.value.decode("latin-1", "replace") if n else ""
        embedded = bool(raw.FPDFFont_GetIsEmbedded(handle))
        flags = raw.FPDFFont_GetFlags(handle)
        angle = ctypes.c_int()
        italic = bool(flags & 64) or (bool(raw.FPDFFont_GetItalicAngle(handle, angle)) and angle.value != 0)
        bold = bool(flags & 262144) or raw.FPDFFont_GetWeight(handle) >= 600
        info = FontInfo(name, embedded, bold, italic)
        self.fonts[key] = info
        return info

    def glyphs(self, page, number: int, top: float, left: float, content: PageContent):
        tp = page.get_textpage()
        try:
            handle = tp.raw
            count = raw.FPDFText_CountChars(handle)
            if self.budget is not None:
                self.budget.glyphs(count, number)
            x, y = ctypes.c_double(), ctypes.c_double()
            box = raw.FS_RECTF()
            # what PDFium reports per character but takes from its text object (font, render
            # mode, size, matrix, fill colour) is asked once per text object
            objects: dict[int, tuple | None] = {}
            is_generated, get_unicode = raw.FPDFText_IsGenerated, raw.FPDFText_GetUnicode
            get_object, get_origin, get_box = _TEXT_OBJECT_ADDRESS, raw.FPDFText_GetCharOrigin, \
                raw.FPDFText_GetLooseCharBox
            append = content.glyphs.append
            low_half = -1                   # index of a low surrogate already joined to its pair
            for i in range(count):
                if i == low_half or is_generated(handle, i):
                    continue
                code = get_unicode(handle, i)
                if code == 0xFFFE:
                    code = 0x2D         # PDFium's mark for a hyphen ending a line: the page shows "-"
                if code in (0, 0xFFFF) or code in (10, 13):
                    continue
                if 0xD800 <= code <= 0xDFFF:
                    # PDFium answers UTF-16 units: join a pair, and never let a lone half (a
                    # broken or hostile ToUnicode map) reach the report, which could not print it
                    nxt = get_unicode(handle, i + 1) if i + 1 < count else 0
                    if code <= 0xDBFF and 0xDC00 <= nxt <= 0xDFFF:
                        code = 0x10000 + ((code - 0xD800) << 10) + (nxt - 0xDC00)
                        low_half = i + 1
                    else:
                        code = 0xFFFD
                okey = get_object(handle, i) or 0
                if okey in objects:
                    known = objects[okey]
                else:
                    known = objects[okey] = self._text_object(handle, i, ctypes.cast(okey, raw.FPDF_PAGEOBJECT))
                if known is None:
                    continue
                font, invisible, size, color = known
                if invisible:
                    content.invisible_glyphs += 1
                    continue
                get_origin(handle, i, x, y)
                get_box(handle, i, box)
                append(Glyph(chr(code), font.name, size, box.left - left, box.right - left,
                             top - box.top, top - box.bottom, top - y.value, color, number,
                             embedded=font.embedded, bold_hint=font.bold, italic_hint=font.italic))
        finally:
            tp.close()

    def _text_object(self, handle, i: int, obj) -> tuple | None:
        """(font, invisible, size, colour) of the text object of character *i*; None when the
        text is rotated, mirrored or has no size (not part of the layout)."""
        font = self.font(raw.FPDFTextObj_GetFont(obj))
        if raw.FPDFTextObj_GetTextRenderMode(obj) == INVISIBLE:
            return font, True, 0.0, None
        fm = raw.FS_MATRIX()
        raw.FPDFText_GetMatrix(handle, i, fm)
        if abs(fm.b) > 1e-3 or abs(fm.c) > 1e-3 or fm.a <= 0 or fm.d <= 0:
            return None
        size = raw.FPDFText_GetFontSize(handle, i) * math.sqrt(abs(fm.a * fm.d - fm.b * fm.c))
        if size <= 0:
            return None
        r, g, b, a = (ctypes.c_uint() for _ in range(4))
        raw.FPDFText_GetFillColor(handle, i, r, g, b, a)
        return font, False, size, color_hex((r.value, g.value, b.value, a.value))

    # ------------------------------------------------------------------ drawings
    def objects(self, page, top: float, left: float, content: PageContent):
        area = 0.0
        seen = 0
        limit = self.budget.limits.page_objects if self.budget is not None else None

        def walk(container, count_fn, get_fn, parent):
            nonlocal area, seen
            count = count_fn(container)
            seen += count
            if limit is not None and seen > limit:
                self.budget.page_objects(seen, content.number)
            for i in range(count):
                obj = get_fn(container, i)
                kind = raw.FPDFPageObj_GetType(obj)
                m = _mul(_matrix(obj), parent) if kind in (PATH, FORM) else parent
                if kind == FORM:
                    walk(obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, m)
                elif kind == PATH:
                    self.path(obj, m, top, left, content)
                elif kind == IMAGE:
                    pic = self.picture(page, obj, parent, top, left, content.number)
                    if pic is not None:
                        content.pictures.append(pic)
                        area += (pic.x1 - pic.x0) * (pic.bottom - pic.top)

        walk(page, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))
        content.page_images_area = area / max(content.width * content.height, 1.0)

    def path(self, obj, m, top, left, content: PageContent):
        fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
        if not raw.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
            return
        fill = fill_mode.value != 0 and not _white(_rgb(raw.FPDFPageObj_GetFillColor, obj))
        stroked = bool(stroke.value) and not _white(_rgb(raw.FPDFPageObj_GetStrokeColor, obj))
        if not (fill or stroked):
            return
        subpaths: list[list[tuple[float, float]]] = []
        curved = False
        px, py = ctypes.c_float(), ctypes.c_float()
        segments = raw.FPDFPath_CountSegments(obj)
        content.path_segments += max(segments, 0)
        if self.budget is not None and content.path_segments > self.budget.limits.path_segments:
            self.budget.path_segments(content.path_segments, content.number)
        for k in range(segments):
            seg = raw.FPDFPath_GetPathSegment(obj, k)
            raw.FPDFPathSegment_GetPoint(seg, px, py)
            x, y = _apply(m, px.value, py.value)
            point = (x - left, top - y)
            stype = raw.FPDFPathSegment_GetType(seg)
            if stype == raw.FPDF_SEGMENT_MOVETO or not subpaths:
                subpaths.append([point])
            else:
                curved = curved or stype == raw.FPDF_SEGMENT_BEZIERTO
                subpaths[-1].append(point)
            if raw.FPDFPathSegment_GetClose(seg) and subpaths[-1][0] != point:
                subpaths[-1].append(subpaths[-1][0])
        solid = raw.FPDFPageObj_GetDashCount(obj) <= 0 if hasattr(raw, "FPDFPageObj_GetDashCount") else True
        rects = [_rect(sp) for sp in subpaths]
        if fill and rects and all(r is not None for r in rects):
            self._filled_rects(rects, content)
            return
        if stroked:
            for sp in subpaths:
                if curved:
                    ys = [p[1] for p in sp]
                    if max(ys) - min(ys) < FLAT:
                        xs = [p[0] for p in sp]
                        _hline(content, min(xs), max(xs), sum(ys) / len(ys), "line", solid)
                    continue
                rect = _rect(sp)
                if rect is not None:
                    if rect[3] - rect[1] > THIN and rect[2] - rect[0] > THIN:
                        continue    # a box (urgency mark, cell outline): not a line under a text
                    _rect_as_line(content, rect)
                    continue
                for (x0, y0), (x1, y1) in zip(sp, sp[1:]):
                    if abs(y1 - y0) < FLAT and abs(x1 - x0) >= FLAT:
                        _hline(content, min(x0, x1), max(x0, x1), (y0 + y1) / 2, "line", solid)
                    elif abs(x1 - x0) < FLAT and abs(y1 - y0) >= FLAT:
                        content.verticals.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))

    def _filled_rects(self, rects, content: PageContent):
        """Filled rectangles; two nested ones draw the band between them (a CSS border)."""
        if len(rects) == 2:
            outer, inner = sorted(rects, key=lambda r: -(r[2] - r[0]) * (r[3] - r[1]))
            if outer[0] <= inner[0] + 0.01 and outer[1] <= inner[1] + 0.01 and \
                    outer[2] >= inner[2] - 0.01 and outer[3] >= inner[3] - 0.01:
                bands = [(outer[0], outer[1], outer[2], inner[1]), (outer[0], inner[3], outer[2], outer[3]),
                         (outer[0], outer[1], inner[0], outer[3]), (inner[2], outer[1], outer[2], outer[3])]
                for band in bands:
                    if band[2] - band[0] > 0.05 and band[3] - band[1] > 0.05:
                        _rect_as_line(content, band)
                return
        for r in rects:
            _rect_as_line(content, r)

    def picture(self, page, obj, parent, top, left, number: int = 0) -> Picture | None:
        l, b, r, t = (ctypes.c_float() for _ in range(4))
        if not raw.FPDFPageObj_GetBounds(obj, l, b, r, t):
            return None
        corners = [_apply(parent, x, y) for x, y in ((l.value, b.value), (r.value, t.value))]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        filters = []
        buf = ctypes.create_string_buffer(64)
        for k in range(raw.FPDFImageObj_GetImageFilterCount(obj)):
            if raw.FPDFImageObj_GetImageFilter(obj, k, buf, 64):
                filters.append(buf.value.decode("latin-1"))
        transparent = bool(raw.FPDFPageObj_HasTransparency(obj))
        pil = None
        width, height = ctypes.c_uint(), ctypes.c_uint()
        if self.budget is not None and raw.FPDFImageObj_GetImagePixelSize(obj, width, height):
            self.budget.pixels(width.value, height.value, f"trên trang {number}")
        try:
            # rendered with its soft mask: the alpha channel tells whether the picture is transparent,
            # whatever its encoding (Word stores a transparent signature as JPEG + mask)
            pil = pdfium.PdfImage(obj, page=page, pdf=self.pdf).get_bitmap(render=True).to_pil()
            if "A" in pil.getbands():
                transparent = transparent or pil.getchannel("A").getextrema()[0] < 250
        except Exception:   # an undecodable picture: its colour stays unknown
            pil = None
        return Picture(min(xs) - left, max(xs) - left, top - max(ys), top - min(ys), tuple(filters),
                       transparent, pil)

    # ------------------------------------------------------------------ page
    def read(self, page, number: int) -> PageContent:
        l, b, r, t = page.get_mediabox()
        content = PageContent(number=number, width=r - l, height=t - b)
        if self.budget is not None:
            self.budget.page_objects(raw.FPDFPage_CountObjects(page), number)
        self.glyphs(page, number, t, l, content)
        self.objects(page, t, l, content)
        return content


def _rect(points) -> tuple[float, float, float, float] | None:
    """(x0, top, x1, bottom) when a closed subpath is an axis-aligned rectangle."""
    pts = points[:-1] if len(points) > 1 and points[0] == points[-1] else points
    if len(pts) > 4:
        pts = _corners(list(pts))
    if len(pts) != 4:
        return None
    xs = sorted({round(p[0], 2) for p in pts})
    ys = sorted({round(p[1], 2) for p in pts})
    if len(xs) > 2 or len(ys) > 2:
        return None
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        if abs(x0 - x1) > 0.01 and abs(y0 - y1) > 0.01:
            return None
    return xs[0], ys[0], xs[-1], ys[-1]


def _corners(pts: list) -> list:
    """The corners of a closed path: points repeated, or lying on a straight edge between their
    neighbours, dropped (LibreOffice starts a filled rectangle in the middle of an edge)."""
    pts = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
    changed = True
    while changed and len(pts) > 4:
        changed = False
        for i, (x, y) in enumerate(pts):
            (ax, ay), (bx, by) = pts[i - 1], pts[(i + 1) % len(pts)]
            if (abs(ax - x) < 0.01 and abs(bx - x) < 0.01) or (abs(ay - y) < 0.01 and abs(by - y) < 0.01):
                del pts[i]
                changed = True
                break
    return pts


def _rect_as_line(content: PageContent, r):
    x0, y0, x1, y1 = r
    w, h = x1 - x0, y1 - y0
    if h <= THIN and w > h:
        _hline(content, x0, x1, (y0 + y1) / 2, "rect", True)
    elif w <= THIN and h > w:
        content.verticals.append(((x0 + x1) / 2, y0, y1))


def _hline(content: PageContent, x0, x1, y, kind, solid):
    content.strokes.append(Stroke(x0, x1, y, kind, solid))
