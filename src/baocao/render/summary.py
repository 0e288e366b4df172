"""The cross-notice summary as PDF (WeasyPrint) and XLSX (XlsxWriter)."""
from __future__ import annotations

from baocao.documents import follow_up
from baocao.documents.layout import DEFAULT_LAYOUT
from baocao.documents.status import Status
from baocao.documents.summary import Summary
from baocao.documents.wording import Templates, render_template
from baocao.render.briefing import css_string
from baocao.render.html import font_stack
from baocao.render.pdf import render_pdf
from baocao.render.tables import COLUMNS, COUNT_HEADERS, COUNT_KINDS, _Book, count_cells

TEMPLATE = "tong-hop.html.j2"


def summary_pdf(summary: Summary, templates: Templates) -> bytes:
    html = render_template(
        templates, TEMPLATE, s=summary, S=Status, web=False, created=summary.created.isoformat(), mark=follow_up.MARK,
        font_stack=font_stack(DEFAULT_LAYOUT.pdf_font_families),
        running_head=css_string(f"Báo cáo tổng hợp (tính đến {summary.options.as_of:%d/%m/%Y})"))
    return render_pdf(html, templates)


def summary_xlsx(summary: Summary) -> bytes:
    book = _Book(summary.created, f"Báo cáo tổng hợp tính đến {summary.options.as_of:%d/%m/%Y}", summary.issuer)
    for sheet_name, first, lines in (("Theo cơ quan", "Cơ quan chủ trì", summary.by_agency),
                                     ("Theo tháng", "Tháng", summary.by_month),
                                     ("Theo thông báo", "Thông báo", summary.by_notice)):
        sheet = book.table(sheet_name, (first, *COUNT_HEADERS), (40, *(14,) * len(COUNT_HEADERS)),
                           [[line.label, *count_cells(line.counts)] for line in lines]
                           + [["Tổng cộng", *count_cells(summary.total)]], ("text", *COUNT_KINDS))
        sheet.set_row(0, 45)
    book.table("Nhiệm vụ", ["Thông báo", *(c.header for c in COLUMNS)], [30, *(c.width for c in COLUMNS)],
               [[b.title, *(c.value(r) for c in COLUMNS)] for b, r in summary.rows], ["text", *(c.kind for c in COLUMNS)])
    return book.close()
