"""A Thông báo typed by hand with python-docx, the way a clerk lays it out in Word.

Independent of baocao's renderers and of its checker: every number here is written out the way a
person would set it in Word's dialogs (margins in cm, indents, borders, a drawn line, a PAGE field).
``NoticeSpec`` holds every choice; the broken variants of the corpus change one field each.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

FONT_DIR = "/usr/share/fonts/truetype/liberation2"
EMU_PER_MM = 36000

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@lru_cache(maxsize=None)
def _font(bold: bool, italic: bool):
    from fontTools.ttLib import TTFont

    style = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic",
             (True, True): "BoldItalic"}[(bold, italic)]
    font = TTFont(f"{FONT_DIR}/LiberationSerif-{style}.ttf", lazy=True)
    return font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm


def text_width_mm(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
    """Advance width of ``text`` in Times New Roman metrics (Liberation Serif is metric-equal)."""
    cmap, hmtx, upem = _font(bold, italic)
    units = sum(hmtx[cmap.get(ord(ch), cmap[ord("n")])][0] for ch in text)
    return units / upem * size_pt * 25.4 / 72


OPENING = (
    "Ngày 10 tháng 01 năm 2026, tại Trụ sở Chính phủ, Thủ tướng Chính phủ đã chủ trì Hội nghị "
    "tổng kết công tác ngoại giao kinh tế năm 2025 và triển khai nhiệm vụ năm 2026. Tham dự Hội "
    "nghị có lãnh đạo các Bộ, cơ quan: Văn phòng Chính phủ, Ngoại giao, Công an, Quốc phòng, Tài "
    "chính, Khoa học và Công nghệ, Công Thương, Xây dựng, Y tế và Ủy ban nhân dân thành phố Hà "
    "Nội. Sau khi nghe Lãnh đạo Bộ Ngoại giao báo cáo và ý kiến của các đại biểu, Thủ tướng Chính "
    "phủ kết luận như sau:"
)

BODY: list[tuple[str, str]] = [
    ("plain", OPENING),
    ("heading", "I. ĐÁNH GIÁ CHUNG"),
    ("khoan", "1. Cơ bản thống nhất với nội dung báo cáo của Bộ Ngoại giao và các ý kiến tham luận "
              "tại Hội nghị; hoan nghênh và đánh giá cao nỗ lực của các bộ, ngành, địa phương, các "
              "Cơ quan đại diện Việt Nam ở nước ngoài và cộng đồng doanh nghiệp trong triển khai "
              "công tác ngoại giao kinh tế, đóng góp quan trọng vào thành tựu chung của đất nước."),
    ("khoan", "2. Năm 2025, mặc dù khó khăn và thách thức nhiều hơn thuận lợi, công tác ngoại giao "
              "kinh tế đã đạt nhiều thành tựu quan trọng. Kim ngạch thương mại năm 2025 đạt mức kỷ "
              "lục 930 tỷ USD, du lịch phục hồi và tăng trưởng mạnh mẽ, đạt gần 21,2 triệu lượt, "
              "vượt mức trước dịch và là mức cao nhất từ trước đến nay."),
    ("heading", "II. NHIỆM VỤ TRỌNG TÂM"),
    ("khoan", "1. Năm 2026 và các năm tiếp theo, công tác ngoại giao kinh tế cần tiếp tục được đẩy "
              "mạnh với quyết tâm cao, nỗ lực lớn, hành động quyết liệt, bám sát những định hướng "
              "lớn, nhiệm vụ trọng tâm sau:"),
    ("diem", "a) Quyết liệt triển khai cụ thể hóa, thực hiện tốt các chủ trương, chính sách của "
             "Đảng, Nhà nước về hội nhập quốc tế."),
    ("diem", "b) Ưu tiên tạo đột phá trong hợp tác quốc tế về khoa học công nghệ, đổi mới sáng "
             "tạo, chuyển đổi số, chuyển đổi xanh; thu hút các tập đoàn công nghệ lớn."),
    ("diem", "c) Thúc đẩy làm mới các động lực tăng trưởng truyền thống; đa dạng hóa thị trường, "
             "sản phẩm và chuỗi cung ứng."),
    ("diem", "d) Đẩy mạnh khai thác hiệu quả các động lực tăng trưởng mới; tăng cường hợp tác "
             "trong lĩnh vực điện toán đám mây, trí tuệ nhân tạo, chip bán dẫn."),
    ("diem", "đ) Tích cực hỗ trợ doanh nghiệp phát triển, mở rộng đầu tư, vươn ra thị trường quốc "
             "tế; chú trọng hỗ trợ các doanh nghiệp vừa và nhỏ."),
    ("diem", "e) Đẩy mạnh quảng bá, xúc tiến các sản phẩm, thương hiệu Việt Nam ra nước ngoài."),
    ("diem", "g) Đẩy mạnh kết nối cộng đồng doanh nghiệp, nhà đầu tư quốc tế; thúc đẩy hợp tác "
             "kinh tế qua biên giới."),
    ("khoan", "2. Các bộ, ngành, địa phương theo chức năng, nhiệm vụ được giao chủ động triển khai "
              "thực hiện hiệu quả các nhiệm vụ, giải pháp, tập trung vào một số nội dung sau:"),
    ("diem", "a) Bộ Ngoại giao tiếp tục theo dõi sát tình hình quốc tế để kịp thời kiến nghị, đề "
             "xuất chính sách phù hợp; tổ chức tốt các hoạt động đối ngoại cấp cao."),
    ("diem", "b) Bộ Công Thương chủ trì, phối hợp với các cơ quan liên quan lên lộ trình đàm phán "
             "và ký kết các hiệp định thương mại tự do, hoàn thành trong Quý I năm 2026."),
    ("diem", "c) Bộ Khoa học và Công nghệ chủ trì thực hiện hiệu quả các nhiệm vụ về phát triển "
             "khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia."),
    ("closing", "Văn phòng Chính phủ thông báo để các bộ, cơ quan, địa phương, các Tập đoàn, Tổng "
                "công ty, hiệp hội và doanh nghiệp biết, thực hiện./."),
]

RECIPIENTS = [
    "- Thủ tướng Chính phủ, các Phó Thủ tướng Chính phủ;",
    "- Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ;",
    "- UBND các tỉnh, thành phố trực thuộc trung ương;",
    "- VPCP: BTCN, các PCN, các Vụ: KTTH, TKBT, TH;",
    "- Lưu: VT, QHQT (2) Huy.",
]


@dataclass(frozen=True)
class NoticeSpec:
    # Page
    page_w_mm: float = 210.0
    page_h_mm: float = 297.0
    landscape: bool = False
    margin_top_mm: float = 20.0
    margin_bottom_mm: float = 20.0
    margin_left_mm: float = 30.0
    margin_right_mm: float = 15.0
    font: str = "Times New Roman"
    body_font: str | None = None          # one body run in another font
    color_run: str | None = None          # hex colour of one body run
    nfd_body: bool = False                # one body paragraph stored decomposed (NFD)
    # Header, left column
    header_left_mm: float = 63.0
    header_borders: bool = False
    agency: str = "VĂN PHÒNG CHÍNH PHỦ"
    agency_bold: bool = True
    agency_pt: float = 13.0
    agency_line_fraction: float = 0.4
    number: str = "Số: 15/TB-VPCP"
    number_pt: float = 13.0
    # Header, right column
    quoc_hieu: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    quoc_hieu_pt: float = 13.0
    quoc_hieu_bold: bool = True
    tieu_ngu: str = "Độc lập - Tự do - Hạnh phúc"
    tieu_ngu_pt: float = 14.0
    tieu_ngu_line: str = "drawing"        # drawing | border | none
    tieu_ngu_line_fraction: float = 1.0
    place_date: str = "Hà Nội, ngày 16 tháng 01 năm 2026"
    place_date_italic: bool = True
    place_date_pt: float = 14.0
    # Title
    doc_type: str = "THÔNG BÁO"
    summary: tuple[str, ...] = ("Kết luận của Thủ tướng Chính phủ tại Hội nghị tổng kết",
                                "công tác ngoại giao kinh tế năm 2025")
    summary_upper: bool = False
    summary_line_fraction: float = 0.4
    # Body
    body: tuple[tuple[str, str], ...] = tuple(BODY)
    body_pt: float = 14.0
    body_align: str = "both"
    odd_align_index: int | None = None    # one body paragraph with another alignment
    first_line_indent_cm: float = 1.27
    space_after_pt: float = 6.0
    line_spacing: float = 1.0
    heading_bold: bool = True
    # Closing
    recipients_label: str = "Nơi nhận:"
    recipients_label_pt: float = 12.0
    recipients: tuple[str, ...] = tuple(RECIPIENTS)
    recipients_pt: float = 11.0
    nơi_nhận_below: bool = False          # Nơi nhận in a second row, under the signer
    signer_titles: tuple[str, ...] = ("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM")
    signer_bold: bool = True
    signer_pt: float = 14.0
    signer_name: str = "Nguyễn Sỹ Hiệp"
    signer_column_mm: float = 80.0
    # Page numbers
    page_number_first_page: bool = False  # False: "different first page" with an empty first header
    page_number_in_footer: bool = False
    page_number_pt: float = 14.0
    # "Different odd & even pages": "" off; "both" a PAGE field in both headers; "even-only" the
    # field typed in the even header alone, as when one forgets the odd one
    page_number_odd_even: str = ""
    page_number_font: str | None = None   # e.g. ".VnTime": the field keeps an old template's font
    # Extract (TRÍCH SAO)
    extract: bool = False
    extract_line: bool = True
    extract_new_page: bool = False
    extract_number: str = "Số: 03/TrS"
    extract_in_table: bool = False        # "TRÍCH SAO" in the copy table, whose top border is the line
    extract_layout: str = "heading"       # heading: "TRÍCH SAO" above the copy table; mau-3.1: extract_docx.py
    extract_copy: object = None           # extract_docx.CopySpec of a Mẫu 3.1 extract
    extra: Callable | None = None         # last-minute edit of the python-docx Document


EXTRACT_BODY = (
    ("plain", OPENING),
    ("heading", "II. NHIỆM VỤ TRỌNG TÂM"),
    ("khoan", BODY[13][1]),
    ("diem", BODY[15][1].replace("b) ", "a) ", 1)),
)


def extract_spec(**changes) -> NoticeSpec:
    return replace(NoticeSpec(extract=True, body=EXTRACT_BODY), **changes)


# ----------------------------------------------------------------------------------------- helpers
def _el(tag: str, **attrs) -> OxmlElement:
    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(k), str(v))
    return el


def _ppr(p):
    return p._p.get_or_add_pPr()


def _border(p, side: str, sz: int = 6, val: str = "single"):
    ppr = _ppr(p)
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = _el("w:pBdr")
        # pBdr goes before spacing/ind/jc in the schema order
        anchor = None
        for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"):
            anchor = ppr.find(qn(tag))
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addprevious(bdr)
        else:
            ppr.append(bdr)
    bdr.append(_el(f"w:{side}", **{"w:val": val, "w:sz": sz, "w:space": 1, "w:color": "auto"}))


def _fmt(p, align=None, before=0.0, after=0.0, line=1.0, left_mm=0.0, right_mm=0.0, first_cm=None):
    pf = p.paragraph_format
    if align is not None:
        pf.alignment = align
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.line_spacing = line
    if left_mm:
        pf.left_indent = Mm(left_mm)
    if right_mm:
        pf.right_indent = Mm(right_mm)
    if first_cm is not None:
        pf.first_line_indent = Cm(first_cm)


def _run(p, text, size, bold=False, italic=False, font=None, color=None):
    r = p.add_run(text)
    r.font.size = Pt(size)
    r.font.bold = bold
    r.font.italic = italic
    if font:
        r.font.name = font
        r._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:cs"), font)
    if color:
        r.font.color.rgb = RGBColor.from_string(color)
    return r


def _set_cell_width(cell, mm):
    cell.width = Mm(mm)


def _table(doc_or_cell, widths_mm, borders=False):
    table = doc_or_cell.add_table(rows=1, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    tblpr = table._tbl.tblPr
    tblw = tblpr.find(qn("w:tblW"))
    tblw.set(qn("w:type"), "dxa")
    tblw.set(qn("w:w"), str(int(sum(widths_mm) / 25.4 * 1440)))
    # Word's "No Border" / "All Borders" choice
    bdr = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if borders:
            bdr.append(_el(f"w:{side}", **{"w:val": "single", "w:sz": 4, "w:space": 0, "w:color": "auto"}))
        else:
            bdr.append(_el(f"w:{side}", **{"w:val": "nil"}))
    tblpr.append(bdr)
    for col, mm in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(int(mm / 25.4 * 1440)))
    for cell, mm in zip(table.rows[0].cells, widths_mm):
        _set_cell_width(cell, mm)
    return table


def _anchored_shape(p, cx: int, cy: int, offset_emu: int, shape_id: int, name: str, shape_xml: str):
    """A drawing anchored in ``p``, centred on the column *offset_emu* below it, holding one
    wordprocessingShape whose ``<wps:wsp>`` content is *shape_xml*."""
    xml = f"""
<w:r xmlns:w="{W_NS}"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0"
 relativeHeight="{251659264 + shape_id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="column"><wp:align>center</wp:align></wp:positionH>
<wp:positionV relativeFrom="paragraph"><wp:posOffset>{offset_emu}</wp:posOffset></wp:positionV>
<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>
<wp:docPr id="{shape_id}" name="{name} {shape_id}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp>{shape_xml}</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"""
    p._p.append(parse_xml(xml))


def _line_drawing(p, length_mm: float, offset_mm: float, shape_id: int):
    """A straight connector (Insert ▸ Shapes ▸ Line) anchored in ``p``, centred on the column."""
    cx = int(length_mm * EMU_PER_MM)
    _anchored_shape(p, cx, 0, int(offset_mm * EMU_PER_MM), shape_id, "Straight Connector", f"""
<wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>
<a:prstGeom prst="line"><a:avLst/></a:prstGeom>
<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>
<wps:bodyPr/>""")


def _page_field(p, size, font: str | None = None):
    def run():
        r = p.add_run()
        r.font.size = Pt(size)
        if font:
            r.font.name = font
        return r

    r = run()
    r._r.append(_el("w:fldChar", **{"w:fldCharType": "begin"}))
    r = run()
    instr = _el("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = " PAGE   \\* MERGEFORMAT "
    r._r.append(instr)
    r = run()
    r._r.append(_el("w:fldChar", **{"w:fldCharType": "separate"}))
    run().text = "2"
    r = run()
    r._r.append(_el("w:fldChar", **{"w:fldCharType": "end"}))


# ----------------------------------------------------------------------------------------- builder
def build_docx(spec: NoticeSpec) -> bytes:
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = spec.font
    normal.font.size = Pt(spec.body_pt)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), spec.font)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0

    sec = doc.sections[0]
    if spec.landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Mm(spec.page_h_mm), Mm(spec.page_w_mm)
    else:
        sec.page_width, sec.page_height = Mm(spec.page_w_mm), Mm(spec.page_h_mm)
    sec.top_margin = Mm(spec.margin_top_mm)
    sec.bottom_margin = Mm(spec.margin_bottom_mm)
    sec.left_margin = Mm(spec.margin_left_mm)
    sec.right_margin = Mm(spec.margin_right_mm)
    sec.header_distance = Mm(10)
    sec.footer_distance = Mm(10)
    text_w = (spec.page_h_mm if spec.landscape else spec.page_w_mm) \
        - spec.margin_left_mm - spec.margin_right_mm
    cell_pad = 2 * 0.19 * 10  # Word's default cell margins, mm

    # ---- header table: agency | Quốc hiệu, then Số | place-date
    left_w = spec.header_left_mm
    right_w = text_w - left_w
    header = _table(doc, [left_w, right_w], borders=spec.header_borders)
    row2 = header.add_row()
    for cell, mm in zip(row2.cells, [left_w, right_w]):
        _set_cell_width(cell, mm)
    c_agency, c_qh = header.rows[0].cells
    c_no, c_date = header.rows[1].cells

    p = c_agency.paragraphs[0]
    _fmt(p, WD_ALIGN_PARAGRAPH.CENTER)
    _run(p, spec.agency, spec.agency_pt, bold=spec.agency_bold)
    name_w = max(text_width_mm(line, spec.agency_pt, bold=spec.agency_bold)
                 for line in spec.agency.split("\n"))
    line_w = name_w * spec.agency_line_fraction
    indent = (left_w - cell_pad - line_w) / 2
    p = c_agency.add_paragraph()
    _fmt(p, WD_ALIGN_PARAGRAPH.CENTER, left_mm=indent, right_mm=indent)
    _run(p, "", 4)
    p.paragraph_format.line_spacing = Pt(4)
    _border(p, "top")

    p = c_no.paragraphs[0]
    _fmt(p, WD_ALIGN_PARAGRAPH.CENTER, before=2)
    _run(p, spec.number, spec.number_pt)

    p = c_qh.paragraphs[0]
    _fmt(p, WD_ALIGN_PARAGRAPH.CENTER)
    _run(p, spec.quoc_hieu, spec.quoc_hieu_pt, bold=spec.quoc_hieu_bold)
    p = c_qh.add_paragraph()
    _fmt(p, WD_ALIGN_PARAGRAPH.CENTER)
    _run(p, spec.tieu_ngu, spec.tieu_ngu_pt, bold=True)
    tn_w = text_width_mm(spec.tieu_ngu, spec.tieu_ngu_pt, bold=True) * spec.tieu_ngu_line_fraction
    if spec.tieu_ngu_line == "border":
        # the border spans the indented paragraph: leave the text a little room so it does not wrap
        indent = (right_w - cell_pad - tn_w * 1.06) / 2
        p.paragraph_format.left_indent = Mm(indent)
        p.paragraph_format.right_indent = Mm(indent)
        _border(p, "bottom")
    p = c_qh.add_paragraph()
    _fmt(p)
    _run(p, "", 4)
    p.paragraph_format.line_spacing = Pt(4)
    if spec.tieu_ngu_line == "drawing":
        _line_drawing(p, tn_w, 0.3, 1)

    p = c_date.paragraphs[0]
    _fmt(p, WD_ALIGN_PARAGRAPH.CENTER, before=2)
    _run(p, spec.place_date, spec.place_date_pt, italic=spec.place_date_italic)

    # ---- title
    p = doc.add_paragraph()
    _fmt(p, WD_ALIGN_PARAGRAPH.CENTER, before=18)
    _run(p, spec.doc_type, 14, bold=True)
    p = doc.add_paragraph()
    _fmt(p, WD_ALIGN_PARAGRAPH.CENTER)
    lines = [s.upper() if spec.summary_upper else s for s in spec.summary]
    for i, line in enumerate(lines):
        r = _run(p, line, 14, bold=True)
        if i < len(lines) - 1:
            r.add_break(WD_BREAK.LINE)
    sum_w = max(text_width_mm(s, 14, bold=True) for s in lines) * spec.summary_line_fraction
    indent = (text_w - sum_w) / 2
    p = doc.add_paragraph()
    _fmt(p, WD_ALIGN_PARAGRAPH.CENTER, after=12, left_mm=indent, right_mm=indent)
    p.paragraph_format.line_spacing = Pt(6)
    _run(p, "", 6)
    _border(p, "top")

    # ---- body
    align = {"both": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT,
             "center": WD_ALIGN_PARAGRAPH.CENTER}
    body_paras = []
    for i, (kind, text) in enumerate(spec.body):
        p = doc.add_paragraph()
        a = spec.body_align if spec.odd_align_index != i else "left"
        _fmt(p, align[a], after=spec.space_after_pt, line=spec.line_spacing,
             first_cm=spec.first_line_indent_cm)
        if kind == "heading":
            _run(p, text, spec.body_pt, bold=spec.heading_bold)
        elif i == 3 and (spec.body_font or spec.color_run):
            head, tail = text[:40], text[40:]
            _run(p, head, spec.body_pt)
            _run(p, tail, spec.body_pt, font=spec.body_font, color=spec.color_run)
        elif i == 2 and spec.nfd_body:
            import unicodedata
            _run(p, unicodedata.normalize("NFD", text), spec.body_pt)
        else:
            _run(p, text, spec.body_pt)
        body_paras.append(p)

    # ---- extract block (TRÍCH SAO)
    mau31 = spec.extract and spec.extract_layout == "mau-3.1"
    if spec.extract and not mau31:
        if not spec.extract_in_table:
            p = doc.add_paragraph()
            _fmt(p, WD_ALIGN_PARAGRAPH.LEFT, before=6)
            if spec.extract_new_page:
                p.paragraph_format.page_break_before = True
            _run(p, "TRÍCH SAO", 14, bold=True)
            if spec.extract_line:
                _border(p, "top", sz=8)
        block = _table(doc, [left_w, right_w])
        r2 = block.rows[0].cells
        if spec.extract_in_table:
            top = block._tbl.tblPr.find(qn("w:tblBorders")).find(qn("w:top"))
            top.set(qn("w:val"), "single")
            top.set(qn("w:sz"), "8")
            p = r2[0].paragraphs[0]
            _fmt(p, WD_ALIGN_PARAGRAPH.LEFT, before=4)
            _run(p, "TRÍCH SAO", 14, bold=True)
            p = r2[0].add_paragraph()
        else:
            p = r2[0].paragraphs[0]
        _fmt(p, WD_ALIGN_PARAGRAPH.CENTER)
        _run(p, "BỘ CÔNG THƯƠNG", 13, bold=True)
        p = r2[0].add_paragraph()
        _fmt(p, WD_ALIGN_PARAGRAPH.CENTER)
        _run(p, spec.extract_number, 13)
        p = r2[1].paragraphs[0]
        _fmt(p, WD_ALIGN_PARAGRAPH.CENTER)
        _run(p, "", 13)
        p = r2[1].add_paragraph()
        _fmt(p, WD_ALIGN_PARAGRAPH.CENTER)
        _run(p, "Hà Nội, ngày 20 tháng 01 năm 2026", 14, italic=True)
        spacer = doc.add_paragraph()
        _fmt(spacer)
        _run(spacer, "", 6)
        spacer.paragraph_format.line_spacing = Pt(6)

    # ---- closing table: Nơi nhận | signer
    sig_w = spec.signer_column_mm
    closing = _table(doc, [text_w - sig_w, sig_w])
    c_rec, c_sig = closing.rows[0].cells
    if spec.nơi_nhận_below:
        row = closing.add_row()
        c_rec = row.cells[0]
    p = c_rec.paragraphs[0]
    _fmt(p, WD_ALIGN_PARAGRAPH.LEFT)
    _run(p, spec.recipients_label, spec.recipients_label_pt, bold=True, italic=True)
    recipients = spec.recipients
    if spec.extract and not mau31:
        recipients = ("- Vụ Kế hoạch - Tài chính;", "- Cục Xúc tiến thương mại;",
                      "- Lưu: VT, VP (2).")
    for entry in recipients:
        p = c_rec.add_paragraph()
        _fmt(p, WD_ALIGN_PARAGRAPH.LEFT)
        _run(p, entry, spec.recipients_pt)
    titles = spec.signer_titles
    name = spec.signer_name
    if spec.extract and not mau31:
        titles, name = ("TL. BỘ TRƯỞNG", "CHÁNH VĂN PHÒNG"), "Trần Văn Bình"
    first = True
    for t in titles:
        p = c_sig.paragraphs[0] if first else c_sig.add_paragraph()
        first = False
        _fmt(p, WD_ALIGN_PARAGRAPH.CENTER)
        _run(p, t, spec.signer_pt, bold=spec.signer_bold)
    for k in range(4):
        p = c_sig.add_paragraph()
        _fmt(p, WD_ALIGN_PARAGRAPH.CENTER)
        if mau31 and k == 1:
            _run(p, "(Đã ký)", spec.signer_pt)
    p = c_sig.add_paragraph()
    _fmt(p, WD_ALIGN_PARAGRAPH.CENTER)
    _run(p, name, spec.signer_pt, bold=True)
    if mau31:
        from extract_docx import add_copy_block

        add_copy_block(doc, spec, text_w, left_w, right_w)

    # ---- page numbers: "Different first page", PAGE field centred in the header
    sec.different_first_page_header_footer = not spec.page_number_first_page
    target = sec.footer if spec.page_number_in_footer else sec.header
    hp = target.paragraphs[0]
    _fmt(hp, WD_ALIGN_PARAGRAPH.CENTER)
    _page_field(hp, spec.page_number_pt, spec.page_number_font)
    if not spec.page_number_first_page:
        fp = sec.first_page_header.paragraphs[0]
        _fmt(fp)
    if spec.page_number_odd_even:
        doc.settings.odd_and_even_pages_header_footer = True
        ep = sec.even_page_header.paragraphs[0]
        _fmt(ep, WD_ALIGN_PARAGRAPH.CENTER)
        _page_field(ep, spec.page_number_pt)
        if spec.page_number_odd_even == "even-only":
            for run in list(hp.runs):
                run._r.getparent().remove(run._r)

    if spec.extra:
        spec.extra(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


if __name__ == "__main__":  # pragma: no cover - manual use
    import sys

    with open(sys.argv[1] if len(sys.argv) > 1 else "notice.docx", "wb") as fh:
        fh.write(build_docx(NoticeSpec()))
