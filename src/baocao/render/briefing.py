"""Briefing → HTML (the page for intranets, and the input of the PDF) → PDF with WeasyPrint."""
from __future__ import annotations

import re

from markupsafe import Markup

from baocao.documents import follow_up
from baocao.documents.briefing import LISTED, Briefing
from baocao.documents.layout import DEFAULT_LAYOUT
from baocao.documents.status import Status
from baocao.documents.wording import Templates, render_template
from baocao.render.charts import Chart, agency_charts, load_charts, timeline_chart
from baocao.render.html import font_stack
from baocao.render.pdf import render_pdf

TEMPLATE = "briefing.html.j2"
EXCERPT = 160


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """The first words of *text*, cut at a word and marked "…" when longer than *limit*."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " …"


def css_string(text: str) -> str:
    """*text* safe inside a double-quoted CSS string within a <style> element."""
    return re.sub(r'[\\"<>\n\r]', lambda m: f"\\{ord(m.group(0)):x} ", text)


def charts_of(briefing: Briefing) -> list[Chart]:
    timeline = timeline_chart(briefing)
    charts = [*agency_charts(briefing), *([timeline] if timeline else []), *load_charts(briefing)]
    return [Chart(c.title, Markup(c.svg), c.note) for c in charts]  # noqa: S704 - SVG built and escaped by render.svg


def briefing_html(briefing: Briefing, templates: Templates, web: bool, charts: list[Chart] | None = None) -> str:
    return render_template(
        templates, TEMPLATE, b=briefing, S=Status, web=web, listed=LISTED, excerpt=excerpt, mark=follow_up.MARK,
        charts=charts if charts is not None else charts_of(briefing),
        created=briefing.created.isoformat(),
        font_stack=font_stack(DEFAULT_LAYOUT.pdf_font_families),
        running_head=css_string(f"Báo cáo tóm tắt: {briefing.title} (tính đến {briefing.options.as_of:%d/%m/%Y})"),
    )


def briefing_pages(briefing: Briefing, templates: Templates) -> tuple[bytes, bytes]:
    """(PDF, HTML page) of *briefing*, drawing the charts once."""
    charts = charts_of(briefing)
    pdf = render_pdf(briefing_html(briefing, templates, web=False, charts=charts), templates)
    page = briefing_html(briefing, templates, web=True, charts=charts).encode("utf-8")
    return pdf, page
