"""Where each task stands on a given day, in the Government's follow-up scheme.

The follow-up reports of the Government (QĐ 42/2014/QĐ-TTg as amended by QĐ 23/2018/QĐ-TTg; e.g.
Báo cáo 1270/BC-TCTTTg: "… đã hoàn thành 16.051 (đúng hạn 14.068, quá hạn 1.983); chưa hoàn
thành 5.863 (trong hạn 5.640, quá hạn 223)") put every task in one of four cells; "sắp đến hạn"
marks the open tasks in time whose next deadline is near. The rules, as of day D:

* A deadline is met when the work is done **on or before its last day**: the day itself for
  "ngày 05/02/2026"; **the day before** for "trước ngày 05/02/2026" (the words say before); the
  last day of the month, quarter, half-year or year for "trong Quý I/2026" and the like.
* A task is finished when its progress says ``hoan-thanh`` with a completion date on or before D
  (a later date is not yet true on D). It is finished late when any of its deadlines was met late.
* A task with several deadlines ("… trước ngày 05/02/2026; … trong năm 2026") has one milestone
  per deadline; a milestone is met by the task's completion or by its own entry under ``moc``.
  An open task is overdue as soon as one milestone's last day has passed unmet.
* A recurring deadline (hằng tháng, hằng quý, trước ngày 15 hằng tháng …) is due in every period
  from the notice on, its last on-time day being the period's last day (the day before, for
  "trước ngày 15 hằng tháng"). Each due day takes the first report (``bao_cao_dinh_ky``) sent after the
  previous due day: sent by the due day it is on time, after it late; a due day past without a
  report makes the task overdue. A recurring task stays open while it recurs; marked
  ``hoan-thanh`` it is finished (late when a report was late or missing).
* "Thường xuyên" and a task without any deadline are never overdue: open in time until finished,
  then finished on time.
* An open task is "sắp đến hạn" when its next due day is at most N days away (N = 7 unless set).
"""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from baocao.data.progress import STATE_TEXT, Done, TaskProgress
from baocao.vi.dates import format_short_date
from baocao.vi.deadlines import Deadline

DEFAULT_SOON_DAYS = 7
HORIZON_DAYS = 366
VN_TZ = dt.timezone(dt.timedelta(hours=7))


class Status(str, enum.Enum):
    DONE_ON_TIME = "hoan-thanh-dung-han"
    DONE_LATE = "hoan-thanh-qua-han"
    IN_TIME = "trong-han"
    DUE_SOON = "sap-den-han"
    OVERDUE = "qua-han"

    @property
    def text(self) -> str:
        return STATUS_TEXT[self]

    @property
    def done(self) -> bool:
        return self in (Status.DONE_ON_TIME, Status.DONE_LATE)


STATUS_TEXT = {
    Status.DONE_ON_TIME: "Hoàn thành đúng hạn",
    Status.DONE_LATE: "Hoàn thành quá hạn",
    Status.IN_TIME: "Chưa hoàn thành, trong hạn",
    Status.DUE_SOON: "Sắp đến hạn",
    Status.OVERDUE: "Chưa hoàn thành, quá hạn",
}
#: Order of the statuses in tables, legends and stacked bars.
STATUSES = (Status.DONE_ON_TIME, Status.DONE_LATE, Status.IN_TIME, Status.DUE_SOON, Status.OVERDUE)


def today_vn() -> dt.date:
    """Today in Việt Nam (UTC+7 all year: no daylight saving)."""
    return dt.datetime.now(VN_TZ).date()


@dataclass(frozen=True)
class StatusOptions:
    """``--as-of`` and ``--sap-den-han`` of the build."""

    as_of: dt.date
    soon_days: int = DEFAULT_SOON_DAYS


def last_day_on_time(deadline: Deadline) -> dt.date | None:
    """The last day a one-off deadline is met on (see the module docstring); None for the others."""
    last = deadline.last_day()
    if last is None:
        return None
    return last - dt.timedelta(days=1) if deadline.kind == "truoc_ngay" else last


def recurring_due_days(deadline: Deadline, start: dt.date, end: dt.date) -> list[dt.date]:
    """The last on-time day of every period of a recurring *deadline* from *start* to *end*: the
    period's last day, or the day before "trước ngày 15 …"."""
    shift = dt.timedelta(days=1 if deadline.day else 0)
    return [d - shift for d in deadline.due_dates(start + shift, end + shift)]


@dataclass(frozen=True)
class Occurrence:
    """One day a task falls due: a one-off deadline, or one period of a recurring one."""

    deadline: Deadline
    due: dt.date
    status: Status
    done: dt.date | None = None


@dataclass(frozen=True)
class TaskStatus:
    status: Status
    state: str                       # the reported state on the day: chua-thuc-hien | dang-thuc-hien | hoan-thanh
    detail: str                      # "quá hạn 12 ngày (hạn 31/03/2026)", "còn 5 ngày", "thường xuyên"
    due: dt.date | None              # the day judged: the missed one when overdue, else the next or the last
    completed: dt.date | None
    days_overdue: int | None
    occurrences: tuple[Occurrence, ...]
    result: str | None = None
    note: str | None = None

    @property
    def state_text(self) -> str:
        return STATE_TEXT[self.state]


def _late_days(due: dt.date, as_of: dt.date) -> int:
    return (as_of - due).days


def task_status(deadlines: tuple[Deadline, ...], progress: TaskProgress | None, start: dt.date | None,
                options: StatusOptions) -> TaskStatus:
    """The status of a task with *deadlines* and *progress* as of ``options.as_of``. *start* is
    the notice's day (recurring deadlines fall due from it on); the periods of a recurring
    deadline are listed up to a year after the day judged, so its next due day is known."""
    as_of = options.as_of
    finished = progress is not None and progress.completed is not None and progress.completed <= as_of
    completed = progress.completed if finished else None  # type: ignore[union-attr]
    state = progress.state if progress else "chua-thuc-hien"
    if progress is not None and progress.state == "hoan-thanh" and not finished:
        state = "dang-thuc-hien"
    extra = {"result": progress.result if progress else None, "note": progress.note if progress else None}

    occurrences: list[Occurrence] = []
    for deadline in deadlines:
        due = last_day_on_time(deadline)
        if due is None:
            continue
        own = progress.milestone(deadline) if progress else None
        done = own.day if own is not None and own.day <= as_of else completed
        occurrences.append(Occurrence(deadline, due, _occurrence_status(due, done, options), done))
    recurring = [d for d in deadlines if d.recurring]
    if recurring and start is not None:
        horizon = as_of + dt.timedelta(days=HORIZON_DAYS)
        occurrences += _recurring(recurring, progress, start, options, horizon, completed)
    occurrences.sort(key=lambda o: (o.due, o.deadline.sort_key()))
    status, detail, due, days = _judge(deadlines, occurrences, finished, completed, options)
    return TaskStatus(status=status, state=state, detail=detail, due=due, completed=completed,
                      days_overdue=days, occurrences=tuple(occurrences), **extra)


def _occurrence_status(due: dt.date, done: dt.date | None, options: StatusOptions) -> Status:
    if done is not None:
        return Status.DONE_ON_TIME if done <= due else Status.DONE_LATE
    if due < options.as_of:
        return Status.OVERDUE
    return Status.DUE_SOON if (due - options.as_of).days <= options.soon_days else Status.IN_TIME


def _recurring(deadlines: list[Deadline], progress: TaskProgress | None, start: dt.date, options: StatusOptions,
               horizon: dt.date, completed: dt.date | None) -> list[Occurrence]:
    """Every due day of the recurring *deadlines* from *start* to *horizon* (to the completion,
    for a task closed), each matched with the first unused report sent after the previous due
    day."""
    reports: list[Done] = [r for r in (progress.reports if progress else ()) if r.day <= options.as_of]
    out = []
    for deadline in deadlines:
        used: set[int] = set()
        previous = start - dt.timedelta(days=1)
        end = completed if completed is not None else max(horizon, options.as_of)
        for due in recurring_due_days(deadline, start, end):
            match = next((i for i, r in enumerate(reports) if i not in used and r.day > previous), None)
            previous = due
            if match is not None:
                used.add(match)
                day = reports[match].day
                out.append(Occurrence(deadline, due, Status.DONE_ON_TIME if day <= due else Status.DONE_LATE, day))
            elif completed is not None:  # closed with a period left unreported: finished late
                out.append(Occurrence(deadline, due, Status.DONE_LATE, None))
            else:
                out.append(Occurrence(deadline, due, _occurrence_status(due, None, options)))
    return out


def _judge(deadlines: tuple[Deadline, ...], occurrences: list[Occurrence], finished: bool,
           completed: dt.date | None, options: StatusOptions) -> tuple[Status, str, dt.date | None, int | None]:
    """(status, detail, day judged, days overdue)."""
    as_of = options.as_of
    ongoing = any(d.kind == "thuong_xuyen" for d in deadlines)
    owed = [o for o in occurrences if o.due < as_of or not o.deadline.recurring]
    if finished:
        late = [o for o in owed if o.status == Status.DONE_LATE]
        last = max((o.due for o in owed), default=None)
        if late:
            worst = max(late, key=lambda o: ((o.done or completed or as_of) - o.due).days)
            days = ((worst.done or completed or as_of) - worst.due).days
            return Status.DONE_LATE, f"hoàn thành chậm {days} ngày (hạn {format_short_date(worst.due)})", last, None
        return Status.DONE_ON_TIME, "hoàn thành" + (" đúng hạn" if owed else ""), last, None
    missed = [o for o in occurrences if o.status == Status.OVERDUE]
    if missed:
        first = missed[0]
        days = _late_days(first.due, as_of)
        more = f"; {len(missed)} kỳ chưa báo cáo" if len(missed) > 1 and first.deadline.recurring else ""
        return Status.OVERDUE, f"quá hạn {days} ngày (hạn {format_short_date(first.due)}){more}", first.due, days
    upcoming = [o for o in occurrences if o.due >= as_of and o.done is None]
    if upcoming:
        nxt = upcoming[0]
        left = (nxt.due - as_of).days
        when = "hạn hôm nay" if left == 0 else f"còn {left} ngày"
        kind = "kỳ tới" if nxt.deadline.recurring else "hạn"
        status = Status.DUE_SOON if left <= options.soon_days else Status.IN_TIME
        return status, f"{when} ({kind} {format_short_date(nxt.due)})", nxt.due, None
    if ongoing:
        return Status.IN_TIME, "thường xuyên", None, None
    if any(d.recurring for d in deadlines):
        return Status.IN_TIME, "định kỳ, đã báo cáo đủ", None, None
    if occurrences:  # every milestone met early, the task not yet closed
        return Status.IN_TIME, "đã xong các mốc, chưa báo cáo hoàn thành", occurrences[-1].due, None
    return Status.IN_TIME, "chưa có thời hạn", None, None
