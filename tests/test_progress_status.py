"""Status of a task on a day: the 2×2 scheme, "sắp đến hạn", milestones, recurring and ongoing tasks."""
from __future__ import annotations

import datetime as dt

import pytest

from baocao.data.progress import Done, TaskProgress
from baocao.documents.briefing import Counts
from baocao.documents.status import Status, StatusOptions, last_day_on_time, recurring_due_days, task_status
from baocao.vi.deadlines import Deadline

START = dt.date(2026, 1, 16)
D = dt.date


def status(deadlines: str | tuple, as_of: str, progress: TaskProgress | None = None, soon: int = 7):
    parsed = tuple(Deadline.parse(d) for d in ((deadlines,) if isinstance(deadlines, str) else deadlines))
    return task_status(parsed, progress, START, StatusOptions(D.fromisoformat(as_of), soon))


def done(day: str, **kw) -> TaskProgress:
    return TaskProgress("t", "hoan-thanh", completed=D.fromisoformat(day), **kw)


def test_before_a_day_means_by_the_day_before():
    assert last_day_on_time(Deadline.parse("truoc 2026-02-05")) == D(2026, 2, 4)
    assert last_day_on_time(Deadline.parse("2026-02-05")) == D(2026, 2, 5)
    assert last_day_on_time(Deadline.parse("2026-Q1")) == D(2026, 3, 31)
    assert status("truoc 2026-02-05", "2026-02-06", done("2026-02-05")).status == Status.DONE_LATE
    assert status("2026-02-05", "2026-02-06", done("2026-02-05")).status == Status.DONE_ON_TIME
    s = status("truoc 2026-02-05", "2026-02-05")
    assert s.status == Status.OVERDUE and s.days_overdue == 1 and "quá hạn 1 ngày (hạn 04/02/2026)" == s.detail


@pytest.mark.parametrize("as_of, expected", [
    ("2026-03-01", Status.IN_TIME), ("2026-03-24", Status.DUE_SOON), ("2026-03-31", Status.DUE_SOON),
    ("2026-04-01", Status.OVERDUE),
])
def test_open_task_by_day(as_of, expected):
    assert status("2026-Q1", as_of).status == expected


def test_soon_is_configurable():
    assert status("2026-Q1", "2026-03-10", soon=30).status == Status.DUE_SOON
    assert status("2026-Q1", "2026-03-30", soon=0).status == Status.IN_TIME
    assert status("2026-Q1", "2026-03-31", soon=0).detail == "hạn hôm nay (hạn 31/3/2026)"


def test_a_completion_after_the_day_is_not_yet_true():
    s = status("2026-Q1", "2026-03-24", done("2026-03-25"))
    assert s.status == Status.DUE_SOON and s.completed is None and s.state == "dang-thuc-hien"
    s = status("2026-Q1", "2026-04-20", done("2026-04-02"))
    assert s.status == Status.DONE_LATE and s.detail == "hoàn thành chậm 2 ngày (hạn 31/3/2026)"


def test_milestones_of_a_task_with_two_deadlines():
    first = Deadline.parse("truoc 2026-02-05")
    met = TaskProgress("t", "dang-thuc-hien", milestones=((first, Done(D(2026, 2, 3))),))
    assert status(("truoc 2026-02-05", "2026"), "2026-02-10").status == Status.OVERDUE
    s = status(("truoc 2026-02-05", "2026"), "2026-02-10", met)
    assert s.status == Status.IN_TIME and s.due == D(2026, 12, 31)
    assert [o.status for o in s.occurrences] == [Status.DONE_ON_TIME, Status.IN_TIME]
    # finished on time overall, but the first milestone was met late: finished late
    late = done("2026-11-01", milestones=((first, Done(D(2026, 2, 20))),))
    assert status(("truoc 2026-02-05", "2026"), "2026-12-01", late).status == Status.DONE_LATE


def test_recurring_deadlines_take_the_reports_in_order():
    deadline = Deadline.parse("truoc 15 hang-thang")
    assert recurring_due_days(deadline, START, D(2026, 4, 30)) == [D(2026, 2, 14), D(2026, 3, 14), D(2026, 4, 14)]
    reports = TaskProgress("t", "dang-thuc-hien", reports=(Done(D(2026, 2, 10)), Done(D(2026, 3, 20))))
    s = status("truoc 15 hang-thang", "2026-04-20", reports)
    assert s.status == Status.OVERDUE and s.due == D(2026, 4, 14) and s.days_overdue == 6
    past = [o for o in s.occurrences if o.due < D(2026, 4, 20)]
    assert [o.status for o in past] == [Status.DONE_ON_TIME, Status.DONE_LATE, Status.OVERDUE]
    s = status("truoc 15 hang-thang", "2026-03-10", TaskProgress("t", "dang-thuc-hien", reports=(Done(D(2026, 2, 1)),)))
    assert s.status == Status.DUE_SOON and s.detail == "còn 4 ngày (kỳ tới 14/3/2026)"


def test_a_recurring_task_closed_is_finished():
    s = status("hang-quy", "2026-08-01", done("2026-07-01", reports=(Done(D(2026, 3, 30)), Done(D(2026, 6, 29)))))
    assert s.status == Status.DONE_ON_TIME
    s = status("hang-quy", "2026-08-01", done("2026-07-01", reports=(Done(D(2026, 3, 30)),)))
    assert s.status == Status.DONE_LATE


def test_ongoing_and_undated_tasks_are_never_overdue():
    for deadlines in ("thuong-xuyen", ()):
        s = status(deadlines, "2030-01-01")
        assert s.status == Status.IN_TIME and s.days_overdue is None
        assert status(deadlines, "2030-01-01", done("2026-05-01")).status == Status.DONE_ON_TIME
    assert status("thuong-xuyen", "2030-01-01").detail == "thường xuyên"


def test_counts_in_the_government_wording():
    counts = Counts()
    for s in [Status.DONE_ON_TIME] * 14068 + [Status.DONE_LATE] * 1983 + [Status.IN_TIME] * 5600 \
            + [Status.DUE_SOON] * 40 + [Status.OVERDUE] * 223:
        counts.add(s)
    assert counts.sentence() == ("21.914 nhiệm vụ: đã hoàn thành 16.051 (đúng hạn 14.068, quá hạn 1.983); "
                                 "chưa hoàn thành 5.863 (trong hạn 5.640, quá hạn 223)")
    assert counts.share(counts.done) == "73,2%"
