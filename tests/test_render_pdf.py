"""The PDF of every sample notice, read with pdfplumber and checked against nd30.md."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pdfplumber
import pytest
from rendered import ROOT, built, loaded, normalise, sample_notices

NOTICES = sample_notices()
IDS = [p.stem for p in NOTICES]
MM = 72 / 25.4


@pytest.fixture(scope="module", params=NOTICES, ids=IDS)
def case(request):
    path = request.param
    notice, _registry, layout = loaded(path)
    pdf = pdfplumber.open(built(path)["pdf"])
    yield pdf, notice, layout
    pdf.close()


def lines(page, x0: float | None = None, x1: float | None = None):
    """Text lines of a page, or of a vertical strip of it: (text, top, x0, x1, size, first char's font)."""
    if x0 is not None or x1 is not None:
        page = page.crop((x0 or 0, 0, x1 or page.width, page.height))
    out = []
    for line in page.extract_text_lines(return_chars=True, keep_blank_chars=True):
        chars = [c for c in line["chars"] if c["text"].strip()]
        if chars:
            out.append((line["text"].strip(), line["top"], line["x0"], line["x1"],
                        round(chars[0]["size"], 1), chars[0]["fontname"]))
    return out


def find(page, text, x0=None, x1=None):
    found = [l for l in lines(page, x0, x1) if l[0] == text]
    assert found, f"{text!r} not found"
    return found[0]


def test_page_size_and_margins(case):  # R1–R3
    pdf, _, layout = case
    for page in pdf.pages:
        assert abs(page.width / MM - 210) < 1 and abs(page.height / MM - 297) < 1
        top = layout.margin_top_mm * MM
        for c in page.chars:
            if not c["text"].strip():
                continue
            assert c["x0"] >= layout.margin_left_mm * MM - 1, c
            assert c["x1"] <= page.width - layout.margin_right_mm * MM + 1, c
            assert c["bottom"] <= page.height - layout.margin_bottom_mm * MM + 1, c
            if c["top"] < top:  # only the page number lives in the top margin
                assert c["text"].isdigit() and page.page_number > 1, c


def test_fonts_embedded_times_metric_twin_black_and_sized(case):  # R4, R5, R7
    pdf, _, _ = case
    for page in pdf.pages:
        for c in page.chars:
            if not c["text"].strip():
                continue
            name = c["fontname"].split("+")[-1]
            assert re.match(r"(Liberation-?Serif|Tinos|TimesNewRoman)", name), name
            assert round(c["size"]) in {10, 11, 12, 13, 14}, c
            assert c["non_stroking_color"] in (None, (0,), [0], (0, 0, 0), [0, 0, 0], 0), c["non_stroking_color"]
    fonts = subprocess.run(["pdffonts", str(pdf.stream.name)], capture_output=True, text=True)
    if fonts.returncode == 0:
        rows = fonts.stdout.splitlines()[2:]
        assert rows and all(" yes " in row for row in rows), fonts.stdout  # embedded


def test_header_text_styles(case):  # R9, R10, R12, R14, R17, R20
    pdf, notice, layout = case
    page = pdf.pages[0]
    right_left = (layout.margin_left_mm + layout.header_left_mm) * MM
    national = find(page, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right_left)
    motto = find(page, "Độc lập - Tự do - Hạnh phúc", right_left)
    assert "Bold" in national[5] and "Bold" in motto[5] and "Italic" not in national[5]
    assert 12 <= national[4] <= 13 and 13 <= motto[4] <= 14 and motto[4] >= national[4]
    right_centre = right_left + layout.header_right_mm * MM / 2
    for line in (national, motto):
        assert abs((line[2] + line[3]) / 2 - right_centre) < 2
    number = next(l for l in lines(page, None, right_left) if l[0].startswith("Số:"))
    place = next(l for l in lines(page, right_left) if ", ngày " in l[0])
    assert re.match(r"^Số: (0[1-9]|[1-9]\d+)/TB-", number[0])
    assert "Italic" in place[5] and 13 <= place[4] <= 14
    assert abs(number[1] - place[1]) < 6  # same row
    title = find(page, "THÔNG BÁO")
    assert "Bold" in title[5]
    text_centre = (layout.margin_left_mm + layout.text_width_mm / 2) * MM
    assert abs((title[2] + title[3]) / 2 - text_centre) < 2


def horizontal_rules(page):
    rules = [(r["x0"], r["x1"], r["top"]) for r in page.rects if r["height"] < 2 and r["width"] > 5]
    rules += [(l["x0"], l["x1"], l["top"]) for l in page.lines if abs(l["top"] - l["bottom"]) < 1]
    return rules


def test_rules_under_motto_agency_and_summary(case):  # R11, R13, R22
    pdf, _, layout = case
    page = pdf.pages[0]
    rules = horizontal_rules(page)
    motto = find(page, "Độc lập - Tự do - Hạnh phúc", (layout.margin_left_mm + layout.header_left_mm) * MM)
    under_motto = [r for r in rules if 0 < r[2] - motto[1] < 25 and r[0] > motto[2] - 20]
    assert under_motto, rules
    width = under_motto[0][1] - under_motto[0][0]
    assert abs(width / (motto[3] - motto[2]) - 1) <= 0.10
    title_top = find(page, "THÔNG BÁO")[1]
    agency_rules = [r for r in rules if r[2] < title_top and r[1] < (motto[2] - 5)]
    assert agency_rules, "no line under the agency name"
    summary_rules = [r for r in rules if r[2] > title_top]
    assert summary_rules, "no line under the trích yếu"


def test_page_numbers(case):  # R40
    pdf, _, layout = case
    assert len(pdf.pages) >= 1
    for page in pdf.pages:
        top_chars = [c for c in page.chars if c["bottom"] < layout.margin_top_mm * MM and c["text"].strip()]
        if page.page_number == 1:
            assert not top_chars
        else:
            number = "".join(c["text"] for c in top_chars)
            assert number == str(page.page_number)
            centre = (min(c["x0"] for c in top_chars) + max(c["x1"] for c in top_chars)) / 2
            assert abs(centre - (layout.margin_left_mm + layout.text_width_mm / 2) * MM) < 3
            assert all(13 <= round(c["size"]) <= 14 and "Bold" not in c["fontname"] for c in top_chars)


def test_recipients_level_with_signer(case):  # R33, R37, R38
    pdf, _, layout = case
    page = pdf.pages[-1]
    split = (layout.margin_left_mm + layout.recipients_column_mm) * MM
    label = find(page, "Nơi nhận:", None, split)
    assert "BoldItalic" in label[5].replace("-", "") and round(label[4]) == 12
    signer_lines = [l for l in lines(page, split) if abs(l[1] - label[1]) < 20]
    assert signer_lines, "signer block not level with Nơi nhận"
    entries = [l for l in lines(page, None, split) if l[0].startswith("- ") and l[1] > label[1]]
    assert entries and all(round(l[4]) == 11 for l in entries)
    assert entries[-1][0].startswith("- Lưu: VT")


def test_last_body_sentence_ends_with_slash(case):  # R29
    pdf, _, _ = case
    text = normalise(" ".join(p.extract_text() for p in pdf.pages))
    assert re.search(r"thực hiện\./\.", text) or "./." in text


def test_metadata(case):
    pdf, notice, _ = case
    meta = pdf.metadata
    assert meta["Title"] and meta["Author"]
    assert meta["CreationDate"].startswith("D:" + (notice.document.date or notice.meeting.date).strftime("%Y%m%d"))


def test_same_input_same_bytes_across_processes(tmp_path):
    """Two separate processes build the same notice; every byte of every file is equal."""
    script = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[3]);"
        "from rendered import loaded; from baocao.build.outputs import build_notice;"
        "p = Path(sys.argv[1]); n, r, l = loaded(p); build_notice(n, r, l, p, Path(sys.argv[2]))"
    )
    source = ROOT / "data" / "thong-bao-15-tb-vpcp.yaml"
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    for name in ("a", "b"):
        subprocess.run([sys.executable, "-c", script, str(source), str(tmp_path / name), str(ROOT / "tests")],
                       check=True, env=env)
    for suffix in ("docx", "pdf"):
        a = (tmp_path / "a" / source.stem / f"thong-bao.{suffix}").read_bytes()
        b = (tmp_path / "b" / source.stem / f"thong-bao.{suffix}").read_bytes()
        assert a == b, suffix
    # the extracts and their index too
    made = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert len(made) > 2
    assert made == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    for name in made:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_source_date_epoch_pins_the_time(monkeypatch):
    from baocao.documents.notice import document_time
    notice, _, _ = loaded(ROOT / "data" / "thong-bao-15-tb-vpcp.yaml")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    assert document_time(notice).isoformat() == "2026-01-01T07:00:00+07:00"


def test_url_fetcher_refuses_anything_but_data_and_templates():
    from baocao.documents.wording import templates_dir
    from baocao.errors import RenderError
    from baocao.render.pdf import render_pdf

    folder = templates_dir()
    for url in ("http://127.0.0.1:9/x.png", "file:///etc/passwd", "https://example.org/a.css"):
        html = f'<html><body><img src="{url}"><p>x</p></body></html>'
        with pytest.raises(RenderError, match="không được phép"):
            render_pdf(html, folder)
    ok = '<html><body><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="><p>x</p></body></html>'
    assert render_pdf(ok, folder).startswith(b"%PDF")


@pytest.mark.soffice
def test_libreoffice_gives_the_docx_as_many_pages_as_our_pdf(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed (bash scripts/run.sh test installs it)")
    for index, path in enumerate(NOTICES):
        files = built(path)
        profile = tmp_path / f"profile-{index}"
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(tmp_path / str(index)), str(files["docx"])],
                       check=True, capture_output=True, timeout=180)
        converted = tmp_path / str(index) / "thong-bao.pdf"
        assert converted.exists(), f"LibreOffice did not convert {files['docx']}"
        with pdfplumber.open(converted) as lo, pdfplumber.open(files["pdf"]) as ours:
            assert len(lo.pages) == len(ours.pages), path.name
