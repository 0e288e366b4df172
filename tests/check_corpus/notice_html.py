"""The same hand-made notice as a small HTML page for WeasyPrint (CSS borders for the lines).

This is how a web-minded person would lay the notice out: a two-column header table, the lines as
CSS borders sized in millimetres, @page margins and a page counter in the top margin from page 2.
"""
from __future__ import annotations

import html
from dataclasses import replace

from notice_docx import NoticeSpec, text_width_mm


def _e(s: str) -> str:
    return html.escape(s, quote=True)


def build_html(spec: NoticeSpec, margin_left_mm: float | None = None, text_color: str | None = None,
               header_borders: bool = False, urgency: str | None = None) -> str:
    left = spec.margin_left_mm if margin_left_mm is None else margin_left_mm
    text_w = spec.page_w_mm - left - spec.margin_right_mm
    agency_w = text_width_mm(spec.agency, spec.agency_pt, bold=True) * spec.agency_line_fraction
    tn_w = text_width_mm(spec.tieu_ngu, spec.tieu_ngu_pt, bold=True) * spec.tieu_ngu_line_fraction
    sum_w = max(text_width_mm(s, 14, bold=True) for s in spec.summary) * spec.summary_line_fraction
    body = []
    for i, (kind, text) in enumerate(spec.body):
        style = ""
        if i == 3 and text_color:
            head, tail = text[:40], text[40:]
            body.append(f'<p>{_e(head)}<span style="color:{text_color}">{_e(tail)}</span></p>')
            continue
        cls = ' class="heading"' if kind == "heading" else ""
        body.append(f"<p{cls}{style}>{_e(text)}</p>")
    recipients = "".join(f"<div class=\"rc\">{_e(r)}</div>" for r in spec.recipients)
    titles = "".join(f"<div class=\"st\">{_e(t)}</div>" for t in spec.signer_titles)
    summary = "<br>".join(_e(s) for s in spec.summary)
    cell_border = "table.header td { border: 0.5pt solid #000; }" if header_borders else ""
    mark = f'<br><span class="mark">{_e(urgency)}</span>' if urgency else ""
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: {spec.margin_top_mm}mm {spec.margin_right_mm}mm {spec.margin_bottom_mm}mm {left}mm;
  @top-center {{ content: counter(page); font-family: 'Times New Roman', 'Liberation Serif', Tinos;
                font-size: 14pt; vertical-align: middle; }} }}
@page :first {{ @top-center {{ content: none; }} }}
html {{ font-family: 'Times New Roman', 'Liberation Serif', Tinos; font-size: 14pt; line-height: 1.149;
        color: #000; }}
body {{ margin: 0; }}
table {{ border-collapse: collapse; width: {text_w}mm; table-layout: fixed; }}
td {{ padding: 0; vertical-align: top; text-align: center; }}
{cell_border}
.mark {{ display: inline-block; border: 0.75pt solid #000; padding: 0 4pt; margin-top: 6pt;
         font-size: 13pt; font-weight: bold; }}
.agency {{ font-size: {spec.agency_pt}pt; font-weight: bold; }}
.rule {{ height: 0; border-top: 0.75pt solid #000; margin: 1pt auto 0; }}
.no {{ font-size: {spec.number_pt}pt; padding-top: 4pt; }}
.qh {{ font-size: {spec.quoc_hieu_pt}pt; font-weight: bold; }}
.tn {{ font-size: {spec.tieu_ngu_pt}pt; font-weight: bold; }}
.date {{ font-size: {spec.place_date_pt}pt; font-style: italic; padding-top: 4pt; }}
.type {{ text-align: center; font-weight: bold; margin-top: 18pt; }}
.summary {{ text-align: center; font-weight: bold; }}
p {{ text-align: justify; text-indent: {spec.first_line_indent_cm}cm; margin: 0 0 {spec.space_after_pt}pt 0; }}
p.heading {{ font-weight: bold; }}
.closing td {{ text-align: left; }}
.label {{ font-size: 12pt; font-weight: bold; font-style: italic; }}
.rc {{ font-size: 11pt; }}
td.sig {{ text-align: center; }}
.st, .name {{ font-weight: bold; }}
.name {{ margin-top: 72pt; }}
</style></head><body>
<table class="header"><tr>
<td style="width:{spec.header_left_mm}mm"><div class="agency">{_e(spec.agency)}</div>
<div class="rule" style="width:{agency_w:.2f}mm"></div></td>
<td><div class="qh">{_e(spec.quoc_hieu)}</div><div class="tn">{_e(spec.tieu_ngu)}</div>
<div class="rule" style="width:{tn_w:.2f}mm"></div></td></tr>
<tr><td class="no">{_e(spec.number)}{mark}</td><td class="date">{_e(spec.place_date)}</td></tr></table>
<div class="type">{_e(spec.doc_type)}</div>
<div class="summary">{summary}</div>
<div class="rule" style="width:{sum_w:.2f}mm; margin-bottom: 12pt; margin-top: 3pt"></div>
{''.join(body)}
<table class="closing"><tr>
<td style="width:{text_w - spec.signer_column_mm}mm"><div class="label">{_e(spec.recipients_label)}</div>{recipients}</td>
<td class="sig">{titles}<div class="name">{_e(spec.signer_name)}</div></td></tr></table>
</body></html>"""


def build_pdf(spec: NoticeSpec, **kw) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=build_html(spec, **kw)).write_pdf()


__all__ = ["build_html", "build_pdf", "replace"]
