"""The outputs of one notice, as a list of output kinds the build engine renders and tracks.

Today a notice has three kinds: the notice itself (``thong-bao.docx``, ``.pdf``), the extracts
(``trich-sao/``: one TRÍCH SAO per agency, and their index) and the briefing with its exports
(``bao-cao-tom-tat.pdf`` …, ``nhiem-vu.csv``/``.xlsx``, ``han.ics``). Adding one more takes a render
function and one entry in ``OUTPUT_KINDS``::

    def render_minutes(job: NoticeJob, resources: Resources) -> dict[str, bytes]:
        doc = job_document(job, resources)          # the notice's document model, made once per job
        return {"bien-ban.pdf": pdf_bytes(render_html(doc, job.templates, "minutes.html.j2"),
                                          job.templates, resources)}

    OUTPUT_KINDS = (..., OutputKind("bien-ban", render=render_minutes, templates=("minutes.html.j2",)))

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
- ``status``: True if it reads ``job.status`` (the day task statuses are judged on, ``--as-of``,
  and ``--sap-den-han``); a change of either rebuilds it.
- ``verify``: False for files that are not Decree 30 documents (``--verify`` skips them).

Every kind also depends on the notice file, the folder's ``co-quan.yaml`` and ``cai-dat.yaml``,
the baocao code, and ``SOURCE_DATE_EPOCH``. Kinds render in list order, in worker processes;
``resources`` holds what a worker makes once and shares between jobs (a WeasyPrint
FontConfiguration; :meth:`Resources.cached` for anything else, e.g. a parsed stylesheet).
"""
from __future__ import annotations

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
    status: Any = None                 # baocao.documents.status.StatusOptions (--as-of, --sap-den-han)
    copy_numbers: tuple[tuple[str, int], ...] = ()  # TrS number of each extract, from the register


class Resources:
    """What a worker process makes once and shares between every job it renders."""

    def __init__(self) -> None:
        self._cache: dict[Any, Any] = {}
        self.job: dict[Any, Any] = {}   # shared by the kinds of the job being rendered, then dropped

    @property
    def font_config(self):
        """The process's one WeasyPrint FontConfiguration: fonts are looked up once, not per PDF."""
        from baocao.render.pdf import shared_font_config

        return shared_font_config()

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
    status: bool = False
    verify: bool = True


# -- the notice itself --------------------------------------------------------------------------

def notice_document(notice: Notice, registry: Registry, layout: Layout, source_path: Path,
                    templates: Path | Templates | None = None):
    from baocao.documents.notice import build_document
    from baocao.documents.wording import Wording, templates_dir

    return build_document(notice, registry, layout, Wording(templates_dir(templates)), Path(source_path).parent)


def pdf_bytes(html: str, templates: Templates, resources: Resources | None = None) -> bytes:
    """HTML → PDF with the worker's shared FontConfiguration when there is a worker."""
    from baocao.render.pdf import render_pdf

    return render_pdf(html, templates, resources.font_config if resources is not None else None)


def job_document(job: NoticeJob, resources: Resources | None) -> Any:
    """The notice's document model, made once for all the kinds of a job."""
    if resources is None:
        return notice_document(job.notice, job.registry, job.layout, job.data_path, job.templates)
    if "document" not in resources.job:
        resources.job["document"] = notice_document(job.notice, job.registry, job.layout, job.data_path,
                                                    job.templates)
    return resources.job["document"]


def _inside(files: Mapping[Path, bytes], job: NoticeJob) -> dict[str, bytes]:
    """Files keyed ``<stem>/<path>`` (as the renderers key them under an empty out folder), keyed
    by ``<path>`` inside the notice's folder."""
    return {path.relative_to(job.data_path.stem).as_posix(): data for path, data in files.items()}


def render_notice_files(job: NoticeJob, resources: Resources | None = None) -> dict[str, bytes]:
    """thong-bao.docx and thong-bao.pdf of one notice."""
    from baocao.render.docx import render_docx
    from baocao.render.html import render_html

    doc = job_document(job, resources)
    return {
        "thong-bao.docx": normalize_docx(render_docx(doc), doc.meta.created),
        "thong-bao.pdf": pdf_bytes(render_html(doc, job.templates), job.templates, resources),
    }


def signer_images(job: NoticeJob) -> list[Path]:
    signer = job.notice.signer
    return [job.data_path.parent / name for name in (signer.signature, signer.seal) if name]


def render_extract_files(job: NoticeJob, resources: Resources | None = None) -> dict[str, bytes]:
    """``trich-sao/<agency>.docx``/``.pdf`` for every agency the notice gives work to, and the index."""
    from baocao.render.extracts import render_extracts

    numbers = None
    if job.copy_numbers:
        taken = dict(job.copy_numbers)

        def numbers(copier: str, year: int, agency: str, position: int) -> int | None:
            return taken.get(agency)

    files = render_extracts(job.notice, job.registry, job.layout, job.data_path, Path(""), job.templates,
                            document=job_document(job, resources), workers=1, numbers=numbers)
    return _inside(files, job)


def render_briefing_files(job: NoticeJob, resources: Resources | None = None) -> dict[str, bytes]:
    """The briefing for leaders and the follow-up exports (none for a notice assigning no task)."""
    from baocao.build.briefing import briefing_files, notice_briefing

    briefing = notice_briefing(job.notice, job.registry, job_document(job, resources), job.data_path, job.status)
    return _inside(briefing_files(briefing, Path(""), job.templates), job) if briefing is not None else {}


NOTICE_KIND = OutputKind("thong-bao", render=render_notice_files,
                         templates=("wording.j2", "notice.html.j2", "style.css.j2", "fonts/*"),
                         files=signer_images)
EXTRACTS_KIND = OutputKind("trich-sao", render=render_extract_files,
                           templates=("wording.j2", "notice.html.j2", "extract.html.j2", "extract-index.html.j2",
                                      "style.css.j2", "fonts/*"),
                           files=signer_images)
BRIEFING_KIND = OutputKind("tom-tat", render=render_briefing_files,
                           templates=("wording.j2", "briefing.html.j2", "briefing.css.j2", "fonts/*"),
                           progress=True, status=True, verify=False)

OUTPUT_KINDS: tuple[OutputKind, ...] = (NOTICE_KIND, EXTRACTS_KIND, BRIEFING_KIND)


def kinds_by_name() -> dict[str, OutputKind]:
    return {kind.name: kind for kind in OUTPUT_KINDS}


# -- one notice outside the build engine (tests, scripts) ---------------------------------------

def render_notice(notice: Notice, registry: Registry, layout: Layout, source_path: Path, out_dir: Path,
                  templates: Path | Templates | None = None, briefing: Any = None) -> dict[Path, bytes]:
    """Every file of one notice (the notice and its extracts; with *briefing*, a StatusOptions,
    the briefing and its exports as of that day too), keyed by destination path."""
    from baocao.documents.wording import templates_dir

    job = NoticeJob(Path(source_path), Path(source_path).stem, notice, registry, layout, templates_dir(templates),
                    status=briefing)
    resources = Resources()
    files = {**render_notice_files(job, resources), **render_extract_files(job, resources)}
    if briefing is not None:
        files.update(render_briefing_files(job, resources))
    target = Path(out_dir) / Path(source_path).stem
    return {target / rel: data for rel, data in files.items()}


def build_notice(notice: Notice, registry: Registry, layout: Layout, source_path: Path, out_dir: Path,
                 templates: Path | Templates | None = None) -> list[Path]:
    files = render_notice(notice, registry, layout, source_path, out_dir, templates)
    write_all(files)
    return sorted(files)
