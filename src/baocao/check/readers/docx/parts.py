"""DOCX details read after the paragraphs: rules under paragraphs, page-number fields."""
from __future__ import annotations

from baocao.check.model import (
    PAGE_FOOTER,
    PAGE_HEADER,
    HRule,
    PageMark,
    PageNumbering,
    Para,
)
from baocao.check.readers.docx.package import BrokenPart
from baocao.check.readers.docx.styles import on_off, to_int, w, wattr

NO_BORDER = {"nil", "none", None}
SOLID_BORDERS = {"single", "thick"}
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _container_key(para: Para):
    return (para.region, para.cell)


class _Attach:
    """Turns borders, shapes, underlines and underscore rows into rules under the right paragraph."""

    def __init__(self, reader):
        self.reader = reader

    def run(self) -> list[Para]:
        paras = self.reader.paras
        keep: list[Para] = []
        for i, para in enumerate(paras):
            res = para.__dict__.pop("_res")  # the reader's ParaResult for this paragraph
            prev = self._previous_text(paras, i)
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            nxt_res = nxt.__dict__.get("_res") if nxt is not None and \
                _container_key(nxt) == _container_key(para) else None
            x0, x1 = para.container or (None, None)
            left, right = res.indents
            width = (x1 - right) - (x0 + left) if x0 is not None else None
            center = ((x0 + left) + (x1 - right)) / 2 if x0 is not None else None
            for side in ("top", "bottom"):
                val, sz = res.borders.get(side, (None, 0))
                if val in NO_BORDER or width is None:
                    continue
                if side == "bottom" and nxt_res is not None and nxt_res.borders.get("bottom") == (val, sz) \
                        and nxt_res.indents == res.indents:
                    continue          # Word draws one box round paragraphs with equal borders
                if side == "top" and prev is not None and prev[1] is not None \
                        and prev[1].borders.get("top") == (val, sz) and prev[1].indents == res.indents \
                        and prev[0].index == i - 1:
                    continue
                rule = HRule(length_mm=width, kind=f"border-{side}", solid=val in SOLID_BORDERS,
                             x0_mm=x0 + left, center_mm=center)
                target = para if (side == "bottom" and not para.is_empty) else (
                    prev[0] if prev is not None else para)
                if side == "top" and prev is None:
                    target = para
                self._add(target, rule)
            for shape in res.shapes:
                if shape.image is not None:
                    shape.image.para_index = para.index
                    shape.image.page = para.page
                    self.reader.images.append(shape.image)
                    continue
                rule = shape.rule
                if rule.center_mm is None and para.is_empty and para.align == "center" and center is not None:
                    rule.center_mm = center
                    rule.x0_mm = center - rule.length_mm / 2
                size_mm = (next((s.size for s in para.spans if s.size), 12.0)) * 25.4 / 72
                below_self = not para.is_empty and (shape.inline or (shape.offset_mm or 0) >= 0.5 * size_mm)
                target = para if below_self or prev is None else prev[0]
                if not below_self and prev is None:
                    # a line drawn from the next table row, placed above it: it sits under the
                    # text above in the same column (the usual way to rule the header in Word)
                    target = self._above_in_column(paras, i) or para
                self._add(target, rule)
            if res.underlined and para.longest_line_mm:
                self._add(para, HRule(length_mm=para.longest_line_mm, kind="underline",
                                      center_mm=para.center_mm))
            if res.underscores_only:
                rule = HRule(length_mm=para.longest_line_mm or 0.0, kind="text", center_mm=para.center_mm)
                self._add(prev[0] if prev is not None else para, rule)
                continue
            keep.append(para)
        # paragraph spacing as laid out: after + before, minus what contextual spacing removes
        last: dict = {}
        for para in keep:
            key = _container_key(para)
            before = last.get(key)
            if before is not None:
                same_style = before.style == para.style
                after_pt = 0.0 if (before.contextual_spacing and same_style) else (before.space_after_pt or 0)
                before_pt = 0.0 if (para.contextual_spacing and same_style) else (para.space_before_pt or 0)
                para.gap_before_pt = after_pt + before_pt
            last[key] = para
        ranks: dict = {}
        for i, para in enumerate(keep):
            para.index = i
            if para.cell is not None and not para.is_empty:
                para.cell_rank = ranks.get(para.cell, 0)
                ranks[para.cell] = para.cell_rank + 1
        return keep

    def _previous_text(self, paras: list[Para], i: int):
        key = _container_key(paras[i])
        for j in range(i - 1, -1, -1):
            if _container_key(paras[j]) != key:
                return None
            if not paras[j].is_empty:
                res = paras[j].__dict__.get("_res")
                if res is not None and res.underscores_only:
                    continue
                return paras[j], res
        return None

    def _above_in_column(self, paras: list[Para], i: int) -> Para | None:
        cell = paras[i].cell
        if cell is None:
            return None
        for j in range(i - 1, -1, -1):
            q = paras[j]
            if q.cell is None or q.cell[0] != cell[0]:
                return None
            if q.cell[2] == cell[2] and q.cell[1] < cell[1] and not q.is_empty:
                return q
        return None

    def _add(self, para: Para, rule: HRule):
        para.rules_below.append(rule)
        self.reader.rules.append(rule)


def attach_rules(self) -> None:
    """Replace ``self.paras`` by the paragraphs with their rules attached (underscore rows removed)."""
    old_index = {id(p): p.index for p in self.paras}
    self.paras = _Attach(self).run()
    new_index = {id(p): p.index for p in self.paras}
    by_old = {old_index[k]: v for k, v in new_index.items()}
    for image in self.images:
        if image.para_index is not None:
            image.para_index = by_old.get(image.para_index, image.para_index)


FORMAT_SWITCHES = {"roman": "lowerRoman", "ROMAN": "upperRoman", "alphabetic": "lowerLetter",
                   "ALPHABETIC": "upperLetter", "Arabic": "decimal", "ArabicDash": "numberInDash",
                   "CardText": "cardinalText", "OrdText": "ordinalText", "Ordinal": "ordinal"}


def read_page_numbers(self, sections) -> PageNumbering:
    """Page numbers each section's first and later pages show (PAGE fields in headers/footers)."""
    numbering = PageNumbering(text_center_mm=(self.text_left + self.text_right) / 2)
    inherited = {("header", t): None for t in ("default", "first", "even")}
    inherited.update({("footer", t): None for t in ("default", "first", "even")})
    saved_rels = self.shapes.rels
    for sec, sp in sections:
        if sp is not None:
            for kind in ("header", "footer"):
                for ref in sp.findall(w(f"{kind}Reference")):
                    rid = ref.get(f"{{{R_NS}}}id")
                    target = self.pkg.rels.get(rid, (None, None))[1]
                    inherited[(kind, wattr(ref, "type", "default"))] = target
        title_pg = bool(on_off(sp.find(w("titlePg")))) if sp is not None else False
        pg_num = sp.find(w("pgNumType")) if sp is not None else None
        fmt = wattr(pg_num, "fmt")
        start = to_int(wattr(pg_num, "start"))
        container = (sec.margin_left_mm or 0, sec.width_mm - (sec.margin_right_mm or 0))

        def marks(kind_type: str, page: int | None) -> list[PageMark]:
            out = []
            for kind in ("header", "footer"):
                part = inherited[(kind, kind_type)]
                if part is None:
                    continue
                out.extend(_part_marks(self, part, kind, page, fmt, start, sec.number, container))
            return out

        first = marks("first" if title_pg else "default", 1 if sec.number == 1 else None)
        later = marks("default", None)
        if self.even_odd:
            even = marks("even", None)
            numbering.odd_even_marks[sec.number] = (list(later), even)
            later += even
        numbering.first_page_marks[sec.number] = first
        numbering.later_marks[sec.number] = later
    self.shapes.rels = saved_rels
    return numbering


def _part_marks(self, part: str, kind: str, page, fmt, start, section, container) -> list[PageMark]:
    try:
        root = self.pkg.xml(part)
    except KeyError:
        return []
    except BrokenPart:
        self.notes.append(f"phần {part} bị hỏng, bỏ qua")
        return []
    self.shapes.rels = self.pkg.part_rels(part)
    region = PAGE_HEADER if kind == "header" else PAGE_FOOTER
    out: list[PageMark] = []
    for p in root.iter(w("p")):
        from baocao.check.readers.docx.tables import Ctx

        res = self.read_paragraph(p, Ctx(region, container, story=kind))
        para = res.para
        for f in res.fields:
            tokens = f.instr.split()
            if not tokens or tokens[0].upper() != "PAGE":
                continue
            number_format = fmt or "decimal"
            if "\\*" in tokens:
                k = tokens.index("\\*")
                if k + 1 < len(tokens) and tokens[k + 1] in FORMAT_SWITCHES:
                    number_format = FORMAT_SWITCHES[tokens[k + 1]]
            rp = f.props
            out.append(PageMark(location=kind, page=page, text="PAGE", is_field=True,
                                number_format=number_format, start=start, align=para.align,
                                center_mm=para.center_mm, size=rp.size if rp else None,
                                bold=bool(rp and rp.bold), italic=bool(rp and rp.italic),
                                section=section, font=rp.ascii if rp else None))
        if not res.fields and para.clean.isdigit():
            span = para.visible_spans[0] if para.visible_spans else None
            out.append(PageMark(location=kind, page=page, text=para.clean, is_field=False,
                                align=para.align, center_mm=para.center_mm,
                                size=span.size if span else None, bold=bool(span and span.bold),
                                italic=bool(span and span.italic), section=section,
                                font=span.font if span else None))
    return out


def _part_height_mm(self, part: str | None, container) -> float:
    """Height of a header or footer part's paragraphs (what pushes the body text away)."""
    if part is None:
        return 0.0
    try:
        root = self.pkg.xml(part)
    except (KeyError, BrokenPart):
        return 0.0
    from baocao.check.readers.docx.tables import Ctx

    total = 0.0
    for p in root.iter(w("p")):
        if any(a.tag == w("txbxContent") for a in p.iterancestors()):
            continue
        ppr = p.find(w("pPr"))
        if ppr is not None and ppr.find(w("framePr")) is not None:
            continue                    # a frame floats: it takes no room
        para = self.read_paragraph(p, Ctx(PAGE_HEADER, container, story="header")).para
        total += _height_mm(para)
    return total


def push_margins(self, sections) -> None:
    """Effective top and bottom margins: Word moves the body below a header taller than the margin."""
    for sec, sp in sections:
        if sp is None:
            continue
        mar = sp.find(w("pgMar"))
        if mar is None:
            continue
        title_pg = bool(on_off(sp.find(w("titlePg"))))
        container = (sec.margin_left_mm or 0, sec.width_mm - (sec.margin_right_mm or 0))
        refs = {}
        for kind in ("header", "footer"):
            for ref in sp.findall(w(f"{kind}Reference")):
                rid = ref.get(f"{{{R_NS}}}id")
                refs[(kind, wattr(ref, "type", "default"))] = self.pkg.rels.get(rid, (None, None))[1]
        which = "first" if title_pg else "default"
        for kind, attr, dist_attr in (("header", "margin_top_mm", "header"), ("footer", "margin_bottom_mm", "footer")):
            margin = getattr(sec, attr)
            dist = to_int(wattr(mar, dist_attr), 720) / 1440 * 25.4
            part = refs.get((kind, which)) or (refs.get((kind, "default")) if which == "default" else None)
            height = _part_height_mm(self, part, container)
            if margin is not None and height and dist + height > margin + 0.5:
                setattr(sec, attr, dist + height)
                sec.pushed[kind] = (margin, dist + height)


def _height_mm(p: Para) -> float:
    size = max(p.sizes(), default=None) or p.mark_size_pt or 12.0
    lines = len(p.line_widths_mm) if p.line_widths_mm else 1
    line = p.line_exact_pt if p.line_exact_pt else (p.line_spacing or 1.0) * 1.149 * size
    return (lines * line + (p.space_before_pt or 0) + (p.space_after_pt or 0)) * 25.4 / 72


def estimate_pages(paras: list[Para], section, app_pages: int | None = None) -> int | None:
    """Pages the text fills, estimated from line counts; None when too close to call.

    DOCX files carry no layout (docProps/app.xml page counts are often stale), but the line widths
    computed with Times New Roman metrics give the number of lines of every paragraph.
    """
    if section.margin_top_mm is None or section.margin_bottom_mm is None:
        return None
    usable = section.height_mm - section.margin_top_mm - section.margin_bottom_mm
    if usable <= 0:
        return None
    pt = 25.4 / 72

    def height(p: Para) -> float:
        size = max(p.sizes(), default=None) or p.mark_size_pt or 12.0
        lines = len(p.line_widths_mm) if p.line_widths_mm else 1
        line = p.line_exact_pt if p.line_exact_pt else (p.line_spacing or 1.0) * 1.149 * size
        return (lines * line + (p.space_before_pt or 0) + (p.space_after_pt or 0)) * pt

    total = 0.0
    breaks = 0
    rows: dict = {}
    order: list = []
    for p in paras:
        if p.page_break_before:
            breaks += 1
        if p.cell is None:
            order.append(("p", height(p)))
            continue
        key = p.cell[:2]
        if key not in rows:
            rows[key] = {}
            order.append(("row", key))
        rows[key][p.cell[2]] = rows[key].get(p.cell[2], 0.0) + height(p)
    for kind, value in order:
        total += value if kind == "p" else max(rows[value].values(), default=0.0)
    if breaks:
        return max(2, app_pages or 2)
    if total > 1.02 * usable:
        return max(int(total // usable) + 1, app_pages or 0)
    if total < 0.85 * usable and (app_pages in (None, 1)):
        return 1
    # too close to call from line counts: the page count Word or LibreOffice saved decides
    return app_pages
