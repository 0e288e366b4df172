"""Extract document model → DOCX bytes: the original's parts as the notice renderer lays them out,
"(Đã ký)" where it was signed, then the full-width line and the TRÍCH SAO block (Mẫu 3.1).

The end of the copied document and the copy block form one borderless table whose rows are kept
together: Nơi nhận | signer of the original; the full-width line; copying agency | TRÍCH SAO;
Số | place and date; Nơi nhận | signer of the copy. Word and LibreOffice keep the rows of one
table together when their paragraphs keep with the next (LibreOffice does not keep a table with
the paragraph after it), so the block stays on the sheet that ends the copied text (§13, R41).
"""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from baocao.documents import metrics
from baocao.documents.extract import ExtractDocument
from baocao.documents.parts import SignerBlock
from baocao.render.docx import LEFT, DocxWriter, borderless_table, drop_first_empty, finish, new_document

SIGNATURE_BOX_PT = 10.0     # the signature information of an electronic copy (§13, R43)


def render_extract_docx(extract: ExtractDocument) -> bytes:
    word = new_document(extract.original)
    word.core_properties.keywords = "Trích sao"
    writer = _ExtractWriter(word, extract)
    original = extract.original
    writer.header_table(original)
    writer.title(original)
    for paragraph in original.body:
        writer.body_paragraph(paragraph)
    writer.closing_and_copy()
    return finish(word, extract.layout)


class _ExtractWriter(DocxWriter):
    def __init__(self, word, extract: ExtractDocument):
        super().__init__(word, extract.layout)
        self.extract = extract

    def header_right_top(self, cell) -> None:
        box = self.extract.signature_box
        if not box:
            return
        width = max(metrics.text_width_mm(line, SIGNATURE_BOX_PT) for line in box) + 1
        indent = max(0.0, self.layout.header_right_mm - width)
        for k, line in enumerate(box):
            p = self.para(cell, line, size=SIGNATURE_BOX_PT, align=LEFT, after=8 if k == len(box) - 1 else 0)
            p.paragraph_format.left_indent = Mm(indent)

    def signature_space(self, cell, signer: SignerBlock) -> None:
        mark = self.extract.signed_mark
        if signer is self.extract.original.signer and mark:
            self.para(cell, mark, size=self.layout.signer_pt, before=6, after=6)
        else:
            super().signature_space(cell, signer)

    def closing_and_copy(self) -> None:
        layout, original, cb = self.layout, self.extract.original, self.extract.copy
        left_mm, signer_mm = layout.header_left_mm, layout.signer_column_mm
        middle_mm = layout.text_width_mm - left_mm - signer_mm
        table = borderless_table(self.word, [left_mm, middle_mm, signer_mm], rows=5)
        cells = [[table.cell(r, c) for c in range(3)] for r in range(5)]
        wide_left = [cells[r][0].merge(cells[r][1]) for r in (0, 4)]
        wide_right = [cells[r][1].merge(cells[r][2]) for r in (2, 3)]
        line_cell = cells[1][0].merge(cells[1][2])
        # the original's Nơi nhận and signer
        self.closing_cells(wide_left[0], cells[0][2], original.recipients_label, original.recipients,
                           original.signer)
        # the full-width solid line (§13): the bottom border of an empty paragraph
        line = self.rule(line_cell, layout.text_width_mm, layout.text_width_mm, layout.body_pt)
        line.paragraph_format.space_before = Pt(10)
        drop_first_empty(line_cell)
        # Mẫu 3.1: copying agency | TRÍCH SAO, then Số | place and date
        agency, form = cells[2][0], wide_right[0]
        if cb.parent_agency:
            self.para(agency, "\n".join(cb.parent_agency), size=layout.parent_agency_pt, before=6)
        self.para(agency, "\n".join(cb.agency_lines), size=layout.agency_pt, bold=True,
                  before=0 if cb.parent_agency else 6)
        self.rule(agency, cb.agency_rule_mm, left_mm, layout.agency_pt)
        drop_first_empty(agency)
        self.para(form, cb.form, size=layout.doc_type_pt, bold=True, before=6)
        drop_first_empty(form)
        self.para(cells[3][0], cb.number_line, size=layout.number_pt, before=4)
        drop_first_empty(cells[3][0])
        self.para(wide_right[1], cb.place_date, size=layout.place_date_pt, italic=True, before=4)
        drop_first_empty(wide_right[1])
        # the copy's Nơi nhận and signer
        copy_left = wide_left[1]
        self.closing_cells(copy_left, cells[4][2], cb.recipients_label, cb.recipients, cb.signer)
        copy_left.paragraphs[0].paragraph_format.space_before = Pt(layout.paragraph_space_pt * 2)
        cells[4][2].paragraphs[0].paragraph_format.space_before = Pt(layout.paragraph_space_pt * 2)
        _keep_together(table)


def _keep_together(table) -> None:
    """Rows that cannot split, each kept with the next: the table moves to a new page whole."""
    last = len(table.rows) - 1
    for r, row in enumerate(table.rows):
        pr = row._tr.get_or_add_trPr()
        if pr.find(qn("w:cantSplit")) is None:
            pr.append(OxmlElement("w:cantSplit"))
        if r == last:
            continue
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True
