"""One notice → every file of its extracts, as bytes: ``trich-sao/<agency>.docx`` and ``.pdf`` for
each agency concerned, and the index (``index.html``, ``index.csv``).

The extracts of a notice are rendered in parallel, one process per core (DOCX and PDF of one
agency per job); the files are returned only when every one of them rendered, so a build writes
all of them or none. Nothing here touches the disk.
"""
from __future__ import annotations

import csv
import io
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from baocao.build.write import normalize_docx
from baocao.data.model import Notice, Registry
from baocao.documents.extract import ExtractDocument, NumberSource, build_extracts, settings_for
from baocao.documents.layout import Layout
from baocao.documents.parts import NoticeDocument
from baocao.documents.wording import Templates, Wording, render_template, templates_dir
from baocao.errors import BaocaoError, RenderError, TemplateError

FOLDER = "trich-sao"
INDEX_HEADINGS = ("STT", "Cơ quan", "Khóa", "Tệp DOCX", "Tệp PDF", "Số bản trích sao", "Số việc chủ trì",
                  "Chủ trì tại", "Số việc phối hợp", "Phối hợp tại", "Số việc giao cho nhóm",
                  "Số việc giao chung")


def render_extracts(notice: Notice, registry: Registry, layout: Layout, source_path: Path, out_dir: Path,
                    templates: Path | Templates | None = None, *, document: NoticeDocument | None = None,
                    workers: int | None = None, numbers: NumberSource | None = None) -> dict[Path, bytes]:
    """Every extract file of one notice, keyed by ``out_dir/<notice>/trich-sao/<file>``.

    *document* is the notice's document model when the caller has it already; *workers* the
    number of processes (default: one per core, at most one per extract; 1 renders here);
    *numbers* the TrS numbers (default: ``trich_sao_so`` of the settings). A notice that assigns
    nothing has no extract and gives no file."""
    from baocao.documents.notice import build_document

    folder = templates_dir(templates)
    source_path = Path(source_path)
    doc = document or build_document(notice, registry, layout, Wording(folder), source_path.parent)
    settings = settings_for(layout, source_path)
    extracts = build_extracts(notice, registry, doc, settings, origin=source_path, source_dir=source_path.parent,
                              numbers=numbers)
    if not extracts:
        return {}
    target = Path(out_dir) / source_path.stem / FOLDER
    files: dict[Path, bytes] = {}
    for extract, (docx, pdf) in zip(extracts, render_all(extracts, folder, workers)):
        files[target / f"{extract.agency}.docx"] = docx
        files[target / f"{extract.agency}.pdf"] = pdf
    files[target / "index.csv"] = index_csv(extracts)
    files[target / "index.html"] = index_html(extracts, folder).encode("utf-8")
    return files


def render_one(extract: ExtractDocument, templates: Templates) -> tuple[bytes, bytes]:
    """The DOCX and the PDF of one extract."""
    from baocao.render.extract_docx import render_extract_docx
    from baocao.render.html import render_html
    from baocao.render.pdf import render_pdf

    docx = normalize_docx(render_extract_docx(extract), extract.meta.created)
    html = render_html(extract.original, templates, "extract.html.j2", extract=extract, cb=extract.copy,
                       box_pt=10)
    if extract.copy.form not in html:
        # extract.html.j2 fills the blocks of notice.html.j2: a project's older notice.html.j2
        # without them would silently drop the TRÍCH SAO block
        raise TemplateError(f"{templates.source('notice.html.j2')}: thiếu các khối (block closing, signature_space, "
                            "header_right_top, style) mà extract.html.j2 cần để in khối «TRÍCH SAO»; chép lại "
                            "các dòng {% block … %} từ mẫu notice.html.j2 có sẵn của baocao")
    return docx, render_pdf(html, templates)


def _job(extract: ExtractDocument, templates: Templates):
    """A worker's job: the bytes, or the error as (class name, message) — a process boundary
    keeps the Vietnamese message, not the object."""
    try:
        return "ok", render_one(extract, templates)
    except BaocaoError as error:
        return type(error).__name__, str(error)
    except Exception as error:  # a bug: reported by the parent, without a traceback
        return "internal", f"{type(error).__name__}: {error}"


def render_all(extracts: tuple[ExtractDocument, ...], templates: Templates,
               workers: int | None = None) -> list[tuple[bytes, bytes]]:
    """(DOCX, PDF) of every extract, in order; raises the first error once all are done."""
    workers = max(1, min(workers or os.cpu_count() or 1, len(extracts) - 1))
    if workers == 1 or multiprocessing.current_process().daemon:
        results = [_job(e, templates) for e in extracts]
    else:
        # The first extract is rendered here: it loads WeasyPrint, the fonts and the templates
        # once, and the workers forked after it start warm instead of loading them each.
        results = [_job(extracts[0], templates)]
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        rest = extracts[1:]
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method)) as pool:
            results += list(pool.map(_job, rest, [templates] * len(rest)))
    for extract, (status, value) in zip(extracts, results):
        if status == "ok":
            continue
        where = f"bản trích sao gửi {extract.agency_name} ({extract.agency})"
        if status == "TemplateError":
            raise TemplateError(f"{where}: {value}")
        raise RenderError(f"{where}: {value}")
    return [value for _status, value in results]


def _row(position: int, e: ExtractDocument) -> dict[str, str]:
    number = e.copy.number_line.removeprefix("Số: ") if e.copy.number else ""
    return {"STT": str(position), "Cơ quan": e.agency_name, "Khóa": e.agency,
            "Tệp DOCX": f"{e.agency}.docx", "Tệp PDF": f"{e.agency}.pdf", "Số bản trích sao": number,
            "Số việc chủ trì": str(len(e.lead_tasks)), "Chủ trì tại": e.lead_at,
            "Số việc phối hợp": str(len(e.coordinator_tasks)), "Phối hợp tại": e.coordinator_at,
            "Số việc giao cho nhóm": str(len(e.group_tasks)), "Số việc giao chung": str(len(e.general_tasks))}


def index_csv(extracts: tuple[ExtractDocument, ...]) -> bytes:
    """One row per extract; UTF-8 with a byte-order mark, which spreadsheet programs need to read
    Vietnamese."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=INDEX_HEADINGS, lineterminator="\r\n")
    writer.writeheader()
    for k, e in enumerate(extracts, 1):
        writer.writerow(_row(k, e))
    return out.getvalue().encode("utf-8-sig")


def index_html(extracts: tuple[ExtractDocument, ...], templates: Templates) -> str:
    first = extracts[0]
    return render_template(templates, "extract-index.html.j2", notice=first.original, copy=first.copy,
                           rows=[_row(k, e) for k, e in enumerate(extracts, 1)], headings=INDEX_HEADINGS)
