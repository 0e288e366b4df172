"""A draft (no number, no day and month yet) keeps its blanks in both formats (§5 [PRACTICE])."""
from __future__ import annotations

import shutil

import pdfplumber
import yaml
from docx import Document
from rendered import DATA


def test_draft_keeps_blank_number_day_and_month(tmp_path):
    from baocao.build.outputs import build_notice
    from baocao.data.load import load
    from baocao.data.validate import load_notice
    from baocao.settings import layout_for

    shutil.copy(DATA / "co-quan.yaml", tmp_path / "co-quan.yaml")
    data = load(DATA / "thong-bao-15-tb-vpcp.yaml").data
    del data["van_ban"]["so"], data["van_ban"]["ngay"]
    data["van_ban"]["nam"] = "2026"
    source = tmp_path / "du-thao.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    notice, registry, _ = load_notice(source)
    files = {f.suffix: f for f in build_notice(notice, registry, layout_for(notice, tmp_path), source, tmp_path / "out")
             if f.stem == "thong-bao"}

    table = Document(str(files[".docx"])).tables[0]
    number, place_date = table.cell(1, 0).paragraphs[0].text, table.cell(1, 1).paragraphs[0].text
    assert number.startswith("Số:") and number.endswith("/TB-VPCP") and "  " in number
    assert place_date.startswith("Hà Nội, ngày ") and place_date.endswith(" năm 2026")
    assert "ngày    tháng    năm" in place_date

    with pdfplumber.open(files[".pdf"]) as pdf:
        words = pdf.pages[0].extract_words()
    # The blank day and month take real width on the page: "ngày" and "tháng" stand apart.
    ngay = next(w for w in words if w["text"] == "ngày")
    thang = next(w for w in words if w["text"] == "tháng")
    assert thang["x0"] - ngay["x1"] > 8, (ngay, thang)
    slash = next(w for w in words if w["text"].endswith("/TB-VPCP"))
    so = next(w for w in words if w["text"] == "Số:")
    assert slash["x0"] - so["x1"] > 8
