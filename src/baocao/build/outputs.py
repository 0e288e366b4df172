"""The outputs of one notice, as a list of output kinds the build engine renders and tracks.

Adding an output to every notice takes one render function and one entry in ``OUTPUT_KINDS``::

    def render_extracts(job: NoticeJob, resources: Resources) -> dict[str, bytes]:
        doc = build_extracts(job.notice, job.registry, job.layout, Wording(job.templates))
        return {f"trich-sao/{e.slug}.pdf": pdf_bytes(render_html(e, job.templates, "extract.html.j2"),
                                                     job.templates, resources)
                for e in doc}

    OUTPUT_KINDS = (
        NOTICE_KIND,
        OutputKind("trich-sao", templates=("wording.j2", "extract.html.j2", "style.css.j2"),
                   render=render_extracts),
        OutputKind("tom-tat", templates=("briefing.html.j2",), render=render_briefing, progress=True),
    )

The contract of a kind:

- ``name``: stable identifier, recorded in ``<out>/.baocao-manifest.json``.
- ``render(job, resources)``: returns ``{relative path inside <out>/<notice>/: bytes}``. Pure: it
  reads its inputs and returns bytes; it never writes a file (the parent process writes every
  set whole, after every kind of the notice rendered). Paths use "/" and stay inside the folder.
  The same job must give the same bytes in any process on any machine: no absolute paths, no
  clock (``baocao.documents.notice.document_time`` gives the fixed time of a notice).
  Raise a :class:`~baocao.errors.BaocaoError` (DataError, TemplateError, RenderError) with a
  Vietnamese message for anything the user can fix; the notice then keeps its previous outputs.
- ``templates``: the template names (glob patterns allowed) it reads, each taken from the
  project's templates folder if it has one, else from the packaged templates. A change to any of
  them rebuilds this kind, and only this kind, of every notice using it.
- ``files(job)``: other files it reads that the data names (signature and seal images …), known
  once the notice is validated; a change to any of them rebuilds it.
- ``progress``: True if it reads the notice's progress file ``<notice>.tien-do.yaml``
  (``job.progress_path``, None when there is none); a change to that file rebuilds it.
- ``fonts``: True if its bytes depend on the installed fonts (PDF, and text measured for layout).

Every kind also depends on the notice file, the folder's ``co-quan.yaml`` and ``cai-dat.yaml``,
the baocao code, and ``SOURCE_DATE_EPOCH``. Kinds render in list order, in worker processes;
``resources`` holds what a worker makes once and shares between jobs (a WeasyPrint
FontConfiguration; :meth:`Resources.cached` for anything else, e.g. a parsed stylesheet).
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from baocao.build.write import normalize_docx, write_all

if TYPE_CHECKING:  # the engine reads the kinds without paying for the model's imports
    from baocao.data.model import Notice, Registry
    from baocao.documents.layout import Layout
    from baocao.documents.wording import Templates
    from baocao.errors import Problem


@dataclass(frozen=True)
class NoticeJob:
    """One validated notice, ready to render: everything a render function may read."""

    data_path: Path                   # the notice file (as given; read files relative to its folder)
    slug: str                         # its output folder name
    notice: Notice                    # validated, number filled in when the register gave one
    registry: Registry                # agencies: national registry + co-quan.yaml + co_quan_them
    layout: Layout                    # Decree 30 defaults + cai-dat.yaml + the notice's trinh_bay
    templates: Templates              # the project's templates over the packaged ones
    warnings: tuple[Problem, ...] = ()
    progress_path: Path | None = None  # <notice>.tien-do.yaml when present
    kinds: tuple[str, ...] = ()        # the kinds to render this time (the stale ones)


class Resources:
    """What a worker process makes once and shares between every job it renders."""

    def __init__(self) -> None:
        self._cache: dict[Any, Any] = {}

    @property
    def font_config(self):
        """One WeasyPrint FontConfiguration per process: fonts are looked up once, not per PDF."""
        def make():
            from weasyprint.text.fonts import FontConfiguration

            return FontConfiguration()

        return self.cached("font_config", make)

    def cached(self, key: Any, make: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]


@dataclass(frozen=True)
class OutputKind:
    name: str
    render: Callable[[NoticeJob, Resources], Mapping[str, bytes]]
    templates: tuple[str, ...] = ()
    files: Callable[[NoticeJob], Iterable[Path]] = field(default=lambda job: ())
    progress: bool = False
    fonts: bool = True


# -- the notice itself --------------------------------------------------------------------------

def notice_document(notice: Notice, registry: Registry, layout: Layout, source_path: Path,
                    templates: Path | Templates | None = None):
    from baocao.documents.notice import build_document
    from baocao.documents.wording import Wording, templates_dir

    return build_document(notice, registry, layout, Wording(templates_dir(templates)), Path(source_path).parent)


def pdf_bytes(html: str, templates: Templates, resources: Resources | None = None) -> bytes:
    """HTML → PDF as :func:`baocao.render.pdf.render_pdf` makes it, with the worker's shared
    FontConfiguration (a test checks both give the same bytes)."""
    if resources is None:
        from baocao.render.pdf import render_pdf

        return render_pdf(html, templates)
    import logging

    import weasyprint
    from weasyprint.urls import FatalURLFetchingError

    from baocao.errors import RenderError
    from baocao.render.pdf import make_fetcher

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = make_fetcher(list(templates.folders))
    try:
        document = weasyprint.HTML(string=html, base_url=str(templates.folders[0]) + "/",
                                   url_fetcher=fetcher).render(font_config=resources.font_config)
        return document.write_pdf(pdf_identifier=hashlib.sha256(html.encode()).hexdigest()[:32].encode(),
                                  uncompressed_pdf=False, optimize_images=False)
    except FatalURLFetchingError as exc:
        raise RenderError(str(exc)) from None


def render_notice_files(job: NoticeJob, resources: Resources | None = None) -> dict[str, bytes]:
    """thong-bao.docx and thong-bao.pdf of one notice."""
    from baocao.render.docx import render_docx
    from baocao.render.html import render_html

    doc = notice_document(job.notice, job.registry, job.layout, job.data_path, job.templates)
    return {
        "thong-bao.docx": normalize_docx(render_docx(doc), doc.meta.created),
        "thong-bao.pdf": pdf_bytes(render_html(doc, job.templates), job.templates, resources),
    }


def signer_images(job: NoticeJob) -> list[Path]:
    signer = job.notice.signer
    return [job.data_path.parent / name for name in (signer.signature, signer.seal) if name]


NOTICE_KIND = OutputKind("thong-bao", render=render_notice_files,
                         templates=("wording.j2", "notice.html.j2", "style.css.j2", "fonts/*"),
                         files=signer_images)

OUTPUT_KINDS: tuple[OutputKind, ...] = (NOTICE_KIND,)


def kinds_by_name() -> dict[str, OutputKind]:
    return {kind.name: kind for kind in OUTPUT_KINDS}


# -- one notice outside the build engine (tests, scripts) ---------------------------------------

def render_notice(notice: Notice, registry: Registry, layout: Layout, source_path: Path, out_dir: Path,
                  templates: Path | Templates | None = None) -> dict[Path, bytes]:
    """Every file of one notice, as bytes keyed by its destination path."""
    from baocao.documents.wording import templates_dir

    job = NoticeJob(Path(source_path), Path(source_path).stem, notice, registry, layout, templates_dir(templates))
    target = Path(out_dir) / Path(source_path).stem
    return {target / rel: data for rel, data in render_notice_files(job).items()}


def build_notice(notice: Notice, registry: Registry, layout: Layout, source_path: Path, out_dir: Path,
                 templates: Path | Templates | None = None) -> list[Path]:
    files = render_notice(notice, registry, layout, source_path, out_dir, templates)
    write_all(files)
    return sorted(files)
