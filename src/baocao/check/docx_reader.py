"""DOCX → neutral Document: effective formatting, geometry, drawn lines, page-number fields."""
from __future__ import annotations

import unicodedata
import zipfile
from dataclasses import dataclass, field
from typing import Any

from baocao.check import metrics
from baocao.check.docx_styles import (
    StyleSheet, W, on_off, parse, to_int, twips_to_mm, w, wattr,
)
from baocao.check.docx_parts import attach_rules, estimate_pages, read_page_numbers
from baocao.check.docx_shapes import ShapeReader
from baocao.check.errors import UnreadableFile
from baocao.check.model import (
    BODY, CLOSING_LEFT, CLOSING_RIGHT, HEADER_LEFT, HEADER_RIGHT, PAGE_FOOTER, PAGE_HEADER, TABLE,
    Document, HRule, PageMark, PageNumbering, Para, Section, Span, TableInfo,
)

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
RT_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

JUSTIFIED = {"both", "distribute", "lowKashida", "mediumKashida", "highKashida", "thaiDistribute"}
SOLID_BORDERS = {"single", "thick"}
NO_BORDER = {"nil", "none", None}


def _align(jc: str | None) -> str:
    if jc in JUSTIFIED:
        return "both"
    if jc in ("center",):
        return "center"
    if jc in ("right", "end"):
        return "right"
    return "left"


@dataclass
class Ctx:
    """Where the paragraphs being read sit."""

    region: str
    container: tuple[float, float]
    table_style: str | None = None
    in_table: bool = False
    cell: tuple[int, int, int] | None = None
    story: str = "body"          # body | header | footer


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


class Package:
    """The zip parts of a .docx, with relationships resolved."""

    def __init__(self, path: str):
        try:
            self.zip = zipfile.ZipFile(path)
            names = set(self.zip.namelist())
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise UnreadableFile(path, f"không phải tệp DOCX (zip) hợp lệ ({exc})") from None
        self.names = names
        main = "word/document.xml"
        try:
            ct = self.zip.read("[Content_Types].xml").decode("utf-8", "replace")
            if "wordprocessingml.document.main" not in ct and main not in names:
                raise UnreadableFile(path, "tệp zip không chứa văn bản Word")
            rels = parse(self.zip.read("_rels/.rels"))
            for rel in rels:
                if rel.get("Type", "").endswith("/officeDocument"):
                    main = rel.get("Target").lstrip("/")
        except KeyError:
            pass
        if main not in names:
            raise UnreadableFile(path, "thiếu phần word/document.xml")
        self.main = main
        try:
            self.root = parse(self.zip.read(main))
        except Exception as exc:
            raise UnreadableFile(path, f"XML của văn bản bị hỏng ({exc})") from None
        self.rels = self.part_rels(main)

    def part_rels(self, part: str) -> dict[str, tuple[str, str]]:
        folder, _, name = part.rpartition("/")
        rel_name = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
        out: dict[str, tuple[str, str]] = {}
        if rel_name not in self.names:
            return out
        try:
            root = parse(self.zip.read(rel_name))
        except Exception:
            return out
        for rel in root:
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                continue
            if target.startswith("/"):
                full = target.lstrip("/")
            else:
                parts = (folder.split("/") if folder else []) + target.split("/")
                stack: list[str] = []
                for p in parts:
                    if p == "..":
                        if stack:
                            stack.pop()
                    elif p and p != ".":
                        stack.append(p)
                full = "/".join(stack)
            out[rel.get("Id")] = (rel.get("Type", ""), full)
        return out

    def related(self, rel_type: str):
        for typ, target in self.rels.values():
            if typ == RT_BASE + rel_type and target in self.names:
                try:
                    return parse(self.zip.read(target))
                except Exception:
                    return None
        return None

    def blob(self, part: str) -> bytes | None:
        try:
            return self.zip.read(part)
        except KeyError:
            return None


class DocxReader:
    def __init__(self, path: str):
        self.path = path
        self.pkg = Package(path)
        self.styles = StyleSheet(self.pkg.related("styles"), self.pkg.related("theme"),
                                 self.pkg.related("numbering"))
        settings = self.pkg.related("settings")
        self.even_odd = on_off(settings.find(w("evenAndOddHeaders"))) if settings is not None else False
        self.compat_mode = 12
        if settings is not None:
            for cs in settings.iter(w("compatSetting")):
                if cs.get(w("name")) == "compatibilityMode":
                    self.compat_mode = to_int(cs.get(w("val")), 12)
        self.paras: list[Para] = []
        self.rules: list[HRule] = []
        self.images = []
        self.tables: list[TableInfo] = []
        self.notes: list[str] = []
        self.source_counter = 0
        self.shapes = ShapeReader(self)

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
            gutter_top = sp is not None and on_off(sp.find(w("rtlGutter"))) is None and False
            sec = Section(
                number=i, width_mm=twips_to_mm(wt), height_mm=twips_to_mm(ht),
                margin_top_mm=twips_to_mm(abs(to_int(wattr(mar, "top"), 1440))) if mar is not None else None,
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
        for kind, el in blocks:
            sec = sections[min(section_index, len(sections) - 1)][0]
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
        numbering = read_page_numbers(self, sections)
        numbering.page_count = estimate_pages(self.paras, sec0)
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

    def _has_text(self, el) -> bool:
        return any((t.text or "").strip() for t in el.iter(w("t")))

    def table_roles(self, blocks) -> dict[int, str]:
        """Which top-level table is the header block and which are closing blocks."""
        texts = [i for i, (k, el) in enumerate(blocks) if k == "p" and self._has_text(el)]
        first_text = texts[0] if texts else len(blocks)
        last_text = texts[-1] if texts else -1
        roles: dict[int, str] = {}
        header_done = False
        for i, (kind, el) in enumerate(blocks):
            if kind != "tbl":
                continue
            alltext = " ".join((t.text or "") for t in el.iter(w("t")))
            folded = _fold(alltext)
            if not header_done and (i < first_text or "cong hoa xa hoi chu nghia" in folded):
                roles[id(el)] = "header"
                header_done = True
            elif i > last_text or "noi nhan" in folded:
                roles[id(el)] = "closing"
        return roles

    # ------------------------------------------------------------------ tables
    def _cell_margins(self, tbl_pr, table_style) -> tuple[float, float]:
        left = right = None
        sources = [tbl_pr]
        for st in reversed(self.styles.chain(table_style, "table")):
            sources.append(st.find(w("tblPr")))
        for src in sources:
            if src is None:
                continue
            mar = src.find(w("tblCellMar"))
            if mar is None:
                continue
            for tag, which in (("left", "l"), ("start", "l"), ("right", "r"), ("end", "r")):
                el = mar.find(w(tag))
                if el is not None and wattr(el, "type", "dxa") == "dxa":
                    val = twips_to_mm(to_int(wattr(el, "w"), 0))
                    if which == "l" and left is None:
                        left = val
                    if which == "r" and right is None:
                        right = val
        return (1.905 if left is None else left), (1.905 if right is None else right)

    def _table_borders(self, tbl_pr, table_style) -> bool:
        sources = [tbl_pr] + [st.find(w("tblPr")) for st in reversed(self.styles.chain(table_style, "table"))]
        seen: dict[str, bool] = {}
        for src in sources:
            if src is None:
                continue
            b = src.find(w("tblBorders"))
            if b is None:
                continue
            for side in ("top", "left", "bottom", "right", "insideH", "insideV", "start", "end"):
                el = b.find(w(side))
                if el is not None and side not in seen:
                    seen[side] = wattr(el, "val") not in NO_BORDER
        return any(seen.values())

    def read_table(self, tbl, ctx: Ctx, table_no: int, role: str):
        tbl_pr = tbl.find(w("tblPr"))
        style_el = tbl_pr.find(w("tblStyle")) if tbl_pr is not None else None
        table_style = wattr(style_el, "val")
        grid = [twips_to_mm(to_int(wattr(gc, "w"), 0)) for gc in tbl.iter(w("gridCol"))
                if gc.getparent().getparent() is tbl]
        mar_l, mar_r = self._cell_margins(tbl_pr, table_style)
        avail_l, avail_r = ctx.container
        total = sum(grid)
        ind_el = tbl_pr.find(w("tblInd")) if tbl_pr is not None else None
        ind = twips_to_mm(to_int(wattr(ind_el, "w"), 0)) if ind_el is not None and \
            wattr(ind_el, "type", "dxa") == "dxa" else 0.0
        jc = wattr(tbl_pr.find(w("jc")) if tbl_pr is not None else None, "val")
        if jc == "center":
            edge = avail_l + (avail_r - avail_l - total) / 2
        elif jc in ("right", "end"):
            edge = avail_r - total
        else:
            edge = avail_l + ind - (mar_l if self.compat_mode < 15 else 0.0)
        borders = self._table_borders(tbl_pr, table_style)
        rows = [r for r in tbl if r.tag == w("tr")]
        ncols = len(grid) or max((len(r.findall(w("tc"))) for r in rows), default=0)
        info = TableInfo(number=table_no, first_para=len(self.paras), rows=len(rows), cols=ncols,
                         has_borders=borders)
        self.tables.append(info)
        for r_i, tr in enumerate(rows):
            col = 0
            tr_pr = tr.find(w("trPr"))
            if tr_pr is not None:
                col += to_int(wattr(tr_pr.find(w("gridBefore")), "val"), 0) or 0
            cells = []
            for child in tr:
                if child.tag == w("tc"):
                    cells.append(child)
                elif child.tag == w("sdt"):
                    content = child.find(w("sdtContent"))
                    if content is not None:
                        cells.extend(content.findall(w("tc")))
            for tc in cells:
                tc_pr = tc.find(w("tcPr"))
                span = to_int(wattr(tc_pr.find(w("gridSpan")) if tc_pr is not None else None, "val"), 1) or 1
                x0 = edge + sum(grid[:col])
                x1 = x0 + sum(grid[col:col + span]) if grid else avail_r
                cl, cr = mar_l, mar_r
                tc_mar = tc_pr.find(w("tcMar")) if tc_pr is not None else None
                if tc_mar is not None:
                    for tag in ("left", "start"):
                        el = tc_mar.find(w(tag))
                        if el is not None:
                            cl = twips_to_mm(to_int(wattr(el, "w"), 0))
                    for tag in ("right", "end"):
                        el = tc_mar.find(w(tag))
                        if el is not None:
                            cr = twips_to_mm(to_int(wattr(el, "w"), 0))
                if tc_pr is not None and tc_pr.find(w("tcBorders")) is not None:
                    for el in tc_pr.find(w("tcBorders")):
                        if wattr(el, "val") not in NO_BORDER:
                            info.has_borders = True
                if role in ("header", "closing") and ncols >= 2 and col == 0:
                    region = HEADER_LEFT if role == "header" else CLOSING_LEFT
                elif role in ("header", "closing") and ncols >= 2 and col + span >= ncols:
                    region = HEADER_RIGHT if role == "header" else CLOSING_RIGHT
                elif ctx.region != BODY:
                    region = ctx.region
                else:
                    region = TABLE
                cctx = Ctx(region, (x0 + cl, x1 - cr), table_style, True, (table_no, r_i, col), ctx.story)
                cell_para = 0
                for kind, el in self.flatten(tc):
                    if kind == "p":
                        para = self.add_paragraph(el, cctx)
                        if para is not None:
                            para.cell_para = cell_para
                            cell_para += 1
                    else:
                        self.read_table(el, cctx, table_no, "nested")
                col += span

    # ------------------------------------------------------------------ paragraphs
    def add_paragraph(self, p, ctx: Ctx) -> Para | None:
        self.source_counter += 1
        res = self.read_paragraph(p, ctx)
        para = res.para
        para.source_index = self.source_counter
        para.index = len(self.paras)
        if ctx.region in (HEADER_LEFT, HEADER_RIGHT):
            para.page = 1
        self.paras.append(para)
        para._res = res  # consumed by attach_rules_in_order
        return para

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
        if ctx.story == "body" or True:
            lab = self.styles.numbering.label(props.get("numId"), props.get("ilvl") or 0)
            if lab is not None:
                text, lvl = lab
                from baocao.check.docx_styles import apply_rpr, run_props
                lp: dict[str, Any] = dict(base)
                apply_rpr(lp, mark_rpr)
                apply_rpr(lp, lvl.find(w("rPr")))
                if text:
                    pieces.append((text + " ", run_props(lp, self.styles.theme_fonts)))
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
                spans.append(Span(piece, font, rp.size, rp.bold, rp.italic, rp.color))
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
        elif rule in ("exact", "atLeast"):
            exact = line_val / 20
        else:
            line_mult = line_val / 240
        align = _align(props.get("jc"))
        x0, x1 = ctx.container
        avail = max(1.0, (x1 - right) - (x0 + left))
        width_pieces = [(s.text.replace("\t", " "), s.size or size, s.bold, s.italic) for s in spans]
        line_widths = metrics.wrap_widths(width_pieces, avail) if text.strip() else None
        center = None
        if align == "center":
            center = ((x0 + left) + (x1 - right)) / 2
        elif line_widths and len(line_widths) == 1:
            if align == "right":
                center = (x1 - right) - line_widths[0] / 2
            elif align == "left":
                center = x0 + left + max(first, 0) + line_widths[0] / 2
        clean = text.strip()
        underscores = bool(clean) and set(clean) <= set("_") and len(clean) >= 3
        para = Para(
            index=0, text=text, spans=spans, region=ctx.region, align=align,
            first_indent_mm=first, left_indent_mm=left, right_indent_mm=right,
            space_before_pt=before, space_after_pt=after, line_spacing=line_mult,
            line_exact_pt=exact, container=ctx.container, center_mm=center,
            line_widths_mm=line_widths, cell=ctx.cell, style=props.get("styleId"),
            page_break_before=bool(props.get("pageBreakBefore")) or state["page_break"],
            contextual_spacing=bool(props.get("contextualSpacing")),
        )
        res = ParaResult(para, fields, dict(props.get("pBdr", {})), (left, right), shapes,
                         underlined=visible_chars > 0 and underlined_chars >= visible_chars,
                         underscores_only=underscores, page_break=state["page_break"])
        return res

    def _walk_inline(self, el, base, pieces, fields, shapes, state, ctx):
        stack = state["stack"]
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


def _fold(text: str) -> str:
    t = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(c for c in t if not unicodedata.combining(c))


def read_docx(path: str) -> Document:
    reader = DocxReader(path)
    try:
        return reader.read()
    except UnreadableFile:
        raise
    except (KeyError, ValueError, AttributeError, TypeError, IndexError) as exc:  # malformed XML content
        raise UnreadableFile(path, f"cấu trúc DOCX không đọc được ({type(exc).__name__}: {exc})") from None
