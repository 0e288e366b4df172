"""Progress data of a notice: what each assigned task has come to, kept apart from the notice.

The issued notice never changes; its progress does. ``data/<tên>.yaml`` has its progress in
``data/<tên>.tien-do.yaml``, keyed by task identifier (``ma`` of the task, or the identifier
baocao makes, see :mod:`baocao.documents.tasks`) or, for convenience, by the task's number as
printed ("5.b.(i)")::

    cap_nhat: 2026-03-31                      # optional: when the file was last brought up to date
    nhiem_vu:
      bo-cong-thuong-faffd632:
        trang_thai: hoan-thanh                # chua-thuc-hien | dang-thuc-hien | hoan-thanh
        ngay_hoan_thanh: 2026-03-25
        van_ban_ket_qua: Báo cáo số 12/BC-BCT ngày 25/3/2026
        ghi_chu: Đã trình Thủ tướng Chính phủ
      5.c:
        trang_thai: dang-thuc-hien
        moc:                                  # one deadline of several done on its own
          truoc 2026-02-05:
            ngay_hoan_thanh: 2026-02-04
            van_ban_ket_qua: Văn bản số 456/BNNMT-TS
      cuc-dien-luc-f4d78681:
        trang_thai: dang-thuc-hien
        bao_cao_dinh_ky:                      # the reports of a recurring task
          - ngay: 2026-01-30
            van_ban_ket_qua: Báo cáo số 3/BC-ĐL

The file goes through the same strict loader as a notice; every problem is a Vietnamese error at
its line: an unknown task (with the nearest identifier or number), a number that names two
tasks, a task given twice, a misspelt status, a completion date before the notice, a finished
task without its date, a milestone that is not a deadline of the task, periodic reports on a
task that does not recur.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Protocol

from pydantic import BeforeValidator, Field, ValidationError

from baocao.data.load import LoadedDocument, format_path, load
from baocao.data.messages import did_you_mean, translate
from baocao.data.model import IsoDate, Strict, Text
from baocao.data.validate.refs import notice_day
from baocao.errors import DataError, Problem
from baocao.project_files import PROGRESS_SUFFIX, is_progress_file, progress_path  # noqa: F401 (re-exported)
from baocao.vi.dates import format_short_date
from baocao.vi.deadlines import Deadline

STATES = ("chua-thuc-hien", "dang-thuc-hien", "hoan-thanh")
STATE_TEXT = {"chua-thuc-hien": "Chưa thực hiện", "dang-thuc-hien": "Đang thực hiện", "hoan-thanh": "Hoàn thành"}
TOP_KEYS = ("cap_nhat", "nhiem_vu")


class TaskLike(Protocol):
    """What progress needs to know of a task (:class:`baocao.documents.tasks.Task` is one)."""

    id: str
    number: str
    deadlines: tuple[Deadline, ...]


def _state(value: Any) -> Any:
    if isinstance(value, str) and value not in STATES:
        raise ValueError(f"trạng thái '{value}' không có{did_you_mean(value, STATES)}; "
                         f"chỉ nhận: {', '.join(STATES)}")
    return value


State = Annotated[str, BeforeValidator(_state)]


class _Done(Strict):
    completed: IsoDate = Field(alias="ngay_hoan_thanh", description="ngày hoàn thành (YYYY-MM-DD)")
    result: Text | None = Field(None, alias="van_ban_ket_qua", description="văn bản báo cáo kết quả")
    note: Text | None = Field(None, alias="ghi_chu")


class _Report(Strict):
    day: IsoDate = Field(alias="ngay", description="ngày gửi báo cáo (YYYY-MM-DD)")
    result: Text | None = Field(None, alias="van_ban_ket_qua", description="số, ký hiệu của báo cáo")


class _Entry(Strict):
    state: State = Field(alias="trang_thai", description="chua-thuc-hien | dang-thuc-hien | hoan-thanh")
    completed: IsoDate | None = Field(None, alias="ngay_hoan_thanh", description="ngày hoàn thành (YYYY-MM-DD)")
    result: Text | None = Field(None, alias="van_ban_ket_qua",
                                description='văn bản báo cáo kết quả (vd: "Báo cáo số 12/BC-BCT ngày 25/3/2026")')
    note: Text | None = Field(None, alias="ghi_chu")
    milestones: dict[str, _Done] = Field(default_factory=dict, alias="moc",
                                         description="từng thời hạn (viết như trong thông báo) đã xong riêng")
    reports: list[_Report] = Field(default_factory=list, alias="bao_cao_dinh_ky",
                                   description="các lần báo cáo của nhiệm vụ định kỳ")


class ProgressFile(Strict):
    updated: IsoDate | None = Field(None, alias="cap_nhat", description="ngày cập nhật tệp tiến độ")
    tasks: dict[str, _Entry | None] = Field(default_factory=dict, alias="nhiem_vu",
                                            description="tiến độ từng nhiệm vụ, theo mã hoặc số hiệu nhiệm vụ")


@dataclass(frozen=True)
class Done:
    """A milestone finished on its own, or one periodic report."""

    day: dt.date
    result: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class TaskProgress:
    task_id: str
    state: str
    completed: dt.date | None = None
    result: str | None = None
    note: str | None = None
    milestones: tuple[tuple[Deadline, Done], ...] = ()
    reports: tuple[Done, ...] = ()

    def milestone(self, deadline: Deadline) -> Done | None:
        return next((done for d, done in self.milestones if d == deadline), None)


@dataclass(frozen=True)
class Progress:
    """The progress of one notice's tasks; a task without an entry has not been reported on."""

    path: Path | None = None
    updated: dt.date | None = None
    entries: dict[str, TaskProgress] = field(default_factory=dict)

    def of(self, task_id: str) -> TaskProgress | None:
        return self.entries.get(task_id)


def notice_of(progress_file: str | Path) -> Path:
    """``data/x.tien-do.yaml`` → ``data/x.yaml``."""
    path = Path(progress_file)
    return path.with_name(path.name.removesuffix(PROGRESS_SUFFIX) + ".yaml")


def _fold_number(text: str) -> str:
    """ "5.b.(i)", "5.B.(I)", "5.b.i", "5 b (i)" compare equal."""
    return re.sub(r"[\s().]+", ".", text.strip().lower()).strip(".")


class _Resolver:
    """Task keys of a progress file → tasks: identifiers first, then printed numbers."""

    def __init__(self, tasks: Sequence[TaskLike]):
        self.by_id = {t.id: t for t in tasks}
        self.by_number: dict[str, list[TaskLike]] = {}
        for t in tasks:
            self.by_number.setdefault(_fold_number(t.number), []).append(t)

    def resolve(self, key: str) -> tuple[TaskLike | None, str | None]:
        """(task, None) or (None, Vietnamese reason)."""
        by_id = self.by_id.get(key)
        by_number = self.by_number.get(_fold_number(key), [])
        found = {id(t): t for t in ([by_id] if by_id else []) + by_number}
        if len(found) == 1:
            return next(iter(found.values())), None
        if len(found) > 1:
            names = ", ".join(f"'{t.id}' (số {t.number})" for t in found.values())
            return None, f"'{key}' chỉ nhiều nhiệm vụ: {names}; hãy ghi mã nhiệm vụ"
        choices = [*self.by_id, *(t.number for t in self.by_id.values())]
        return None, (f"không có nhiệm vụ '{key}' trong thông báo{did_you_mean(key, choices)}; "
                      "ghi mã nhiệm vụ (cột 'Mã nhiệm vụ' của nhiem-vu.csv) hoặc số hiệu như '5.b.(i)'")


def load_progress(path: str | Path, tasks: Sequence[TaskLike], notice: Any) -> Progress:
    """Load and check the progress file *path* of *notice*, whose tasks are *tasks*. Raises
    DataError with every problem at its line."""
    doc = load(path)
    name = str(doc.path)
    if doc.data is None:
        return Progress(Path(path))
    if not isinstance(doc.data, dict):
        raise DataError(Problem(name, 1, 1, "", "tệp tiến độ phải là một bảng khóa với 'nhiem_vu:' "
                                                "(và 'cap_nhat:' nếu muốn)"))
    try:
        parsed = ProgressFile.model_validate(doc.data)
    except ValidationError as error:
        raise DataError(sorted(translate(error, doc, ProgressFile), key=_order)) from None
    problems: list[Problem] = []
    entries = _entries(parsed, doc, tasks, notice_day(notice) if notice is not None else None, problems)
    if problems:
        raise DataError(sorted(problems, key=_order))
    return Progress(Path(path), parsed.updated, entries)


def _order(p: Problem) -> tuple:
    return (p.line or 0, p.column or 0)


def _entries(parsed: ProgressFile, doc: LoadedDocument, tasks: Sequence[TaskLike], notice_day: dt.date | None,
             problems: list[Problem]) -> dict[str, TaskProgress]:
    def report(where: tuple, message: str) -> None:
        line, column = doc.mark(where) or (None, None)
        problems.append(Problem(str(doc.path), line, column, format_path(where), message))

    def not_before_notice(where: tuple, day: dt.date, what: str) -> None:
        if notice_day is not None and day < notice_day:
            report(where, f"{what} {format_short_date(day)} trước ngày của thông báo "
                          f"({format_short_date(notice_day)})")

    resolver = _Resolver(tasks)
    entries: dict[str, TaskProgress] = {}
    first_key: dict[str, str] = {}
    for key, entry in parsed.tasks.items():
        at = ("nhiem_vu", key)
        task, reason = resolver.resolve(key)
        if task is None:
            report(at, reason or "")
            continue
        if task.id in first_key:
            line = (doc.mark(("nhiem_vu", first_key[task.id])) or ("?",))[0]
            report(at, f"nhiệm vụ '{task.id}' (số {task.number}) đã ghi ở dòng {line}")
            continue
        first_key[task.id] = key
        if entry is None:
            report(at, "cần 'trang_thai' (chua-thuc-hien, dang-thuc-hien hoặc hoan-thanh)")
            continue
        if entry.state == "hoan-thanh" and entry.completed is None:
            report((*at, "trang_thai"), "nhiệm vụ 'hoan-thanh' cần 'ngay_hoan_thanh' (YYYY-MM-DD)")
        if entry.state != "hoan-thanh" and entry.completed is not None:
            report((*at, "ngay_hoan_thanh"), f"có 'ngay_hoan_thanh' nhưng trạng thái là '{entry.state}': "
                                             "ghi 'trang_thai: hoan-thanh' hoặc bỏ ngày hoàn thành")
        if entry.completed is not None:
            not_before_notice((*at, "ngay_hoan_thanh"), entry.completed, "ngày hoàn thành")
        milestones = []
        for written, done in entry.milestones.items():
            where = (*at, "moc", written)
            deadline = _task_deadline(written, task)
            if deadline is None:
                shown = ", ".join(str(d) for d in task.deadlines) or "không có thời hạn"
                report(where, f"'{written}' không phải thời hạn của nhiệm vụ {task.number} (các thời hạn: {shown})")
                continue
            if deadline.recurring or deadline.kind == "thuong_xuyen":
                report(where, "mốc chỉ dùng cho thời hạn một lần; nhiệm vụ định kỳ ghi 'bao_cao_dinh_ky'")
                continue
            not_before_notice((*where, "ngay_hoan_thanh"), done.completed, "ngày hoàn thành")
            milestones.append((deadline, Done(done.completed, done.result, done.note)))
        if entry.reports and not any(d.recurring for d in task.deadlines):
            report((*at, "bao_cao_dinh_ky"), f"nhiệm vụ {task.number} không có thời hạn định kỳ "
                                             "(hằng tháng, hằng quý …); ghi kết quả ở 'ngay_hoan_thanh'")
        for i, r in enumerate(entry.reports):
            not_before_notice((*at, "bao_cao_dinh_ky", i, "ngay"), r.day, "ngày báo cáo")
        entries[task.id] = TaskProgress(
            task_id=task.id, state=entry.state, completed=entry.completed, result=entry.result, note=entry.note,
            milestones=tuple(milestones), reports=tuple(sorted((Done(r.day, r.result) for r in entry.reports),
                                                               key=lambda d: d.day)))
    return entries


def _task_deadline(written: str, task: TaskLike) -> Deadline | None:
    try:
        wanted = Deadline.parse(written)
    except ValueError:
        return None
    return next((d for d in task.deadlines if d == wanted), None)


def progress_for(notice_path: str | Path, tasks: Sequence[TaskLike], notice: Any) -> Progress:
    """The progress of the notice at *notice_path*: its ``.tien-do.yaml`` if there is one, else
    no progress reported."""
    path = progress_path(notice_path)
    if not path.exists():
        return Progress()
    return load_progress(path, tasks, notice)
