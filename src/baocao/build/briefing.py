"""The briefing family of outputs: one notice's briefing and exports, and the cross-notice summary.

For the build:

* :func:`notice_briefing` loads the notice's progress (``<tên>.tien-do.yaml``; DataError on bad
  data) and judges every task as of ``options.as_of``;
* :func:`briefing_files` renders one notice's files, keyed by destination path;
* :func:`summary_files` renders ``tong-hop/`` over several notices' briefings.

Nothing here writes: the caller writes every file once all of them rendered.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from baocao.data.model import Notice, Registry
from baocao.data.progress import progress_for
from baocao.documents.briefing import Briefing, build_briefing
from baocao.documents.notice import VN_TZ
from baocao.documents.parts import NoticeDocument
from baocao.documents.status import StatusOptions
from baocao.documents.tasks import notice_tasks
from baocao.documents.wording import Templates
from baocao.documents.summary import build_summary
from baocao.render.briefing import briefing_pages
from baocao.render.summary import summary_pdf, summary_xlsx
from baocao.render.calendar import agency_calendars, notice_calendar
from baocao.render.tables import tasks_csv, tasks_xlsx

BRIEFING_PDF = "bao-cao-tom-tat.pdf"
BRIEFING_HTML = "bao-cao-tom-tat.html"
TASKS_CSV = "nhiem-vu.csv"
TASKS_XLSX = "nhiem-vu.xlsx"
CALENDAR = "han.ics"
EXTRACTS_DIR = "trich-sao"       # the folder of the per-agency extracts: each agency's calendar goes beside its extract
SUMMARY_DIR = "tong-hop"
SUMMARY_PDF = "bao-cao-tong-hop.pdf"
SUMMARY_XLSX = "bao-cao-tong-hop.xlsx"


def stamp(as_of: dt.date) -> dt.datetime:
    """The time written into the briefing's files: SOURCE_DATE_EPOCH if set, else the day it
    reports on at 08:00 in Việt Nam."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).astimezone(VN_TZ)
    return dt.datetime.combine(as_of, dt.time(8, 0), tzinfo=VN_TZ)


def notice_briefing(notice: Notice, registry: Registry, doc: NoticeDocument, source_path: Path,
                    options: StatusOptions) -> Briefing | None:
    """The briefing of the notice at *source_path*; None when it assigns no task."""
    tasks = notice_tasks(notice, registry, doc)
    if not tasks:
        return None
    progress = progress_for(source_path, tasks, notice)
    return build_briefing(Path(source_path).stem, notice, registry, doc, tasks, progress, options,
                          stamp(options.as_of))


def briefing_files(briefing: Briefing, out_dir: Path, templates: Templates) -> dict[Path, bytes]:
    """Every file of one notice's briefing: PDF, HTML page, CSV, XLSX and calendars."""
    target = Path(out_dir) / briefing.notice_key
    pdf, page = briefing_pages(briefing, templates)
    files = {target / BRIEFING_PDF: pdf, target / BRIEFING_HTML: page,
             target / TASKS_CSV: tasks_csv(briefing), target / TASKS_XLSX: tasks_xlsx(briefing)}
    calendar = notice_calendar(briefing)
    if calendar is not None:
        files[target / CALENDAR] = calendar
    for key, data in agency_calendars(briefing).items():
        files[target / EXTRACTS_DIR / f"{key}.ics"] = data
    return files


def summary_files(briefings: Sequence[Briefing], out_dir: Path, templates: Templates,
                  options: StatusOptions) -> dict[Path, bytes]:
    """``tong-hop/``: the Government-report view over every notice of *briefings* (PDF, XLSX)."""
    summary = build_summary(briefings, options, stamp(options.as_of))
    target = Path(out_dir) / SUMMARY_DIR
    return {target / SUMMARY_PDF: summary_pdf(summary, templates), target / SUMMARY_XLSX: summary_xlsx(summary)}


def is_briefing_output(path: Path) -> bool:
    """Is *path* one of the files written here (not a Decree 30 document for ``--verify``)?"""
    path = Path(path)
    return path.name in (BRIEFING_PDF, BRIEFING_HTML, TASKS_CSV, TASKS_XLSX, CALENDAR) \
        or path.parent.name == SUMMARY_DIR or path.suffix == ".ics"
