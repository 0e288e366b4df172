"""Document model → HTML (Jinja, autoescape on), the input of the PDF renderer."""
from __future__ import annotations

import base64
from pathlib import Path

from baocao.documents.layout import SINGLE_LINE_EM
from baocao.documents.parts import NoticeDocument
from baocao.documents.wording import Templates, render_template
from baocao.render.images import signature_geometry


def font_stack(families: tuple[str, ...]) -> str:
    return ", ".join(f'"{name}"' for name in families) + ", serif"


def data_uri(path: Path | None) -> str | None:
    """Images travel inside the HTML, so the PDF renderer never reads outside the templates folder."""
    if path is None:
        return None
    return "data:image/png;base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")


def render_html(doc: NoticeDocument, templates: Templates, template: str = "notice.html.j2", **extra) -> str:
    """*doc* as HTML through *template*; *extra* names more values for the template."""
    layout = doc.layout
    line_height = SINGLE_LINE_EM * layout.line_spacing
    return render_template(
        templates,
        template,
        doc=doc,
        layout=layout,
        created=doc.meta.created.isoformat(),
        font_stack=font_stack(layout.pdf_font_families),
        line_height_single=round(SINGLE_LINE_EM, 4),
        rule_gap_pt=layout.rule_gap_pt,
        line_height_body=round(line_height, 4),
        line_height_body_pt=round(line_height * layout.body_pt, 2),
        geo=signature_geometry(layout),
        images={"signature": data_uri(doc.signer.signature), "seal": data_uri(doc.signer.seal)},
        **extra,
    )
