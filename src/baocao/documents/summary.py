"""The cross-notice summary: every task of every notice, counted the way the Government reports.

Lines by notice, by lead agency (an agency's tasks across all notices, found by its registry key)
and by month (the month the task's last dated deadline falls in; tasks that recur, are ongoing
or have no deadline get lines of their own), each with the four cells of the 2×2 scheme and the
shares finished and late.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from baocao import vi
from baocao.documents.briefing import Briefing, Counts, Row
from baocao.documents.status import StatusOptions


@dataclass(frozen=True)
class Line:
    label: str
    counts: Counts


@dataclass(frozen=True)
class Summary:
    options: StatusOptions
    as_of_text: str
    briefings: tuple[Briefing, ...]
    total: Counts
    by_notice: tuple[Line, ...]
    by_agency: tuple[Line, ...]
    by_month: tuple[Line, ...]
    created: dt.datetime
    issuer: str

    @property
    def rows(self) -> tuple[tuple[Briefing, Row], ...]:
        return tuple((b, r) for b in self.briefings for r in b.rows)


UNDATED = ("Nhiệm vụ định kỳ", "Nhiệm vụ thường xuyên", "Chưa có thời hạn")


def month_of(row: Row) -> tuple[int, str]:
    """(sort key, label) of the line *row* is counted in by month."""
    due = row.final_due
    if due is not None:
        return due.year * 12 + due.month, f"Tháng {due.month:02d}/{due.year}"
    kinds = {d.kind for d in row.task.deadlines}
    which = 0 if "dinh_ky" in kinds else 1 if "thuong_xuyen" in kinds else 2
    return 10 ** 6 + which, UNDATED[which]


def _lines(rows: Sequence[Row], key: Callable[[Row], tuple]) -> tuple[Line, ...]:
    found: dict[tuple, Counts] = {}
    for row in rows:
        found.setdefault(key(row), Counts()).add(row.status.status)
    return tuple(Line(k[-1], counts) for k, counts in sorted(found.items(), key=lambda kv: kv[0][:-1]))


def build_summary(briefings: Sequence[Briefing], options: StatusOptions, created: dt.datetime) -> Summary:
    briefings = tuple(sorted(briefings, key=lambda b: (b.notice_day or dt.date.min, b.notice_key)))
    rows = [r for b in briefings for r in b.rows]
    total = Counts()
    for row in rows:
        total.add(row.status.status)
    names: dict[str, str] = {}
    for row in rows:
        names.setdefault(row.task.lead, row.task.lead_name)
    issuers = list(dict.fromkeys(b.issuer for b in briefings))
    return Summary(
        options=options, as_of_text=vi.format_date(options.as_of), briefings=briefings, total=total,
        by_notice=tuple(Line(b.title, b.counts) for b in briefings),
        by_agency=_lines(rows, lambda r: (vi.sort_key(names[r.task.lead]), names[r.task.lead])),
        by_month=_lines(rows, lambda r: (*month_of(r)[:1], month_of(r)[1])),
        created=created, issuer=issuers[0] if len(issuers) == 1 else "",
    )
