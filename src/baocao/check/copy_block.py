"""The TRÍCH SAO block of an extract (Decree 30 §13, Phụ lục III Mẫu 3.1), whoever laid it out.

Where the block starts is not where "TRÍCH SAO" is read: in Mẫu 3.1 the copying agency's name
stands left of "TRÍCH SAO", so a DOCX table row gives the agency first and a PDF may give the
agency's line first when its baseline is a little higher. The block starts right under the
full-width solid line that separates it from the copied text (a paragraph border, a table's top
border, a drawn line or a thin filled rectangle), or, without such a line, with the table row
(DOCX) or the band of the page (PDF) that holds "TRÍCH SAO". Everything from there on is the
copy block; everything before it is the copied document, whose own Nơi nhận and signer stay its
own.

In the block, the left column holds the copying agency (above "Số: NN/TrS-…") and the copy's
Nơi nhận; the right column "TRÍCH SAO", the place and date and the copying signer. Columns are
table cells (DOCX), the regions the PDF reader measured, or, for paragraphs typed without a
table, their horizontal position.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from baocao.check import text as tx
from baocao.check.closing import Closing, closing_from_columns
from baocao.check.model import BODY, CLOSING_LEFT, CLOSING_RIGHT, Document, HRule, Para

FULL_WIDTH = 0.95        # of the text width: a line "kéo dài hết chiều ngang của vùng trình bày"
ROW_BAND_MM = 2.5        # PDF: lines this far above "TRÍCH SAO" are on its row


@dataclass
class CopyBlock:
    heading: Para                                # "TRÍCH SAO"
    before: Para | None                          # last paragraph of the copied document
    agency: list[Para] = field(default_factory=list)
    number: Para | None = None
    place_date: Para | None = None
    closing: Closing = field(default_factory=Closing)
    paras: list[Para] = field(default_factory=list)
    line: HRule | None = None                    # the full-width line above the block
    near_lines: list[HRule] = field(default_factory=list)   # other lines found where it should be
    left: list[Para] = field(default_factory=list)
    right: list[Para] = field(default_factory=list)


def find_heading(paras: list[Para]) -> Para | None:
    return next((p for p in reversed(paras) if tx.is_trich_sao(p.text)), None)


def _copy_like(p: Para) -> bool:
    """What may stand between the line and "TRÍCH SAO": the copying agency's lines."""
    return p.is_empty or (tx.is_upper(p.text) and not tx.is_signer_head(p.text)
                          and not tx.is_recipients_label(p.text))


# ------------------------------------------------------------------------------------ DOCX
def _prev_in_container(paras: list[Para], p: Para) -> Para | None:
    """The paragraph the DOCX reader hangs a top border on: the previous text paragraph of the
    same cell or region, when nothing else stands between."""
    for q in reversed(paras[:p.index]):
        if (q.region, q.cell) != (p.region, p.cell):
            return None
        if not q.is_empty:
            return q
    return None


def _docx_lines(doc: Document, start: int) -> list[tuple[float, HRule]]:
    """(position, line): a line under paragraph i is at i + 0.5; a top border the reader left on
    its own paragraph i (nothing above it in its cell) at i - 0.5. The reader hangs a table's top
    border on the last running-text paragraph before the table: when only the copied document's
    closing block (in its own table) stands between, the border is the top of the copy table."""
    out = []
    for p in doc.paras:
        for r in p.rules_below:
            above = r.kind == "border-top" and not p.is_empty and _prev_in_container(doc.paras, p) is None
            pos = p.index - 0.5 if above else p.index + 0.5
            if r.kind == "table-top" and p.index < start and \
                    all(q.is_empty or q.region != BODY for q in doc.paras[p.index + 1:start]):
                pos = start - 0.5
            out.append((pos, r))
    return out


def _docx_start(doc: Document, heading: Para) -> tuple[int, HRule | None, list[HRule]]:
    paras = doc.paras
    start = heading.index
    if heading.cell is not None:
        start = min(p.index for p in paras if p.cell is not None and p.cell[:2] == heading.cell[:2])
    width = doc.text_width_mm
    lines = sorted(((pos, r) for pos, r in _docx_lines(doc, start) if pos <= start), key=lambda x: x[0])
    full = [(pos, r) for pos, r in lines if width is None or r.length_mm >= FULL_WIDTH * width]
    near = [r for pos, r in lines if all(_copy_like(p) for p in paras[int(pos + 0.5):start])]
    if full:
        pos, r = full[-1]
        between = paras[int(pos + 0.5):start]
        if all(_copy_like(p) for p in between):
            return next((p.index for p in between if not p.is_empty), start), r, near
    return start, None, near


# ------------------------------------------------------------------------------------- PDF
def _pdf_start(doc: Document, heading: Para) -> tuple[list[Para], HRule | None, list[HRule]]:
    first = heading.lines[0]
    page, top = first.page, first.top
    width = doc.text_width_mm
    above = sorted((r for r in doc.rules if r.page == page and r.y_mm is not None and r.y_mm <= top + 0.5),
                   key=lambda r: r.y_mm)

    def on_page_below(y: float) -> list[Para]:
        return [p for p in doc.paras if p.lines and (p.lines[0].page > page or
                (p.lines[0].page == page and p.lines[0].top >= y - 0.3))]

    near = []
    for r in reversed(above):
        between = [p for p in on_page_below(r.y_mm) if p.lines[0].page == page and p.lines[0].top < top - ROW_BAND_MM]
        if not all(_copy_like(p) for p in between):
            break
        near.append(r)
        if width is None or r.length_mm >= FULL_WIDTH * width:
            return on_page_below(r.y_mm), r, near
    return on_page_below(top - ROW_BAND_MM), None, near


# --------------------------------------------------------------------------------- columns
def _side(p: Para, block: list[Para], doc: Document) -> str:
    if p.region in (CLOSING_LEFT, CLOSING_RIGHT) and doc.fmt == "pdf":
        return "left" if p.region == CLOSING_LEFT else "right"
    if p.cell is not None:
        row = [q.cell[2] for q in block if q.cell is not None and q.cell[:2] == p.cell[:2]]
        return "right" if p.cell[2] > 0 and p.cell[2] == max(row) else "left"
    if p.region == CLOSING_RIGHT:
        return "right"
    centre = doc.text_center_mm
    if p.align == "right" or (p.center_mm is not None and centre is not None and p.center_mm > centre + 10):
        return "right"
    return "left"


def split(doc: Document) -> tuple[list[Para], CopyBlock] | None:
    """The copied document's paragraphs and the copy block, or None when there is no block."""
    heading = find_heading(doc.paras)
    if heading is None:
        return None
    if doc.fmt == "pdf" and heading.lines:
        block, line, near = _pdf_start(doc, heading)
        ids = {id(p) for p in block} | {id(heading)}
    else:
        start, line, near = _docx_start(doc, heading)
        ids = {id(p) for p in doc.paras[start:]}
    original = [p for p in doc.paras if id(p) not in ids]
    block = [p for p in doc.paras if id(p) in ids and not p.is_empty and p is not heading]
    before = next((p for p in reversed(original) if not p.is_empty), None)
    return original, read_block(doc, heading, before, block, line, near)


def read_block(doc: Document, heading: Para, before: Para | None, block: list[Para],
               line: HRule | None, near: list[HRule]) -> CopyBlock:
    cb = CopyBlock(heading=heading, before=before, paras=block, line=line,
                   near_lines=[r for r in near if r is not line])
    sides = {id(p): _side(p, [heading, *block], doc) for p in block}
    cb.left = [p for p in block if sides[id(p)] == "left"]
    cb.right = [p for p in block if sides[id(p)] == "right"]
    cb.number = next((p for p in block if tx.is_number_line(p.text)), None)
    cb.place_date = next((p for p in block if tx.is_place_date(p.text)), None)
    label = next((p for p in cb.left if tx.is_recipients_label(p.text)), None) or \
        next((p for p in block if tx.is_recipients_label(p.text)), None)
    upto = cb.number.index if cb.number is not None else (label.index if label else 10 ** 9)
    taken = {id(x) for x in (cb.number, cb.place_date) if x is not None}
    cb.agency = [p for p in cb.left if p.index < upto and id(p) not in taken and tx.is_upper(p.text)
                 and not tx.is_signer_head(p.text)]
    taken |= {id(p) for p in cb.agency}
    left = [p for p in cb.left if id(p) not in taken and (label is None or p.index >= label.index)]
    top = max((p.index for p in (cb.place_date,) if p is not None and id(p) in {id(q) for q in cb.right}),
              default=-1)
    right = [p for p in cb.right if id(p) not in taken and p.index > top]
    if not right:
        # typed as paragraphs: the signer's lines are what stands before "Nơi nhận:"
        rest = [p for p in block if id(p) not in taken and p.region in (CLOSING_LEFT, BODY)]
        right = [p for p in rest if label is None or p.index < label.index]
        left = [p for p in rest if p not in right]
    cb.closing = closing_from_columns(left, right)
    return cb
