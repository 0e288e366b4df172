"""The briefing of one notice for a leader: every task with its status on a day, counted and grouped.

:func:`build_briefing` turns a built notice, its tasks and their progress into a
:class:`Briefing`: the counts of the Government's 2×2 scheme (see :mod:`baocao.documents.status`),
the agencies involved, the nearest deadlines, the overdue tasks, the tasks missing one of the
"6 rõ", the tasks grouped by lead agency, and the figures the charts draw. Every word is already
Vietnamese here; the renderers (PDF, HTML, CSV, XLSX, ICS) only lay it out.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from baocao import vi
from baocao.data.model import Notice, Registry
from baocao.data.progress import Progress
from baocao.data.validate.refs import notice_day
from baocao.data.validate.tasks import missing_clear
from baocao.documents.agencies import AgencyNames
from baocao.documents.notice import document_time
from baocao.documents.parts import NoticeDocument
from baocao.documents.status import STATUSES, Occurrence, Status, StatusOptions, TaskStatus, task_status
from baocao.documents.tasks import Task

NEAREST = 10      # nearest deadlines listed on the first page
LISTED = 15       # overdue tasks and tasks missing a "rõ" listed on the first page before "… và N nữa"


@dataclass
class Counts:
    """Tasks by status; ``done``/``open`` are the two rows of the Government's scheme."""

    by_status: Counter = field(default_factory=Counter)

    def add(self, status: Status) -> None:
        self.by_status[status] += 1

    def __getitem__(self, status: Status) -> int:
        return self.by_status[status]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def done(self) -> int:
        return self[Status.DONE_ON_TIME] + self[Status.DONE_LATE]

    @property
    def open(self) -> int:
        return self.total - self.done

    @property
    def in_time(self) -> int:
        """Open in time, "sắp đến hạn" included."""
        return self[Status.IN_TIME] + self[Status.DUE_SOON]

    @property
    def late(self) -> int:
        """Finished late or open past a deadline."""
        return self[Status.DONE_LATE] + self[Status.OVERDUE]

    def share(self, part: int) -> str:
        """*part* of the total as Vietnamese writes a percentage: "66,7%"."""
        return vi.format_percent(round(100 * part / self.total, 1) if self.total else 0, 1)

    def sentence(self) -> str:
        """The Government's wording: "19 nhiệm vụ: đã hoàn thành 5 (đúng hạn 4, quá hạn 1); chưa
        hoàn thành 14 (trong hạn 12, quá hạn 2)"."""
        n = vi.format_number
        return (f"{n(self.total)} nhiệm vụ: đã hoàn thành {n(self.done)} (đúng hạn {n(self[Status.DONE_ON_TIME])}, "
                f"quá hạn {n(self[Status.DONE_LATE])}); chưa hoàn thành {n(self.open)} (trong hạn "
                f"{n(self.in_time)}, quá hạn {n(self[Status.OVERDUE])})")


@dataclass(frozen=True)
class Row:
    """One task as the briefing prints it."""

    task: Task
    status: TaskStatus
    deadline_text: str            # "trong Quý I/2026; trong năm 2026" (the notice's phrases)
    deadline_label: str           # "Quý I/2026; Năm 2026" (table cells)
    coordinators: str             # "Bộ Ngoại giao, Bộ Tài chính và các cơ quan liên quan"
    missing: tuple[str, ...]      # the "rõ" it lacks

    @property
    def number(self) -> str:
        return self.task.number

    @property
    def final_due(self) -> dt.date | None:
        """The last day the task's last dated deadline is met on."""
        return max((o.due for o in self.status.occurrences if not o.deadline.recurring), default=None)

    @property
    def milestones(self) -> tuple[str, ...]:
        """For a task with several dated deadlines, one line per deadline: "04/02/2026: xong 03/02/2026"."""
        dated = [o for o in self.status.occurrences if not o.deadline.recurring]
        if len(dated) < 2:
            return ()
        lines = []
        for o in dated:
            state = (f"xong {vi.format_short_date(o.done)}" if o.done else
                     "quá hạn" if o.status == Status.OVERDUE else "chưa xong")
            lines.append(f"{vi.format_short_date(o.due)}: {state}")
        return tuple(lines)


@dataclass(frozen=True)
class Group:
    key: str
    name: str
    rows: tuple[Row, ...]
    counts: Counts


@dataclass(frozen=True)
class AgencyLoad:
    key: str
    name: str
    lead: int
    coordinate: int


@dataclass(frozen=True)
class Upcoming:
    row: Row
    occurrence: Occurrence


@dataclass(frozen=True)
class Briefing:
    notice_key: str               # the notice's file stem: output folder, calendar UIDs
    title: str                    # "Thông báo số 15/TB-VPCP ngày 16/01/2026"
    number_symbol: str            # "15/TB-VPCP" ("" for a draft)
    summary: str                  # trích yếu as printed
    issuer: str
    meeting_name: str | None
    meeting_date: str | None      # "ngày 10 tháng 01 năm 2026"
    meeting_place: str | None
    chair: str | None
    notice_day: dt.date | None
    options: StatusOptions
    as_of_text: str               # "ngày 20 tháng 3 năm 2026"
    progress: Progress
    rows: tuple[Row, ...]
    counts: Counts
    groups: tuple[Group, ...]
    loads: tuple[AgencyLoad, ...]
    nearest: tuple[Upcoming, ...]
    overdue: tuple[Row, ...]
    unclear: tuple[Row, ...]
    created: dt.datetime          # stamped into the files that depend on the day reported on
    issued: dt.datetime           # stamped into the files that depend on the notice only (calendars)

    @property
    def agencies(self) -> tuple[str, ...]:
        """Every agency that leads or coordinates a task, in the order of their first task."""
        return tuple(load.name for load in self.loads_in_order)

    @property
    def loads_in_order(self) -> tuple[AgencyLoad, ...]:
        order = {g.key: i for i, g in enumerate(self.groups)}
        return tuple(sorted(self.loads, key=lambda a: (order.get(a.key, len(order)), vi.sort_key(a.name))))


def notice_title(notice: Notice, doc: NoticeDocument) -> tuple[str, str]:
    """("Thông báo số 15/TB-VPCP ngày 16/01/2026", "15/TB-VPCP"); a draft: ("Dự thảo Thông báo …", "")."""
    number_symbol = doc.header.number_line.removeprefix("Số:").strip()
    if notice.document.number is None or notice.document.date is None:
        return f"Dự thảo Thông báo ({doc.header.place_date.strip()})", ""
    return f"Thông báo số {number_symbol} ngày {vi.format_short_date(notice.document.date)}", number_symbol


def build_briefing(notice_key: str, notice: Notice, registry: Registry, doc: NoticeDocument, tasks: tuple[Task, ...],
                   progress: Progress, options: StatusOptions, created: dt.datetime) -> Briefing:
    names = AgencyNames(notice, registry)
    start = notice_day(notice)
    rows = tuple(_row(t, names, registry, task_status(t.deadlines, progress.of(t.id), start, options))
                 for t in tasks)
    counts = Counts()
    for row in rows:
        counts.add(row.status.status)
    title, number_symbol = notice_title(notice, doc)
    meeting = notice.meeting
    upcoming = sorted(((row, o) for row in rows if not row.status.status.done for o in row.status.occurrences
                       if o.done is None and o.due >= options.as_of), key=lambda ro: (ro[1].due, ro[0].number))
    nearest, seen = [], set()
    for row, occurrence in upcoming:  # a recurring task once, at its next due day
        if row.task.id not in seen and len(nearest) < NEAREST:
            seen.add(row.task.id)
            nearest.append(Upcoming(row, occurrence))
    overdue = sorted((r for r in rows if r.status.status == Status.OVERDUE),
                     key=lambda r: (r.status.due or dt.date.max, r.number))
    return Briefing(
        notice_key=notice_key, title=title, number_symbol=number_symbol, summary=" ".join(doc.summary_lines),
        issuer=doc.meta.author, meeting_name=meeting.name if meeting else None,
        meeting_date=vi.format_date(meeting.date) if meeting else None,
        meeting_place=meeting.place if meeting else None, chair=meeting.chair if meeting else None,
        notice_day=start, options=options, as_of_text=vi.format_date(options.as_of), progress=progress,
        rows=rows, counts=counts, groups=_groups(rows), loads=_loads(tasks, names), nearest=tuple(nearest),
        overdue=tuple(overdue), unclear=tuple(r for r in rows if r.missing), created=created,
        issued=document_time(notice))


def _row(task: Task, names: AgencyNames, registry: Registry, status: TaskStatus) -> Row:
    deadlines = sorted(task.deadlines, key=lambda d: d.sort_key())
    return Row(task=task, status=status,
               deadline_text="; ".join(d.phrase() for d in task.deadlines),
               deadline_label="; ".join(d.label() for d in deadlines),
               coordinators=names.listing(task.coordinators, task.coordinators_extra),
               missing=tuple(missing_clear(task.assignment, registry)))


def _groups(rows: tuple[Row, ...]) -> tuple[Group, ...]:
    by_lead: dict[str, list[Row]] = {}
    for row in rows:
        by_lead.setdefault(row.task.lead, []).append(row)
    groups = []
    for key, members in by_lead.items():
        counts = Counts()
        for row in members:
            counts.add(row.status.status)
        groups.append(Group(key, members[0].task.lead_name, tuple(members), counts))
    return tuple(groups)


def _loads(tasks: tuple[Task, ...], names: AgencyNames) -> tuple[AgencyLoad, ...]:
    lead: Counter = Counter(t.lead for t in tasks)
    coordinate: Counter = Counter(k for t in tasks for k in dict.fromkeys(t.coordinators) if k != t.lead)
    keys = list(dict.fromkeys([*lead, *coordinate]))
    return tuple(AgencyLoad(k, names.name(k), lead[k], coordinate[k]) for k in keys)


def status_order(status: Status) -> int:
    return STATUSES.index(status)
