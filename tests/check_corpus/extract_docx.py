"""A bản trích sao typed by hand in the layout of Mẫu 3.1, as a ministry's văn thư makes one in Word.

The copied notice keeps its header, title, its own Nơi nhận and signer ("(Đã ký)"), and only the
items copied, with their original numbers (the first điểm is "b)"); under the end of the copied
text, a full-width line — a paragraph border, a drawn line, a thin filled rectangle or the copy
table's top border — then the copy block in a borderless table: BỘ CÔNG THƯƠNG | TRÍCH SAO, Số |
place and date, Nơi nhận | signer. Independent of baocao's renderers.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from notice_docx import (
    BODY,
    EMU_PER_MM,
    NoticeSpec,
    _anchored_shape,
    _border,
    _fmt,
    _line_drawing,
    _run,
    _table,
    text_width_mm,
)

BODY_31 = (
    ("plain", "…"),
    ("heading", "II. NHIỆM VỤ TRỌNG TÂM"),
    ("plain", "…"),
    ("khoan", BODY[13][1]),
    ("plain", "…"),
    ("diem", BODY[15][1]),          # "b) Bộ Công Thương chủ trì, …": the original's number
    ("plain", "…"),
    ("closing", BODY[-1][1]),
)


@dataclass(frozen=True)
class CopySpec:
    line: str = "border"           # border | shape | rect | rect-fill | table-top | none
    line_fraction: float = 1.0      # of the text width
    number: str = "Số: 03/TrS-BCT"
    form_bold: bool = True
    agency_left: bool = True        # False: the agency typed in the right column


def mau31_spec(copy: CopySpec | None = None, **changes) -> NoticeSpec:
    return replace(NoticeSpec(extract=True, body=BODY_31, extract_layout="mau-3.1",
                              extract_copy=copy or CopySpec()), **changes)


def _rect(p, length_mm: float, shape_id: int, outline: bool = True):
    """Insert ▸ Shapes ▸ Rectangle, 0.3 mm high, filled black with a hairline black outline (or,
    with Shape Outline ▸ No Outline, the fill alone): a line drawn as a box."""
    ln = ('<a:ln w="3175"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>' if outline
          else "<a:ln><a:noFill/></a:ln>")
    cx, cy = int(length_mm * EMU_PER_MM), int(0.3 * EMU_PER_MM)
    _anchored_shape(p, cx, cy, int(2 * EMU_PER_MM), shape_id, "Rectangle", f"""
<wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="000000"/></a:solidFill>
{ln}</wps:spPr><wps:bodyPr/>""")


def add_copy_block(doc, spec: NoticeSpec, text_w: float, left_w: float, right_w: float) -> None:
    copy: CopySpec = spec.extract_copy
    length = text_w * copy.line_fraction
    if copy.line in ("border", "shape", "rect", "rect-fill"):
        p = doc.add_paragraph()
        _fmt(p, WD_ALIGN_PARAGRAPH.CENTER, before=6)
        p.paragraph_format.line_spacing = Pt(6)
        _run(p, "", 6)
        if copy.line == "border":
            side = (text_w - length) / 2
            _fmt(p, WD_ALIGN_PARAGRAPH.CENTER, before=6, line=1.0, left_mm=side, right_mm=side)
            p.paragraph_format.line_spacing = Pt(6)
            _border(p, "bottom", sz=8)
        elif copy.line == "shape":
            _line_drawing(p, length, 1.5, 40)
        else:
            _rect(p, length, 41, outline=copy.line == "rect")
    else:
        # an empty paragraph keeps the copy table apart from the closing table (Word joins them)
        p = doc.add_paragraph()
        _fmt(p)
        p.paragraph_format.line_spacing = Pt(6)
        _run(p, "", 6)
    block = _table(doc, [left_w, right_w])
    if copy.line == "table-top":
        top = block._tbl.tblPr.find(qn("w:tblBorders")).find(qn("w:top"))
        top.set(qn("w:val"), "single")
        top.set(qn("w:sz"), "8")
    rows = [block.rows[0], block.add_row(), block.add_row()]
    agency_cell, form_cell = rows[0].cells if copy.agency_left else rows[0].cells[::-1]
    p = agency_cell.paragraphs[0]
    _fmt(p, WD_ALIGN_PARAGRAPH.CENTER, before=6)
    _run(p, "BỘ CÔNG THƯƠNG", 13, bold=True)
    p = agency_cell.add_paragraph()
    short = text_width_mm("BỘ CÔNG THƯƠNG", 13, bold=True) * 0.45
    side = (left_w - 2 * 1.9 - short) / 2
    _fmt(p, WD_ALIGN_PARAGRAPH.CENTER, left_mm=side, right_mm=side)
    p.paragraph_format.line_spacing = Pt(4)
    _run(p, "", 4)
    _border(p, "top")
    p = form_cell.paragraphs[0]
    _fmt(p, WD_ALIGN_PARAGRAPH.CENTER, before=6)
    _run(p, "TRÍCH SAO", 14, bold=copy.form_bold)
    number, date = rows[1].cells
    _fmt(number.paragraphs[0], WD_ALIGN_PARAGRAPH.CENTER, before=2)
    _run(number.paragraphs[0], copy.number, 13)
    _fmt(date.paragraphs[0], WD_ALIGN_PARAGRAPH.CENTER, before=2)
    _run(date.paragraphs[0], "Hà Nội, ngày 20 tháng 01 năm 2026", 14, italic=True)
    recipients, signer = rows[2].cells
    p = recipients.paragraphs[0]
    _fmt(p, WD_ALIGN_PARAGRAPH.LEFT, before=12)
    _run(p, "Nơi nhận:", 12, bold=True, italic=True)
    for entry in ("- Cục Xúc tiến thương mại;", "- Vụ Chính sách thương mại đa biên;", "- Lưu: VT, VP (2)."):
        p = recipients.add_paragraph()
        _fmt(p, WD_ALIGN_PARAGRAPH.LEFT)
        _run(p, entry, 11)
    p = signer.paragraphs[0]
    _fmt(p, WD_ALIGN_PARAGRAPH.CENTER, before=12)
    _run(p, "TL. BỘ TRƯỞNG", 14, bold=True)
    p = signer.add_paragraph()
    _fmt(p, WD_ALIGN_PARAGRAPH.CENTER)
    _run(p, "CHÁNH VĂN PHÒNG", 14, bold=True)
    for _ in range(3):
        _fmt(signer.add_paragraph(), WD_ALIGN_PARAGRAPH.CENTER)
    p = signer.add_paragraph()
    _fmt(p, WD_ALIGN_PARAGRAPH.CENTER)
    _run(p, "Trần Văn Bình", 14, bold=True)
