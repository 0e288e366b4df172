"""Exports of the briefing: the CSV round-trips, the XLSX opens in openpyxl, the calendars parse
with icalendar and with vobject (a second, independent reader)."""
from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest
import vobject
from briefing_build import SEED, built
from icalendar import Calendar
from rendered import DATA, loaded

from baocao.documents.notice import build_document
from baocao.documents.status import last_day_on_time
from baocao.documents.tasks import notice_tasks
from baocao.documents.wording import Wording, templates_dir
from baocao.render.tables import COLUMNS


@pytest.fixture(scope="module")
def tasks():
    notice, registry, layout = loaded(DATA / f"{SEED}.yaml")
    return notice_tasks(notice, registry, build_document(notice, registry, layout, Wording(templates_dir())))


def csv_rows() -> list[dict[str, str]]:
    raw = (built() / SEED / "nhiem-vu.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_round_trips(tasks):
    rows = csv_rows()
    assert [r["Mã nhiệm vụ"] for r in rows] == [t.id for t in tasks]
    for row, task in zip(rows, tasks):
        assert (row["Số hiệu"], row["Cơ quan chủ trì"], row["Nhiệm vụ"]) == (task.number, task.lead_name, task.text)
        assert row["Thời hạn"] == "; ".join(d.phrase() for d in task.deadlines)
        assert row["Sản phẩm"] == (task.product or "")
    by_number = {r["Số hiệu"]: r for r in rows}
    assert by_number["5.h"]["Ngày hoàn thành"] == "2026-03-02" and by_number["5.h"]["Tình trạng"] == "Hoàn thành quá hạn"
    assert by_number["5.b.(i)"]["Hạn hoàn thành"] == "2026-03-31"
    assert dt.date.fromisoformat(by_number["5.đ"]["Hạn hoàn thành"]) == dt.date(2026, 12, 31)
    # written back as CSV, the same bytes
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=[c.header for c in COLUMNS], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    assert ("\ufeff" + out.getvalue()).encode("utf-8") == (built() / SEED / "nhiem-vu.csv").read_bytes()


def test_csv_defuses_formulas():
    from baocao.render.tables import _csv_cell

    assert _csv_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")" and _csv_cell("Bộ") == "Bộ"


def test_xlsx_has_rows_types_frozen_header_and_filter(tasks):
    book = openpyxl.load_workbook(built() / SEED / "nhiem-vu.xlsx")
    assert book.sheetnames == ["Nhiệm vụ", "Theo cơ quan", "Thông tin"]
    sheet = book["Nhiệm vụ"]
    header = [c.value for c in sheet[1]]
    assert header == [c.header for c in COLUMNS]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(COLUMNS))}{len(tasks) + 1}"
    rows = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
    assert [r["Mã nhiệm vụ"] for r in rows] == [t.id for t in tasks]
    by_number = {r["Số hiệu"]: r for r in rows}
    done = by_number["5.h"]
    assert isinstance(done["Ngày hoàn thành"], dt.datetime) and done["Ngày hoàn thành"].date() == dt.date(2026, 3, 2)
    assert isinstance(by_number["5.b.(i)"]["Hạn hoàn thành"], dt.datetime)
    assert by_number["5.a.(i)"]["Hạn hoàn thành"] is None
    cell = sheet.cell(row=2 + list(by_number).index("5.h"), column=header.index("Ngày hoàn thành") + 1)
    assert cell.is_date and cell.number_format == "dd/mm/yyyy"
    agencies = book["Theo cơ quan"]
    totals = [c.value for c in agencies[agencies.max_row]]
    assert totals[:2] == ["Tổng cộng", len(tasks)] and agencies.freeze_panes == "A2"
    assert book.properties.creator == "Văn phòng Chính phủ"
    assert book.properties.created == dt.datetime(2026, 3, 27, 1, 0)


def dated_deadlines(tasks):
    return [(t, k, d) for t in tasks for k, d in enumerate(t.deadlines, start=1) if last_day_on_time(d) or d.recurring]


def test_calendar_parses_with_icalendar(tasks):
    calendar = Calendar.from_ical((built() / SEED / "han.ics").read_bytes())
    events = calendar.walk("VEVENT")
    expected = dated_deadlines(tasks)
    assert len(events) == len(expected) == 9
    assert str(calendar["VERSION"]) == "2.0" and "baocao" in str(calendar["PRODID"])
    for event, (task, k, deadline) in zip(events, expected):
        assert str(event["UID"]) == f"{SEED}.{task.id}.{k}@baocao"
        start = event.decoded("DTSTART")
        assert type(start) is dt.date and start == last_day_on_time(deadline)
        assert event.decoded("DTEND") == start + dt.timedelta(days=1)
        assert str(event["SUMMARY"]).startswith(f"{task.lead_name} – {task.number}: ")
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 1, 16, 1, 0, tzinfo=dt.timezone.utc)
        assert deadline.phrase() in str(event["DESCRIPTION"])
        assert event.walk("VALARM")[0].decoded("TRIGGER") == -dt.timedelta(days=7)
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_calendar_parses_with_a_second_reader(tasks):
    calendar = vobject.readOne((built() / SEED / "han.ics").read_text(encoding="utf-8"))
    events = calendar.vevent_list
    expected = dated_deadlines(tasks)
    assert [e.uid.value for e in events] == [f"{SEED}.{t.id}.{k}@baocao" for t, k, _d in expected]
    assert [e.dtstart.value for e in events] == [last_day_on_time(d) for _t, _k, d in expected]
    assert all(e.summary.value.startswith(f"{t.lead_name} – {t.number}") for e, (t, _k, _d) in zip(events, expected))
    with_coordinator = next(e for e in events if e.summary.value.startswith("Bộ Xây dựng – 5.đ"))
    assert "Cơ quan phối hợp: Bộ Ngoại giao, Bộ Tài chính và các cơ quan liên quan" in with_coordinator.description.value


def test_each_agency_has_a_calendar_of_what_it_leads_or_coordinates(tasks):
    folder = built() / SEED / "trich-sao"
    whole = {str(e["UID"]): e for e in Calendar.from_ical((built() / SEED / "han.ics").read_bytes()).walk("VEVENT")}
    names = {p.stem for p in folder.glob("*.ics")}
    assert {"bo-ngoai-giao", "bo-tai-chinh", "van-phong-chinh-phu", "bo-xay-dung"} <= names
    for path in folder.glob("*.ics"):
        events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        expected = {f"{SEED}.{t.id}.{k}@baocao" for t, k, _d in dated_deadlines(tasks)
                    if t.lead == path.stem or path.stem in t.coordinators}
        assert {str(e["UID"]) for e in events} == expected, path.name
        for event in events:
            assert event.to_ical() == whole[str(event["UID"])].to_ical()
    assert not (folder / "bo-khoa-hoc-va-cong-nghe.ics").exists()  # its tasks have no deadline


def test_recurrence_rules():
    from baocao.render.calendar import _recurrence
    from baocao.vi.deadlines import Deadline

    assert _recurrence(Deadline.parse("truoc 15 hang-thang"), dt.date(2026, 2, 14)) == \
        {"freq": "monthly", "bymonthday": [14]}
    assert _recurrence(Deadline.parse("hang-quy"), dt.date(2026, 3, 31)) == \
        {"freq": "monthly", "bymonthday": [-1], "interval": 3}
    assert _recurrence(Deadline.parse("truoc 15/12 hang-nam"), dt.date(2026, 12, 14)) == \
        {"freq": "yearly", "bymonth": [12], "bymonthday": [14]}
