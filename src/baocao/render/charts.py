"""The three charts of the briefing, from a :class:`~baocao.documents.briefing.Briefing`.

* tasks per lead agency, stacked by status;
* deadlines on a timeline, by month (by quarter when they span more than two years), each
  deadline (and each period of a recurring one) coloured by how it stands;
* the load of each agency: tasks it leads beside tasks it coordinates.

Long lists are cut into several charts (:data:`AGENCIES_PER_CHART`) so that 40 agencies stay
readable, each chart on a page of its own.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from baocao.documents.briefing import Briefing
from baocao.documents.status import STATUSES, Status
from baocao.render.svg import Bar, Series, columns, horizontal_bars
from baocao.vi.numbering import roman

AGENCIES_PER_CHART = 22          # stacked bars, so that a chart of two-line names fits an A4 page
AGENCIES_PER_LOAD_CHART = 20     # two bars per agency
MONTHS_MAX = 24

COLORS = {
    Status.DONE_ON_TIME: ("#1b7837", "#fff"),
    Status.DONE_LATE: ("#a6dba0", "#000"),
    Status.IN_TIME: ("#4393c3", "#fff"),
    Status.DUE_SOON: ("#f4a582", "#000"),
    Status.OVERDUE: ("#b2182b", "#fff"),
}
STATUS_SERIES = tuple(Series(s.value, s.text, *COLORS[s]) for s in STATUSES)
LOAD_SERIES = (Series("chu-tri", "Chủ trì", "#2166ac", "#fff"), Series("phoi-hop", "Phối hợp", "#92c5de"))


@dataclass(frozen=True)
class Chart:
    title: str
    svg: str
    note: str = ""


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def _part(title: str, i: int, n: int) -> str:
    return title if n == 1 else f"{title} ({i + 1}/{n})"


def agency_charts(briefing: Briefing) -> list[Chart]:
    bars = [Bar(g.name, tuple(g.counts[s] for s in STATUSES)) for g in briefing.groups]
    chunks = _chunks(bars, AGENCIES_PER_CHART)
    title = "Nhiệm vụ theo cơ quan chủ trì và tình trạng"
    return [Chart(_part(title, i, len(chunks)),
                  horizontal_bars(_part(title, i, len(chunks)), chunk, STATUS_SERIES, "Số nhiệm vụ"))
            for i, chunk in enumerate(chunks)]


def load_charts(briefing: Briefing) -> list[Chart]:
    loads = sorted(briefing.loads_in_order, key=lambda a: -(a.lead + a.coordinate))
    bars = [Bar(a.name, (a.lead, a.coordinate)) for a in loads]
    chunks = _chunks(bars, AGENCIES_PER_LOAD_CHART)
    title = "Nhiệm vụ chủ trì và phối hợp của từng cơ quan"
    return [Chart(_part(title, i, len(chunks)),
                  horizontal_bars(_part(title, i, len(chunks)), chunk, LOAD_SERIES, "Số nhiệm vụ", grouped=True))
            for i, chunk in enumerate(chunks)]


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def timeline_chart(briefing: Briefing) -> Chart | None:
    """Deadlines by the month (or quarter) they fall due; None when no task has a dated deadline."""
    one_off = [o for r in briefing.rows for o in r.status.occurrences if not o.deadline.recurring]
    if not any(r.status.occurrences for r in briefing.rows):
        return None
    end = max([o.due for o in one_off] + [briefing.options.as_of])
    occurrences = [o for r in briefing.rows for o in r.status.occurrences if o.due <= end]
    if not occurrences:
        return None
    first = min(o.due for o in occurrences)
    by_quarter = _month_index(end) - _month_index(first) + 1 > MONTHS_MAX
    if by_quarter:
        slots = range(first.year * 4 + (first.month - 1) // 3, end.year * 4 + (end.month - 1) // 3 + 1)
        slot_of = lambda d: d.year * 4 + (d.month - 1) // 3  # noqa: E731
        labels = {s: (f"Quý {roman(s % 4 + 1)}/{s // 4}", f"Q.{roman(s % 4 + 1)}", str(s // 4)) for s in slots}
    else:
        slots = range(_month_index(first), _month_index(end) + 1)
        slot_of = _month_index
        labels = {s: (f"Tháng {s % 12 + 1:02d}/{s // 12}", f"T{s % 12 + 1:02d}", str(s // 12)) for s in slots}
    counts = {s: [0] * len(STATUSES) for s in slots}
    for o in occurrences:
        counts[slot_of(o.due)][STATUSES.index(o.status)] += 1
    bars, captions, year = [], [], None
    for s in slots:
        name, short, year_text = labels[s]
        bars.append(Bar(name, tuple(counts[s])))
        captions.append((short, year_text if year_text != year else ""))
        year = year_text
    title = "Thời hạn theo " + ("quý" if by_quarter else "tháng")
    untimed = sum(1 for r in briefing.rows if not r.status.occurrences)
    recurring = sum(1 for r in briefing.rows if any(d.recurring for d in r.task.deadlines))
    note = []
    if recurring:
        note.append(f"mỗi kỳ của {recurring} nhiệm vụ định kỳ tính là một thời hạn")
    if untimed:
        note.append(f"{untimed} nhiệm vụ thường xuyên hoặc chưa có thời hạn không có trên biểu đồ")
    return Chart(title, columns(title, bars, STATUS_SERIES, "Số thời hạn đến hạn trong kỳ", captions),
                 ("Ghi chú: " + "; ".join(note) + ".") if note else "")
