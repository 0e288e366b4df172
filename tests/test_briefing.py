"""The briefing of seed 003 as a leader reads it: the PDF's words, the charts' bars, the same bytes."""
from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pdfplumber
import pytest
from briefing_build import AS_OF, SEED, built, flat, svgs
from rendered import DATA, ROOT, loaded

from baocao.documents.notice import build_document
from baocao.documents.tasks import notice_tasks
from baocao.documents.wording import Wording, templates_dir

SVG = "{http://www.w3.org/2000/svg}"
NOTICE = DATA / f"{SEED}.yaml"


@pytest.fixture(scope="module")
def seed_tasks():
    notice, registry, layout = loaded(NOTICE)
    return notice_tasks(notice, registry, build_document(notice, registry, layout, Wording(templates_dir())))


@pytest.fixture(scope="module")
def pdf_tables():
    """Every row of the task tables of the briefing PDF, with the lead agency of the heading above."""
    rows, heading = [], None
    with pdfplumber.open(built() / SEED / "bao-cao-tom-tat.pdf") as pdf:
        for page in pdf.pages:
            lines = page.extract_text_lines()
            for table in sorted(page.find_tables(), key=lambda t: t.bbox[1]):
                above = [line["text"] for line in lines if line["bottom"] <= table.bbox[1] + 1]
                found = [m.group(1) for text in above if (m := re.match(r"6\.\d+\. (.+?) \(\d+ nhiệm vụ", text))]
                heading = found[-1] if found else heading
                cells = table.extract()
                if cells and cells[0][:2] == ["Số", "Nhiệm vụ"]:
                    rows += [(heading, [flat(c or "") for c in row]) for row in cells[1:]]
                elif cells and cells[0][0] == "Số" and heading and rows:  # a table continued on a new page
                    rows += [(heading, [flat(c or "") for c in row]) for row in cells[1:]]
    return rows


def test_pdf_lists_every_task_with_its_agency_and_vietnamese_deadline(seed_tasks, pdf_tables):
    by_number = {cells[0]: (agency, cells) for agency, cells in pdf_tables}
    assert len(by_number) == len(seed_tasks) == 19
    for task in seed_tasks:
        agency, cells = by_number[task.number]
        assert agency == task.lead_name
        assert cells[1] == flat(task.text)
        for deadline in task.deadlines:
            assert deadline.phrase() in cells[3], (task.number, cells[3])
        if not task.deadlines:
            assert cells[3] == "chưa có"
    assert by_number["5.b.(i)"][1][3] == "trong Quý I/2026"
    assert by_number["5.c"][1][3] == "trước ngày 05 tháng 02 năm 2026; trong năm 2026"


def test_pdf_first_page_sums_up(seed_tasks):
    with pdfplumber.open(built() / SEED / "bao-cao-tom-tat.pdf") as pdf:
        first = flat(pdf.pages[0].extract_text())
        last = flat(pdf.pages[-1].extract_text())
        count = len(pdf.pages)
        assert all(p.width < p.height for p in (pdf.pages[0], pdf.pages[-1]))
        assert any(p.width > p.height for p in pdf.pages)  # the task tables are on landscape pages
        fonts = {c["fontname"].split("+")[-1] for p in pdf.pages for c in p.chars}
    assert fonts <= {"Liberation-Serif", "Liberation-Serif-Bold", "Liberation-Serif-Italic",
                     "Liberation-Serif-BoldItalic", "Liberation-Serif-Regular"}, fonts
    for words in ("BÁO CÁO TÓM TẮT", "Thông báo số 15/TB-VPCP ngày 16/01/2026", "Tính đến ngày 27 tháng 3 năm 2026",
                  "Thủ tướng Chính phủ Phạm Minh Chính", "Ngày 10 tháng 01 năm 2026",
                  "Tổng số 19 nhiệm vụ: đã hoàn thành 2 (đúng hạn 1, quá hạn 1); chưa hoàn thành 17 (trong hạn 17, quá hạn 0)",
                  "Thời hạn gần nhất", "31/3/2026", "Trang 1/"):
        assert words in first, words
    assert f"Trang {count}/{count}" in last


EXPECTED_BARS = {  # as of 27/3/2026 with data/thong-bao-15-tb-vpcp.tien-do.yaml, worked out by hand
    "Bộ Ngoại giao": {"trong-han": 4, "sap-den-han": 1, "hoan-thanh-qua-han": 1},
    "Bộ Công Thương": {"hoan-thanh-dung-han": 1, "sap-den-han": 1, "trong-han": 2},
    "Bộ Nông nghiệp và Môi trường": {"trong-han": 1},
    "Bộ Khoa học và Công nghệ": {"trong-han": 2},
    "Bộ Xây dựng": {"trong-han": 1},
    "Ủy ban nhân dân các tỉnh, thành phố": {"trong-han": 1},
    "Các bộ, ngành, địa phương liên quan": {"trong-han": 4},
}


def read_bars(svg: str) -> dict[str, dict[str, int]]:
    """Counts per bar and series, measured from the rectangles against the axis ticks."""
    root = ET.fromstring(svg)
    ticks = {int(g.get("data-value")): float(g.find(f"{SVG}line").get("x1")) for g in root.iter(f"{SVG}g")
             if g.get("class") == "tick"}
    top = max(ticks)
    unit = (ticks[top] - ticks[0]) / top
    bars = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "bar":
            counts: dict[str, int] = {}
            for rect in g.iter(f"{SVG}rect"):
                value = float(rect.get("width")) / unit
                assert abs(value - round(value)) < 0.01
                counts[rect.get("data-series")] = counts.get(rect.get("data-series"), 0) + round(value)
            bars[g.get("data-label")] = counts
    return bars


def test_agency_chart_has_one_bar_per_agency_with_the_right_counts():
    html = (built() / SEED / "bao-cao-tom-tat.html").read_text(encoding="utf-8")
    charts = svgs(html)
    agency_chart = next(s for s in charts if "Nhiệm vụ theo cơ quan chủ trì" in s)
    bars = read_bars(agency_chart)
    assert bars == EXPECTED_BARS
    root = ET.fromstring(agency_chart)
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "Hoàn thành đúng hạn" in labels and "Chưa hoàn thành, quá hạn" in labels
    assert "Liberation Serif" in root.get("font-family")


def test_charts_are_vector_in_the_pdf():
    with pdfplumber.open(built() / SEED / "bao-cao-tom-tat.pdf") as pdf:
        chart_pages = [p for p in pdf.pages if "Biểu đồ" in (p.extract_text() or "")]
        assert chart_pages and not any(p.images for p in chart_pages)
        rects = [r for p in chart_pages for r in p.rects]
        assert len(rects) >= sum(len(v) for v in EXPECTED_BARS.values())
        # SVG text is placed glyph by glyph: compare without the spaces a PDF reader may not see
        words = re.sub(r"\s+", "", " ".join(p.extract_text() for p in chart_pages))
    for label in ("Bộ Nông nghiệp và Môi trường", "Sắp đến hạn", "Thời hạn theo tháng", "Số thời hạn đến hạn trong kỳ"):
        assert label.replace(" ", "") in words, label


def test_html_page_is_self_contained():
    html = (built() / SEED / "bao-cao-tom-tat.html").read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?!data:|#)""", html)
    assert "url(" not in html and "@import" not in html and "<script" not in html
    assert "Content-Security-Policy" in html and len(svgs(html)) >= 3
    for svg in svgs(html):
        ET.fromstring(svg)


BRIEFING_FILES = ("bao-cao-tom-tat.pdf", "bao-cao-tom-tat.html", "nhiem-vu.csv", "nhiem-vu.xlsx", "han.ics")


@pytest.mark.slow
def test_same_bytes_across_two_processes(tmp_path):
    outs = []
    for name in ("a", "b"):
        out = tmp_path / name
        subprocess.run([sys.executable, "-m", "baocao", "build", str(DATA), "--out", str(out), "--as-of", AS_OF],
                       check=True, capture_output=True, cwd=ROOT, env={"PATH": "/usr/bin:/bin"})
        outs.append(out)
    files = sorted(p.relative_to(outs[0]) for p in outs[0].rglob("*") if p.is_file())
    assert {f.name for f in files} >= {*BRIEFING_FILES, "bao-cao-tong-hop.pdf", "bao-cao-tong-hop.xlsx"}
    assert files == sorted(p.relative_to(outs[1]) for p in outs[1].rglob("*") if p.is_file())
    for f in files:
        assert (outs[0] / f).read_bytes() == (outs[1] / f).read_bytes(), f
    for name in BRIEFING_FILES:
        assert (outs[0] / SEED / name).read_bytes() == (built() / SEED / name).read_bytes(), name


def test_another_day_changes_the_statuses_not_the_calendar():
    later = built("2026-04-15")
    assert (later / SEED / "han.ics").read_bytes() == (built() / SEED / "han.ics").read_bytes()
    html = (later / SEED / "bao-cao-tom-tat.html").read_text(encoding="utf-8")
    bars = read_bars(next(s for s in svgs(html) if "Nhiệm vụ theo cơ quan chủ trì" in s))
    assert bars["Bộ Ngoại giao"] == {"trong-han": 4, "qua-han": 1, "hoan-thanh-qua-han": 1}
    assert bars["Bộ Công Thương"] == {"hoan-thanh-dung-han": 1, "qua-han": 1, "trong-han": 2}


def test_check_does_not_judge_the_briefing_as_a_notice():
    """`baocao check output/` meets the briefings too: their PDFs say they are follow-up reports,
    not administrative documents, so no rule is judged (no false FAIL), unless --kind forces it."""
    from baocao.check import FAIL, SKIP, check_file
    from baocao.check.kinds import NOT_ADMINISTRATIVE

    for path in (built() / SEED / "bao-cao-tom-tat.pdf", built() / "tong-hop" / "bao-cao-tong-hop.pdf"):
        report = check_file(str(path))
        assert report.kind == NOT_ADMINISTRATIVE and report.ok
        assert {f.status for f in report.findings} == {SKIP} and len(report.findings) == 43
        assert "báo cáo theo dõi nhiệm vụ do baocao dựng" in report.findings[0].message
    forced = check_file(str(built() / SEED / "bao-cao-tom-tat.pdf"), kind="thong-bao")
    assert any(f.rule == "R8" and f.status == FAIL for f in forced.findings)
    notice = check_file(str(built() / SEED / "thong-bao.pdf"))
    assert notice.kind == "thong-bao" and notice.ok
    from baocao.documents.follow_up import MARK        # only baocao's own reports carry the mark
    assert not MARK.on({"Creator": "Microsoft Word", "Keywords": MARK.keyword})
    assert not MARK.on({"Creator": MARK.creator, "Keywords": "Thông báo"})
