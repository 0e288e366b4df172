"""Plans and renders the outputs of one notice; writes them only when all rendered."""
from __future__ import annotations

from pathlib import Path

from baocao.documents.notice import NoticeDocument, build_document
from baocao.documents.layout import Layout
from baocao.documents.status import StatusOptions
from baocao.data.model import Notice, Registry
from baocao.render.docx import render_docx
from baocao.render.extracts import render_extracts
from baocao.render.html import render_html
from baocao.render.pdf import render_pdf
from baocao.documents.wording import Templates, Wording, templates_dir
from baocao.build.write import normalize_docx, write_all


def notice_document(notice: Notice, registry: Registry, layout: Layout, source_path: Path,
                    templates: Path | Templates | None = None) -> NoticeDocument:
    folder = templates_dir(templates)
    return build_document(notice, registry, layout, Wording(folder), Path(source_path).parent)


def render_notice(notice: Notice, registry: Registry, layout: Layout, source_path: Path, out_dir: Path,
                  templates: Path | Templates | None = None,
                  briefing: StatusOptions | None = None) -> dict[Path, bytes]:
    """Every file of one notice, as bytes keyed by its destination path; with *briefing*, the
    briefing and its exports as of that day too."""
    folder = templates_dir(templates)
    doc = notice_document(notice, registry, layout, source_path, folder)
    target = Path(out_dir) / Path(source_path).stem
    files = {
        target / "thong-bao.docx": normalize_docx(render_docx(doc), doc.meta.created),
        target / "thong-bao.pdf": render_pdf(render_html(doc, folder), folder),
        **render_extracts(notice, registry, layout, source_path, out_dir, folder, document=doc),
    }
    if briefing is not None:
        from baocao.build.briefing import briefing_files, notice_briefing

        status = notice_briefing(notice, registry, doc, source_path, briefing)
        if status is not None:
            files.update(briefing_files(status, out_dir, folder))
    return files


def build_notice(notice: Notice, registry: Registry, layout: Layout, source_path: Path, out_dir: Path,
                 templates: Path | Templates | None = None) -> list[Path]:
    files = render_notice(notice, registry, layout, source_path, out_dir, templates)
    write_all(files)
    return sorted(files)
