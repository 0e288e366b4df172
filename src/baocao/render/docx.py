"""Document model → DOCX bytes (python-docx), laid out per Decree 30 from the shared Layout."""
from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from baocao.documents import breaks, metrics
from baocao.documents.layout import Layout
from baocao.documents.parts import NoticeDocument, Paragraph, SignerBlock
from baocao.render import images

# Child order of w:pPr in the OOXML schema (CT_PPrBase then rPr, sectPr, pPrChange).
PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
             "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
             "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
             "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
             "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
             "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT


def render_docx(doc: NoticeDocument) -> bytes:
    """The notice as DOCX bytes; zip timestamps are fixed later by write.normalize_docx."""
    word = new_document(doc)
    DocxWriter(word, doc.layout).notice(doc)
    return finish(word, doc.layout)


def new_document(doc: NoticeDocument):
    """An empty python-docx Document with the page, the fonts and the metadata of *doc*."""
    word = Document()
    _page_setup(word, doc.layout)
    _base_style(word, doc.layout)
    _metadata(word, doc)
    return word


def finish(word, layout: Layout) -> bytes:
    """Page numbers, then the bytes."""
    _page_numbers(word, layout)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _page_setup(word, layout: Layout) -> None:
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(layout.page_width_mm), Mm(layout.page_height_mm)
    section.top_margin, section.bottom_margin = Mm(layout.margin_top_mm), Mm(layout.margin_bottom_mm)
    section.left_margin, section.right_margin = Mm(layout.margin_left_mm), Mm(layout.margin_right_mm)
    section.header_distance = Mm(layout.margin_top_mm / 2)
    section.footer_distance = Mm(layout.margin_bottom_mm / 2)
    section.gutter = 0


def _set_fonts(rpr, name: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), name)


def _base_style(word, layout: Layout) -> None:
    """Times New Roman everywhere: document defaults and the Normal style, language vi-VN."""
    styles = word.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr_default, layout.font_name)
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr_default.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    normal = word.styles["Normal"]
    normal.font.name = layout.font_name
    _set_fonts(normal.element.get_or_add_rPr(), layout.font_name)
    normal.font.size = Pt(layout.body_pt)
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE


METADATA_CHARS = 255      # what python-docx (and Word's property dialog) holds per core property


def _property(text: str) -> str:
    """*text* cut at the last word that fits the core-property limit, with "…" (the document itself
    keeps the whole text: a 230-character meeting name makes a longer title than the limit)."""
    if len(text) <= METADATA_CHARS:
        return text
    cut = text[: METADATA_CHARS - 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


def _metadata(word, doc: NoticeDocument) -> None:
    props = word.core_properties
    props.title = _property(doc.meta.title)
    props.author = props.last_modified_by = _property(doc.meta.author)
    props.subject = _property(doc.meta.subject)
    props.language = doc.meta.language
    props.keywords = "Thông báo"
    props.comments = ""
    props.category = ""
    when = doc.meta.created.replace(tzinfo=None)
    props.created = props.modified = when
    props.last_printed = when
    props.revision = 1


class DocxWriter:
    """Lays the parts of a document model out in a python-docx Document."""

    def __init__(self, word, layout: Layout):
        self.word = word
        self.layout = layout

    # --- paragraphs ---------------------------------------------------------------------------
    def para(self, container, text: str | list = "", *, size: float, bold=False, italic=False,
             align=CENTER, before=0.0, after=0.0, indent_first_cm=0.0, width_mm: float | None = None,
             column_mm: float | None = None, border: str | None = None, line_spacing: float = 1.0,
             keep_numbers: bool = False):
        p = container.add_paragraph()
        fmt = p.paragraph_format
        fmt.alignment = align
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.line_spacing = line_spacing
        if indent_first_cm:
            fmt.first_line_indent = Mm(indent_first_cm * 10)
        if width_mm is not None and column_mm is not None:
            side = max(0.0, (column_mm - width_mm) / 2)
            fmt.left_indent = fmt.right_indent = Mm(side)
        runs = text if isinstance(text, list) else [(text, bold, italic)]
        for chunk, b, i in runs:
            for n, line in enumerate(chunk.split("\n")):
                run = p.add_run()
                if n:
                    run.add_break()
                if line:
                    _add_text(run._r, line, keep_numbers)
                run.font.size, run.font.bold, run.font.italic = Pt(size), b, i
        _mark_size(p, size)
        if border:
            _border(p, border, self.layout.rule_width_pt)
        return p

    def rule(self, container, width_mm: float, column_mm: float, size: float):
        """A short centred line: the bottom border of an empty paragraph exactly `rule_gap_pt` tall,
        so the line sits that far under the text above it in Word and LibreOffice alike."""
        p = self.para(container, "", size=size, width_mm=width_mm, column_mm=column_mm, border="bottom")
        fmt = p.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(self.layout.rule_gap_pt)
        return p

    # --- blocks -------------------------------------------------------------------------------
    def notice(self, doc: NoticeDocument) -> None:
        """Header, title, body, then Nơi nhận beside the signer."""
        self.header_table(doc)
        self.title(doc)
        for paragraph in doc.body:
            self.body_paragraph(paragraph)
        self.closing_table(doc)

    def header_right_top(self, cell) -> None:
        """What stands above the Quốc hiệu in the header's right column (nothing in a notice)."""

    def header_table(self, doc: NoticeDocument) -> None:
        layout, h = self.layout, doc.header
        left_mm, right_mm = layout.header_left_mm, layout.header_right_mm
        table = borderless_table(self.word, [left_mm, right_mm], rows=2)
        top_left, top_right = table.cell(0, 0), table.cell(0, 1)
        bottom_left, bottom_right = table.cell(1, 0), table.cell(1, 1)
        if h.parent_agency:
            self.para(top_left, "\n".join(h.parent_agency), size=layout.parent_agency_pt)
        self.para(top_left, "\n".join(h.agency_lines), size=layout.agency_pt, bold=True)
        self.rule(top_left, h.agency_rule_mm, left_mm, layout.agency_pt)
        drop_first_empty(top_left)
        self.header_right_top(top_right)
        self.para(top_right, h.national_title, size=layout.national_title_pt, bold=True)
        self.para(top_right, h.motto, size=layout.motto_pt, bold=True, border="bottom",
                  width_mm=h.motto_rule_mm * 1.04, column_mm=right_mm)
        drop_first_empty(top_right)
        self.para(bottom_left, h.number_line, size=layout.number_pt, before=4)
        for mark in h.marks:
            box_mm = metrics.text_width_mm(mark, layout.mark_pt, bold=True) + 4
            self.para(bottom_left, mark, size=layout.mark_pt, bold=True, before=6, border="box",
                      width_mm=box_mm, column_mm=left_mm)
        if h.circulation:
            self.para(bottom_left, h.circulation, size=layout.mark_pt, bold=True, before=6)
        drop_first_empty(bottom_left)
        self.para(bottom_right, h.place_date, size=layout.place_date_pt, italic=True, before=4)
        drop_first_empty(bottom_right)

    def title(self, doc: NoticeDocument) -> None:
        layout = self.layout
        self.para(self.word, doc.doc_type, size=layout.doc_type_pt, bold=True, before=18)
        self.para(self.word, "\n".join(doc.summary_lines), size=layout.summary_pt, bold=True)
        self.rule(self.word, doc.summary_rule_mm, layout.text_width_mm, layout.summary_pt)
        self.para(self.word, "", size=layout.body_pt)

    def body_paragraph(self, paragraph: Paragraph) -> None:
        layout = self.layout
        p = self.para(self.word, [(r.text, r.bold, r.italic) for r in paragraph.runs], size=layout.body_pt,
                      align=JUSTIFY, after=layout.paragraph_space_pt, indent_first_cm=layout.first_line_indent_cm,
                      line_spacing=layout.line_spacing, keep_numbers=True)
        # The last sentence stays on the page of the signature (§8: signer level with "Nơi nhận");
        # a heading stays with what it heads.
        p.paragraph_format.keep_with_next = paragraph.role == "closing" or paragraph.heading

    def closing_table(self, doc: NoticeDocument) -> None:
        layout = self.layout
        table = borderless_table(self.word, [layout.recipients_column_mm, layout.signer_column_mm], rows=1)
        row_pr = table.rows[0]._tr.get_or_add_trPr()
        row_pr.append(OxmlElement("w:cantSplit"))
        self.closing_cells(table.cell(0, 0), table.cell(0, 1), doc.recipients_label, doc.recipients, doc.signer)

    def closing_cells(self, left, right, label: str, recipients: tuple[str, ...], signer: SignerBlock) -> None:
        """"Nơi nhận:" and its entries in *left*, the signer's block in *right*."""
        layout = self.layout
        self.para(left, label, size=layout.recipients_label_pt, bold=True, italic=True, align=LEFT)
        for entry in recipients:
            self.para(left, entry, size=layout.recipients_pt, align=LEFT)
        drop_first_empty(left)
        for line in signer.lines:
            self.para(right, line, size=layout.signer_pt, bold=True)
        self.signature_space(right, signer)
        self.para(right, signer.name, size=layout.signer_pt, bold=True)
        drop_first_empty(right)

    def signature_space(self, cell, signer: SignerBlock) -> None:
        """The blank between the titles and the name, with the signature and seal pictures."""
        space = self.para(cell, "", size=self.layout.signer_pt)
        space.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        space.paragraph_format.line_spacing = Pt(self.layout.signature_space_pt)
        images.add_docx_images(space, signer, self.layout)


def _add_text(r, text: str, keep_numbers: bool) -> None:
    """Text into a run; with *keep_numbers*, the hyphens of a number ("525/QĐ-UBND") are
    non-breaking hyphens, so no line ends inside it (Word and LibreOffice print them as "-")."""
    if not keep_numbers:
        r.add_t(text)
        return
    for piece, whole in breaks.segments(text):
        if not whole:
            r.add_t(piece)
            continue
        for k, part in enumerate(piece.split("-")):
            if k:
                r.append(OxmlElement("w:noBreakHyphen"))
            if part:
                r.add_t(part)


def borderless_table(word, widths_mm: list[float], rows: int):
    """A borderless fixed-layout table whose grid and cell widths are both set."""
    table = word.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # w:tblLayout type="fixed"
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(sum(_twips(w) for w in widths_mm)))
    width.set(qn("w:type"), "dxa")
    for old in tbl_pr.findall(qn("w:tblW")):
        tbl_pr.remove(old)
    # CT_TblPr order: tblStyle, tblpPr, tblOverlap, bidiVisual, tblStyleRowBandSize, tblStyleColBandSize,
    # tblW, jc, tblCellSpacing, tblInd, tblBorders, shd, tblLayout, tblCellMar, tblLook
    _insert_ordered(tbl_pr, width, ("w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
                                    "w:tblLayout", "w:tblCellMar", "w:tblLook"))
    _insert_ordered(tbl_pr, borders, ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"))
    _insert_ordered(tbl_pr, margins, ("w:tblLook",))
    for col, w in zip(table.columns, widths_mm):
        col.width = Mm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm):
            cell.width = Mm(w)
    return table


def _insert_ordered(parent, element, successors: tuple[str, ...]) -> None:
    for tag in successors:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(element)
            return
    parent.append(element)


def _twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def drop_first_empty(cell) -> None:
    """python-docx creates every cell with one empty paragraph; remove it once content is added."""
    first = cell.paragraphs[0]
    if len(cell.paragraphs) > 1 and not first.text and not first.runs:
        first._p.getparent().remove(first._p)


def _mark_size(p, size: float) -> None:
    """The paragraph mark takes the size of its text, so empty paragraphs keep the body's sizes (R7)."""
    ppr = p._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(round(size * 2)))
    rpr.append(sz)
    _insert_ordered(ppr, rpr, PPR_ORDER[PPR_ORDER.index("w:rPr") + 1:])


def _border(p, where: str, width_pt: float) -> None:
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    edges = ("top", "left", "bottom", "right") if where == "box" else (where,)
    for edge in edges:
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(max(2, round(width_pt * 8))))
        el.set(qn("w:space"), "1")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    _insert_ordered(ppr, borders, PPR_ORDER[PPR_ORDER.index("w:pBdr") + 1:])


def _page_numbers(word, layout: Layout) -> None:
    """No number on page 1; from page 2 a PAGE field centred in the top margin (§10, R40)."""
    section = word.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.paragraph_format.alignment = CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        run = p.add_run()
        run.font.size = Pt(layout.page_number_pt)
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text.strip() == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
