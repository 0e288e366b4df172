"""Tables of a DOCX: which one is the header block or a closing block, cell boxes, borders."""
from __future__ import annotations

from dataclasses import dataclass

from baocao.check.model import (
    BODY,
    CLOSING_LEFT,
    CLOSING_RIGHT,
    HEADER_LEFT,
    HEADER_RIGHT,
    TABLE,
    HRule,
    TableInfo,
)
from baocao.check.readers.docx.styles import to_int, twips_to_mm, w, wattr
from baocao.check.text import fold

SOLID_BORDERS = {"single", "thick"}
NO_BORDER = {"nil", "none", None}


@dataclass
class Ctx:
    """Where the paragraphs being read sit."""

    region: str
    container: tuple[float, float]
    table_style: str | None = None
    in_table: bool = False
    cell: tuple[int, int, int] | None = None
    story: str = "body"          # body | header | footer


def _signed(folded: str) -> bool:
    """Does a table's text look like a signature block (quyền hạn or a title line)?"""
    return any(f" {k}. " in f" {folded} " or folded.startswith(f"{k}. ") for k in ("tm", "kt", "tl", "tuq", "q")) \
        or any(w in folded for w in ("giam doc", "chu tich", "truong", "thu truong", "chanh van phong"))


class TableReader:
    """Mixin of DocxReader: reads w:tbl elements into paragraphs with their regions and cells."""

    def _has_text(self, el) -> bool:
        return any((t.text or "").strip() for t in el.iter(w("t")))

    def table_roles(self, blocks) -> dict[int, str]:
        """Which top-level table is the header block and which are closing blocks."""
        texts = [i for i, (k, el) in enumerate(blocks) if k == "p" and self._has_text(el)]
        first_text = texts[0] if texts else len(blocks)
        last_text = texts[-1] if texts else -1
        roles: dict[int, str] = {}
        header_done = closing_done = False
        for i, (kind, el) in enumerate(blocks):
            if kind != "tbl":
                continue
            alltext = " ".join((t.text or "") for t in el.iter(w("t")))
            folded = fold(alltext)
            if not header_done and (i < first_text or "cong hoa xa hoi chu nghia" in folded):
                roles[id(el)] = "header"
                header_done = True
            elif closing_done:
                roles[id(el)] = "appendix"      # a table after the signature belongs to an appendix
            elif "noi nhan" in folded or (i > last_text and _signed(folded)):
                roles[id(el)] = "closing"
                closing_done = True
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

    def _table_borders(self, tbl_pr, table_style) -> dict[str, str | None]:
        """Visible table borders by side (value = border style), direct formatting over the style."""
        sources = [tbl_pr] + [st.find(w("tblPr")) for st in reversed(self.styles.chain(table_style, "table"))]
        seen: dict[str, str | None] = {}
        for src in sources:
            if src is None:
                continue
            b = src.find(w("tblBorders"))
            if b is None:
                continue
            for side in ("top", "left", "bottom", "right", "insideH", "insideV", "start", "end"):
                el = b.find(w(side))
                if el is not None and side not in seen:
                    val = wattr(el, "val")
                    seen[side] = None if val in NO_BORDER else val
        return {k: v for k, v in seen.items() if v is not None}

    @staticmethod
    def _cell_has_border(tc_pr, table: dict, first_row: bool, last_row: bool, first_col: bool,
                         last_col: bool) -> bool:
        """Does Word draw any edge of this cell? The cell's own borders override the table's."""
        own: dict[str, str | None] = {}
        tcb = tc_pr.find(w("tcBorders")) if tc_pr is not None else None
        if tcb is not None:
            for el in tcb:
                side = el.tag.rsplit("}", 1)[-1]
                side = {"start": "left", "end": "right"}.get(side, side)
                own[side] = wattr(el, "val")
        inherited = {
            "top": table.get("top") if first_row else table.get("insideH"),
            "bottom": table.get("bottom") if last_row else table.get("insideH"),
            "left": (table.get("left") or table.get("start")) if first_col else table.get("insideV"),
            "right": (table.get("right") or table.get("end")) if last_col else table.get("insideV"),
        }
        for side, val in inherited.items():
            val = own.get(side, val)
            if val not in NO_BORDER:
                return True
        return False

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
                         has_borders=False)
        if "top" in borders and grid:
            # a table's top border is a line under whatever stands before the table
            before = next((p for p in reversed(self.paras) if p.region == ctx.region and p.cell == ctx.cell
                           and not p.is_empty), None)
            if before is not None:
                rule = HRule(length_mm=total, kind="table-top", solid=borders["top"] in SOLID_BORDERS,
                             x0_mm=edge, center_mm=edge + total / 2)
                self.table_rules.append((before, rule))
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
                if self._cell_has_border(tc_pr, borders, r_i == 0, r_i == len(rows) - 1, col == 0,
                                         col + span >= ncols):
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
