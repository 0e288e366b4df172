"""A generated notice of 200 tasks over 40 agencies: the briefing renders, stays readable (charts cut
to fit a page, every task listed), and recurring deadlines repeat in the calendar."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pdfplumber
import pytest
import vobject
from briefing_build import AS_OF, flat, run, svgs
from large_notice import write_large_notice

from baocao.documents.status import recurring_due_days
from baocao.vi.deadlines import Deadline

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    folder = tmp_path_factory.mktemp("large")
    write_large_notice(folder / "data")
    out = folder / "out"
    status, _out, err = run(["build", str(folder / "data"), "--out", str(out), "--as-of", AS_OF])
    assert status == 0, err
    return out / "thong-bao-lon"


@pytest.mark.slow
def test_two_hundred_tasks_over_forty_agencies(large):
    with pdfplumber.open(large / "bao-cao-tom-tat.pdf") as pdf:
        text = flat(" ".join(page.extract_text() for page in pdf.pages))
        pages = len(pdf.pages)
        heights = [page.height for page in pdf.pages]
    assert "Tổng số 200 nhiệm vụ" in text and "2. Cơ quan được giao nhiệm vụ (40)" in text
    assert f"Trang {pages}/{pages}" in text and pages < 60
    headings = [f"6.{i}. " for i in range(1, 41)]
    assert all(h in text for h in headings)
    html = (large / "bao-cao-tom-tat.html").read_text(encoding="utf-8")
    charts = [ET.fromstring(s) for s in svgs(html)]
    agency_charts = [c for c in charts if "theo cơ quan chủ trì" in c.get("aria-label")]
    bars = [g for c in agency_charts for g in c.iter(f"{SVG}g") if g.get("class") == "bar"]
    assert len(agency_charts) == 2 and len(bars) == 40
    for chart in charts:  # every chart fits the height of a page at the page's width
        width, height = float(chart.get("width")), float(chart.get("height"))
        assert height * 180 / width < 240, chart.get("aria-label")
    assert min(heights) > 500


def test_recurring_deadlines_repeat_in_the_calendar(large):
    calendar = vobject.readOne((large / "han.ics").read_text(encoding="utf-8"))
    monthly = [e for e in calendar.vevent_list if "rrule" in e.contents and "Thời hạn: hằng tháng" in e.description.value]
    assert monthly
    expected = recurring_due_days(Deadline.parse("hang-thang"), dt.date(2026, 1, 16), dt.date(2026, 12, 31))
    for event in monthly:
        rule = event.getrruleset()
        days = [d.date() if isinstance(d, dt.datetime) else d for d in rule.between(
            dt.datetime(2026, 1, 1), dt.datetime(2026, 12, 31, 23, 59), inc=True)]
        assert days == expected
    quarterly = [e for e in calendar.vevent_list if "trước ngày 20 của tháng cuối quý" in e.description.value]
    expected = recurring_due_days(Deadline.parse("truoc 20 hang-quy"), dt.date(2026, 1, 16), dt.date(2026, 12, 31))
    assert quarterly and expected == [dt.date(2026, 3, 19), dt.date(2026, 6, 19), dt.date(2026, 9, 19),
                                      dt.date(2026, 12, 19)]
    for event in quarterly:
        days = [d.date() for d in event.getrruleset().between(dt.datetime(2026, 1, 1), dt.datetime(2026, 12, 31), inc=True)]
        assert days == expected
