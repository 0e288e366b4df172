"""DOCX → neutral Document: effective formatting, geometry, drawn lines, page-number fields."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from baocao.check import metrics
from baocao.check import text as tx
from baocao.check.errors import UnreadableFile
from baocao.check.model import (
    BODY,
    HEADER_LEFT,
    HEADER_RIGHT,
    TABLE,
    Document,
    HRule,
    Para,
    Section,
    Span,
    TableInfo,
)
from baocao.check.readers.docx.lines import app_pages, leading_advance, split_lines
from baocao.check.readers.docx.package import MC, Package
from baocao.check.readers.docx.parts import (
    attach_rules,
    estimate_pages,
    push_margins,
    read_page_numbers,
)
from baocao.check.readers.docx.shapes import ShapeReader
from baocao.check.readers.docx.styles import (
    StyleSheet,
    apply_rpr,
    on_off,
    run_props,
    to_int,
    twips_to_mm,
    w,
    wattr,
)
from baocao.check.readers.docx.tables import Ctx, TableReader

JUSTIFIED = {"both", "distribute", "lowKashida", "mediumKashida", "highKashida", "thaiDistribute"}


def _align(jc: str | None) -> str:
    if jc in JUSTIFIED:
        return "both"
    if jc in ("center",):
        return "center"
    if jc in ("right", "end"):
        return "right"
    return "left"


@dataclass
class FieldInfo:
    instr: str
    props: Any                   # RunProps of the first result run (or of the code run)


@dataclass
class ParaResult:
    para: Para
    fields: list[FieldInfo] = field(default_factory=list)
    borders: dict[str, tuple[str, int]] = field(default_factory=dict)
    indents: tuple[float, float] = (0.0, 0.0)
    shapes: list = field(default_factory=list)
    underlined: bool = False
    underscores_only: bool = False
    page_break: bool = False


class DocxReader(TableReader):
    def __init__(self, path: str, source=None):
        self.path = path
        self.pkg = Package(path, source)
        self.budget = self.pkg.budget
        self.styles = StyleSheet(self.pkg.related("styles"), self.pkg.related("theme"),
                                 self.pkg.related("numbering"))
        settings = self.pkg.related("settings")
        self.even_odd = on_off(settings.find(w("evenAndOddHeaders"))) if settings is not None else False
        self.compat_mode = 12
        tab_el = settings.find(w("defaultTabStop")) if settings is not None else None
        self.default_tab_mm = twips_to_mm(to_int(wattr(tab_el, "val"), 720) or 720)
        self.gutter_at_top = bool(settings is not None and on_off(settings.find(w("gutterAtTop"))))
        if settings is not None:
            for cs in settings.iter(w("compatSetting")):
                if cs.get(w("name")) == "compatibilityMode":
                    self.compat_mode = to_int(cs.get(w("val")), 12)
        self.paras: list[Para] = []
        self.rules: list[HRule] = []
        self.images = []
        self.tables: list[TableInfo] = []
        self.table_rules: list[tuple[Para, HRule]] = []
        self.notes: list[str] = []
        self.source_counter = 0
        self.shapes = ShapeReader(self)
        self.app_pages = app_pages(self.pkg)

    # ------------------------------------------------------------------ sections
    def read_sections(self, body) -> list[tuple[Section, Any]]:
        sect_prs = []
        for child in body:
            if child.tag == w("p"):
                sp = child.find(f"{w('pPr')}/{w('sectPr')}")
                if sp is not None:
                    sect_prs.append(sp)
        final = body.find(w("sectPr"))
        sect_prs.append(final)
        out = []
        for i, sp in enumerate(sect_prs, start=1):
            pg = sp.find(w("pgSz")) if sp is not None else None
            mar = sp.find(w("pgMar")) if sp is not None else None
            wt = to_int(wattr(pg, "w"), 11906)
            ht = to_int(wattr(pg, "h"), 16838)
            gutter = to_int(wattr(mar, "gutter"), 0) if mar is not None else 0
            gutter_top = self.gutter_at_top
            sec = Section(
                number=i, width_mm=twips_to_mm(wt), height_mm=twips_to_mm(ht),
                margin_top_mm=twips_to_mm(abs(to_int(wattr(mar, "top"), 1440)) + (gutter if gutter_top else 0))
                if mar is not None else None,
                margin_bottom_mm=twips_to_mm(abs(to_int(wattr(mar, "bottom"), 1440))) if mar is not None else None,
                margin_left_mm=twips_to_mm(to_int(wattr(mar, "left"), 1800) + (0 if gutter_top else gutter))
                if mar is not None else None,
                margin_right_mm=twips_to_mm(to_int(wattr(mar, "right"), 1800)) if mar is not None else None,
                bottom_is_minimum=False, label=f"phần (section) {i}",
            )
            out.append((sec, sp))
        return out

    # ------------------------------------------------------------------ reading
    def read(self) -> Document:
        body = self.pkg.root.find(w("body"))
        if body is None:
            raise UnreadableFile(self.path, "văn bản không có phần thân (w:body)")
        sections = self.read_sections(body)
        sec0 = sections[0][0]
        blocks = list(self.flatten(body))
        self.page_width = sec0.width_mm
        self.text_left = sec0.margin_left_mm or 30.0
        self.text_right = sec0.width_mm - (sec0.margin_right_mm or 15.0)
        roles = self.table_roles(blocks)
        section_index = 0
        table_no = 0
        for number, (kind, el) in enumerate(blocks):
            if number % 256 == 0:
                self.budget.tick()
            sec = sections[min(section_index, len(sections) - 1)][0]
            self.current_section = sec.number
            left = sec.margin_left_mm or 0
            right = sec.width_mm - (sec.margin_right_mm or 0)
            ctx = Ctx(BODY, (left, right))
            if kind == "p":
                self.add_paragraph(el, ctx)
                if el.find(f"{w('pPr')}/{w('sectPr')}") is not None:
                    section_index += 1
            else:
                table_no += 1
                self.read_table(el, ctx, table_no, roles.get(id(el), TABLE))
        attach_rules(self)
        for para, rule in self.table_rules:
            para.rules_below.append(rule)
            self.rules.append(rule)
        numbering = read_page_numbers(self, sections)
        push_margins(self, sections)
        numbering.page_count = estimate_pages(self.paras, sec0, self.app_pages)
        secs = [s for s, _ in sections]
        doc = Document(path=self.path, fmt="docx", paras=self.paras, sections=secs,
                       numbering=numbering, images=self.images, rules=self.rules,
                       tables=self.tables, text_left_mm=self.text_left,
                       text_right_mm=self.text_right, notes=self.notes)
        return doc

    def flatten(self, container):
        """Block-level children (w:p, w:tbl) through content controls and custom XML."""
        for child in container:
            tag = child.tag
            if tag == w("p") or tag == w("tbl"):
                yield ("p" if tag == w("p") else "tbl"), child
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    yield from self.flatten(content)
            elif tag == w("customXml"):
                yield from self.flatten(child)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    yield from self.flatten(choice)

    # ------------------------------------------------------------------ paragraphs
    def add_paragraph(self, p, ctx: Ctx) -> Para | None:
        self.source_counter += 1
        res = self.read_paragraph(p, ctx)
        para = res.para
        para.source_index = self.source_counter
        para.section = getattr(self, "current_section", None)
        para.index = len(self.paras)
        if ctx.region in (HEADER_LEFT, HEADER_RIGHT):
            para.page = 1
        pieces = split_lines(para, res) if "\n" in para.text.strip() and para.align != "both" else [(para, res)]
        for piece, piece_res in pieces:
            piece.index = len(self.paras)
            self.paras.append(piece)
            piece._res = piece_res  # consumed by attach_rules
        return pieces[-1][0]

    def read_paragraph(self, p, ctx: Ctx) -> ParaResult:
        ppr = p.find(w("pPr"))
        props = self.styles.paragraph_props(ppr, ctx.table_style, ctx.in_table)
        base = self.styles.run_base(props.get("styleId"), ctx.table_style, ctx.in_table)
        mark_rpr = ppr.find(w("rPr")) if ppr is not None else None
        mark = self.styles.run_effective(base, mark_rpr)
        pieces: list[tuple[str, Any]] = []
        fields: list[FieldInfo] = []
        shapes: list = []
        state = {"stack": [], "page_break": False}
        lab = self.styles.numbering.label(props.get("numId"), props.get("ilvl") or 0)
        if lab is not None:
            # the list label, formatted like the paragraph mark plus the level's run properties
            label, lvl = lab
            lp: dict[str, Any] = dict(base)
            apply_rpr(lp, mark_rpr)
            apply_rpr(lp, lvl.find(w("rPr")))
            if label:
                pieces.append((label + " ", run_props(lp, self.styles.theme_fonts)))
        self._walk_inline(p, base, pieces, fields, shapes, state, ctx)

        spans: list[Span] = []
        text = ""
        underlined_chars = 0
        visible_chars = 0
        for chunk, rp in pieces:
            if rp.vanish:
                continue
            shown = chunk.upper() if (rp.caps or rp.small_caps) and chunk not in ("\n", "\t") else chunk
            text += shown
            for piece, font in _split_by_slot(shown, rp):
                spans.append(Span(piece, font, rp.size, rp.bold, rp.italic, rp.color, script=rp.script))
            if shown.strip():
                n = len(shown.strip())
                visible_chars += n
                if rp.underline and rp.underline not in ("none", "words"):
                    underlined_chars += n
        size = next((s.size for s in spans if s.text.strip() and s.size), mark.size or 10.0)
        twip = lambda key: to_int(props.get(key), 0) or 0
        left = twips_to_mm(twip("left"))
        right = twips_to_mm(twip("right"))
        first = twips_to_mm(twip("firstLine")) - twips_to_mm(twip("hanging"))
        if props.get("firstLineChars"):
            first = props["firstLineChars"] / 100 * size * 25.4 / 72
        elif props.get("hangingChars"):
            first = -props["hangingChars"] / 100 * size * 25.4 / 72
        if props.get("leftChars"):
            left = props["leftChars"] / 100 * size * 25.4 / 72
        if props.get("rightChars"):
            right = props["rightChars"] / 100 * size * 25.4 / 72

        def spacing(key, lines_key, auto_key):
            if on_off_str(props.get(auto_key)):
                return 14.0
            if props.get(lines_key) is not None:
                return to_int(props.get(lines_key), 0) / 100 * size * 1.149
            return (to_int(props.get(key), 0) or 0) / 20

        before = spacing("before", "beforeLines", "beforeAutospacing")
        after = spacing("after", "afterLines", "afterAutospacing")
        rule = props.get("lineRule", "auto")
        line_val = to_int(props.get("line"))
        line_mult = exact = None
        if line_val is None:
            line_mult = 1.0
        elif rule == "atLeast" and line_val / 20 < size * 1.149:
            line_mult = 1.0                 # "at least" less than a single line: Word sets a single line
        elif rule in ("exact", "atLeast"):
            exact = line_val / 20
        else:
            line_mult = line_val / 240
        align = _align(props.get("jc"))
        x0, x1 = ctx.container
        avail = max(1.0, (x1 - right) - (x0 + left))
        width_pieces = [(s.text.replace("\t", " "), s.size or size, s.bold, s.italic) for s in spans]
        line_widths = metrics.wrap_widths(width_pieces, avail) if text.strip() else None
        # what the page shows: leading spaces and tabs move the first line's text (a khoản indented
        # with a TAB, a date centred with spaces), trailing ones do not count
        lead = leading_advance(text, size, left, first, props.get("tabs") or {}, self.default_tab_mm)
        ink = text.strip(" \t\u00a0")
        ink_pieces = [[s.text.replace("\t", " "), s.size or size, s.bold, s.italic] for s in spans]
        while ink_pieces and not ink_pieces[0][0].strip():
            ink_pieces.pop(0)
        if ink_pieces:
            ink_pieces[0][0] = ink_pieces[0][0].lstrip()
        ink_widths = metrics.wrap_widths([tuple(x) for x in ink_pieces], avail) \
            if ink and "\n" not in ink and len(line_widths or []) == 1 else None
        if ink_widths and len(ink_widths) == 1 and lead is not None:
            line_widths = ink_widths            # one line: its width is that of its ink
        center = None
        if align == "center":
            center = ((x0 + left) + (x1 - right)) / 2 + (lead or 0.0) / 2
        elif line_widths and len(line_widths) == 1:
            if align == "right":
                center = (x1 - right) - line_widths[0] / 2
            else:
                start = x0 + left + max(first, 0) + (lead or 0.0)
                center = start + line_widths[0] / 2
        if lead and align != "center":
            first = first + lead
        clean = text.strip()
        underscores = tx.is_rule_text(clean)
        para = Para(
            index=0, text=text, spans=spans, region=ctx.region, align=align,
            first_indent_mm=first, left_indent_mm=left, right_indent_mm=right,
            space_before_pt=before, space_after_pt=after, line_spacing=line_mult,
            line_exact_pt=exact, container=ctx.container, center_mm=center,
            line_widths_mm=line_widths, cell=ctx.cell, style=props.get("styleId"),
            page_break_before=bool(props.get("pageBreakBefore")) or state["page_break"],
            mark_size_pt=mark.size,
            contextual_spacing=bool(props.get("contextualSpacing")),
        )
        res = ParaResult(para, fields, dict(props.get("pBdr", {})), (left, right), shapes,
                         underlined=visible_chars > 0 and underlined_chars >= visible_chars,
                         underscores_only=underscores, page_break=state["page_break"])
        return res

    def _walk_inline(self, el, base, pieces, fields, shapes, state, ctx):
        for child in el:
            tag = child.tag
            if tag == w("r"):
                self._read_run(child, base, pieces, fields, shapes, state, ctx)
            elif tag == w("fldSimple"):
                instr = wattr(child, "instr", "")
                start = len(pieces)
                self._walk_inline(child, base, pieces, fields, shapes, state, ctx)
                rp = pieces[start][1] if len(pieces) > start else self.styles.run_effective(base, None)
                first_run = child.find(w("r"))
                if first_run is not None:
                    rp = self.styles.run_effective(base, first_run.find(w("rPr")))
                fields.append(FieldInfo(instr, rp))
            elif tag in (w("hyperlink"), w("ins"), w("moveTo"), w("smartTag"), w("customXml"),
                         w("dir"), w("bdo")):
                self._walk_inline(child, base, pieces, fields, shapes, state, ctx)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._walk_inline(content, base, pieces, fields, shapes, state, ctx)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    self._walk_inline(choice, base, pieces, fields, shapes, state, ctx)

    def _read_run(self, r, base, pieces, fields, shapes, state, ctx):
        rp = self.styles.run_effective(base, r.find(w("rPr")))
        stack = state["stack"]

        def visible():
            return not stack or all(f["result"] for f in stack)

        for child in r:
            tag = child.tag
            if tag == w("fldChar"):
                kind = wattr(child, "fldCharType")
                if kind == "begin":
                    stack.append({"instr": "", "result": False, "props": rp, "result_props": None})
                elif kind == "separate" and stack:
                    stack[-1]["result"] = True
                elif kind == "end" and stack:
                    f = stack.pop()
                    fields.append(FieldInfo(f["instr"], f["result_props"] or f["props"]))
            elif tag == w("instrText"):
                if stack:
                    stack[-1]["instr"] += child.text or ""
                    stack[-1]["props"] = rp
            elif tag == w("t"):
                if visible():
                    pieces.append((child.text or "", rp))
                    if stack and stack[-1]["result_props"] is None:
                        stack[-1]["result_props"] = rp
            elif tag in (w("tab"), w("ptab")):
                if visible():
                    pieces.append(("\t", rp))
            elif tag in (w("br"), w("cr")):
                btype = wattr(child, "type")
                if btype == "page":
                    state["page_break"] = True
                elif visible():
                    pieces.append(("\n", rp))
            elif tag == w("noBreakHyphen"):
                if visible():
                    pieces.append(("-", rp))
            elif tag == w("sym"):
                code = wattr(child, "char", "")
                try:
                    ch = chr(int(code, 16))
                    if 0xF000 <= ord(ch) <= 0xF0FF:
                        ch = chr(ord(ch) - 0xF000)
                except ValueError:
                    ch = "?"
                if visible():
                    sym_rp = type(rp)(**{**rp.__dict__, "ascii": wattr(child, "font"),
                                         "h_ansi": wattr(child, "font")})
                    pieces.append((ch, sym_rp))
            elif tag in (w("drawing"), w("pict"), f"{{{MC}}}AlternateContent", w("object")):
                shapes.extend(self.shapes.read(child, ctx))


def on_off_str(value) -> bool:
    return value is not None and str(value).lower() in ("1", "true", "on")


def _split_by_slot(text: str, rp) -> list[tuple[str, str | None]]:
    """Cut a run's text where Word switches between the ASCII and the high-ANSI font slot."""
    out: list[tuple[str, str | None]] = []
    for ch in text:
        font = rp.ascii if ord(ch) < 128 else rp.h_ansi
        if out and out[-1][1] == font:
            out[-1] = (out[-1][0] + ch, font)
        else:
            out.append((ch, font))
    return out


def read_docx(path: str, source=None) -> Document:
    """The Document of the .docx at *path* (read from the open file *source* when given)."""
    return read_docx_and_package(path, source)[0]


def read_docx_and_package(path: str, source=None) -> tuple[Document, Package]:
    """:func:`read_docx`, and the package it read, for a caller that wants other parts too."""
    reader = DocxReader(path, source)
    try:
        return reader.read(), reader.pkg
    except UnreadableFile:
        raise
    except (KeyError, ValueError, AttributeError, TypeError, IndexError) as exc:  # malformed XML content
        raise UnreadableFile(path, f"cấu trúc DOCX không đọc được ({type(exc).__name__}: {exc})") from None
    except RecursionError:
        raise UnreadableFile(path, "cấu trúc DOCX lồng nhau quá sâu") from None
