"""Deadlines as iCalendar (RFC 5545, written by the ``icalendar`` library): ``han.ics`` for the
notice and one calendar per agency, with the tasks it leads or coordinates.

Every dated deadline is an all-day event on its last on-time day (see
:mod:`baocao.documents.status`): a task with two deadlines has two events. A recurring deadline
is one event that repeats (RRULE), for as long as the task recurs. "Thường xuyên" and tasks
without a deadline have no event. The summary names the lead agency and the task's number;
the description holds the task's words, coordinators, product and whom to report to; an alarm
rings the number of days before that ``--sap-den-han`` gives. UIDs are made of the notice and
the task identifier, so a calendar that subscribed to the file updates its events instead of
doubling them; DTSTAMP is the notice's own time stamp, so the file changes only with the notice.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from baocao.documents.briefing import Briefing, Row
from baocao.documents.status import last_day_on_time, recurring_due_days
from baocao.render.briefing import excerpt
from baocao.vi.deadlines import Deadline

PRODID = "-//baocao//Han nhiem vu//VI"
SUMMARY_WORDS = 90
_FREQ_MONTHS = {"thang": 1, "quy": 3, "nua_nam": 6}


def _recurrence(deadline: Deadline, first: dt.date) -> dict | None:
    """The RRULE of a recurring deadline whose first on-time day is *first*; None when a rule
    cannot say it exactly (a period due "before the 1st")."""
    if deadline.day == 1:
        return None
    if deadline.period == "nam":
        return {"freq": "yearly", "bymonth": [first.month], "bymonthday": [first.day if deadline.day else -1]}
    rule: dict = {"freq": "monthly", "bymonthday": [deadline.day - 1 if deadline.day else -1]}
    if _FREQ_MONTHS[deadline.period] > 1:  # type: ignore[index]
        rule["interval"] = _FREQ_MONTHS[deadline.period]  # type: ignore[index]
    return rule


def _description(briefing: Briefing, row: Row, deadline: Deadline) -> str:
    task = row.task
    lines = [f"{briefing.title}, {task.position} (số {task.number})",
             f"Thời hạn: {deadline.phrase()}",
             f"Cơ quan chủ trì: {task.lead_name}"]
    if row.coordinators:
        lines.append(f"Cơ quan phối hợp: {row.coordinators}")
    if task.product:
        lines.append(f"Sản phẩm: {task.product}")
    if task.report_to_name:
        lines.append(f"Báo cáo: {task.report_to_name}")
    return "\n".join(lines + ["", task.text])


def _events(briefing: Briefing, rows: Iterable[Row]):
    from icalendar import Alarm, Event

    stamp = briefing.issued.astimezone(dt.timezone.utc)
    start = briefing.notice_day or briefing.options.as_of
    for row in rows:
        for k, deadline in enumerate(row.task.deadlines, start=1):
            if deadline.recurring:
                days = recurring_due_days(deadline, start, start + dt.timedelta(days=2 * 366))
                if not days:
                    continue
                first, rule = days[0], _recurrence(deadline, days[0])
            else:
                first, rule = last_day_on_time(deadline), None
                if first is None:
                    continue
            event = Event()
            event.add("uid", f"{briefing.notice_key}.{row.task.id}.{k}@baocao")
            event.add("dtstamp", stamp)
            event.add("dtstart", first)
            event.add("dtend", first + dt.timedelta(days=1))
            if deadline.recurring:
                if rule is not None:
                    event.add("rrule", rule)
                elif len(days) > 1:
                    event.add("rdate", days[1:])
            event.add("summary", f"{row.task.lead_name} – {row.task.number}: "
                                 f"{excerpt(row.task.text, SUMMARY_WORDS)}")
            event.add("description", _description(briefing, row, deadline))
            event.add("categories", [row.task.lead_name])
            event.add("transp", "TRANSPARENT")
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Sắp đến hạn: {row.task.lead_name} – {row.task.number}")
            alarm.add("trigger", -dt.timedelta(days=briefing.options.soon_days))
            event.add_component(alarm)
            yield event


def calendar_bytes(briefing: Briefing, rows: Iterable[Row], name: str) -> bytes | None:
    """One calendar of the deadlines of *rows*; None when none of them is dated (RFC 5545
    wants at least one event in a calendar)."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-caldesc", briefing.summary)
    events = list(_events(briefing, rows))
    if not events:
        return None
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def notice_calendar(briefing: Briefing) -> bytes | None:
    return calendar_bytes(briefing, briefing.rows, f"Hạn nhiệm vụ: {briefing.title}")


def agency_calendars(briefing: Briefing) -> dict[str, bytes]:
    """{agency key: calendar} for every agency that leads or coordinates a dated task."""
    out = {}
    for load in briefing.loads_in_order:
        rows = [r for r in briefing.rows if r.task.lead == load.key or load.key in r.task.coordinators]
        data = calendar_bytes(briefing, rows, f"Hạn nhiệm vụ của {load.name}: {briefing.title}")
        if data is not None:
            out[load.key] = data
    return out
