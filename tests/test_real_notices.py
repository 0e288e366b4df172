"""Real notices rendered from their data: word for word and paragraph for paragraph, in DOCX and PDF.

Each case pairs a sample in data/ with the text of the issued notice it encodes (seed 003, and
the transcriptions under tests/resources/real/ with their provenance). The built files must hold
the same paragraphs, in the same order, with the same words — nothing invented, nothing dropped.
The templates are the packaged ones, unedited.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rendered import DATA, ROOT, SEED_003, built, loaded

from real_text import docx_parts, norm, pdf_body, read_body, read_seed, read_source

REAL = ROOT / "tests" / "resources" / "real"

# (data file, source text, reader, the lines the data writes differently from the source): the
# stray space of a stamped number, a Nơi nhận entry ending in "." where Decree 30 wants ";".
CASES = [
    ("thong-bao-15-tb-vpcp.yaml", SEED_003, read_seed, {}),
    ("thong-bao-467-tb-vpcp-2024.yaml", REAL / "A_vpcp-467-2024-thi-truong-cac-bon.txt", read_source,
     {"- Các Bộ: CA, TC, TNMT, CT, GTVT, XD, NNPTNT, KHĐT.": "- Các Bộ: CA, TC, TNMT, CT, GTVT, XD, NNPTNT, KHĐT;"}),
    ("thong-bao-831-tb-ubnd-cam-duong.yaml", REAL / "C_phuong-cam-duong-831-2026-tiep-nhan-ho-so-ccn.txt",
     read_source, {"Số: 831 /TB-UBND": "Số: 831/TB-UBND"}),
    # Three real post-2025 VPCP notices imported from their text by `baocao import`, unedited; the
    # web copies of 655 and 661 wrote letters of "TTĐTCP" and "CP" in Cyrillic, which the import
    # writes in Latin (and says so).
    (REAL / "vpcp-648-2025-dien-bien.yaml", REAL / "A3_vpcp-648-2025-dien-bien.txt", read_source, {}),
    (REAL / "vpcp-661-2025-mua-lu.yaml", REAL / "A5_vpcp-661-2025-mua-lu-nam-trung-bo.txt", read_source,
     {"- Các Bộ, cơ quan ngang bộ, cơ quan thuộc C\u0420;": "- Các Bộ, cơ quan ngang bộ, cơ quan thuộc CP;"}),
    (REAL / "vpcp-655-2025-son-la.yaml", REAL / "A2_vpcp-655-2025-son-la.txt", read_source,
     {"- VPCP: BTCN, các PCN, Cổng TTĐ\u0422\u0421\u0420, Trợ lý PTTgCP Bùi Thanh Sơn; các Vụ: CN, KTTH, TCCV, KGVX, TH;":
      "- VPCP: BTCN, các PCN, Cổng TTĐTCP, Trợ lý PTTgCP Bùi Thanh Sơn; các Vụ: CN, KTTH, TCCV, KGVX, TH;"}),
]
IDS = [Path(c[0]).name.removesuffix(".yaml") for c in CASES]


@pytest.fixture(scope="module", params=CASES, ids=IDS)
def case(request):
    name, source_path, reader, fixes = request.param
    if not Path(source_path).exists():
        pytest.skip(f"{source_path} not available")
    source = reader(Path(source_path))
    source.header = [fixes.get(line, line) for line in source.header]
    source.recipients = [fixes.get(line, line) for line in source.recipients]
    path = DATA / name
    return source, path, built(path)


def test_docx_body_paragraph_for_paragraph(case):
    source, _path, files = case
    assert docx_parts(files["docx"]).body == source.body


def test_pdf_body_paragraph_for_paragraph(case):
    source, path, files = case
    _notice, _registry, layout = loaded(path)
    # A line may end after the hyphen of "các-bon": read back, "các-" and "bon" are two words.
    # Compared with that one ambiguity folded on both sides.
    fold = [re.sub(r"(\w)- (\w)", r"\1-\2", p) for p in source.body]
    assert [re.sub(r"(\w)- (\w)", r"\1-\2", p) for p in pdf_body(files["pdf"], layout, source.summary)] == fold


def test_summary_recipients_and_signer(case):
    source, _path, files = case
    built_parts = docx_parts(files["docx"])
    # The trích yếu is compared without case: web copies print it in capitals, Decree 30 in
    # sentence case.
    assert built_parts.summary.lower() == source.summary.lower()
    assert built_parts.recipients == source.recipients
    assert built_parts.signer == source.signer


def test_header_lines(case):
    source, _path, files = case
    if not source.header:
        pytest.skip("the source has no header")
    cells = docx_parts(files["docx"]).header
    for line in source.header:
        assert norm(line) in cells, line


def test_word_count_is_the_same(case):
    """A second, coarser look: the body has exactly the source's words, none more, none less."""
    source, _path, files = case
    assert " ".join(docx_parts(files["docx"]).body).split() == " ".join(source.body).split()


# The body of a real provincial Công văn whose tasks are grouped under agency headings ("5. Thanh
# tra tỉnh", "6. Sở Tài chính" with a), b) under it), held in a notice's frame: the agency-heading
# form (cach_giao: tieu-de) reproduces real wording paragraph for paragraph.
AGENCY_HEADINGS = (REAL / "cv-7103-noi-dung.yaml", REAL / "B_cv-7103-2026-ubnd-lao-cai-nd178.txt")


@pytest.fixture(scope="module")
def headings_case():
    data, text = AGENCY_HEADINGS
    return read_body(text, "Thực hiện Nghị định số 178"), data, built(data)


def test_agency_headings_body_in_docx_and_pdf(headings_case):
    source, path, files = headings_case
    assert docx_parts(files["docx"]).body == source.body
    _notice, _registry, layout = loaded(path)
    summary = docx_parts(files["docx"]).summary
    assert pdf_body(files["pdf"], layout, summary) == source.body


def test_agency_headings_recipients_and_signer(headings_case):
    source, _path, files = headings_case
    parts = docx_parts(files["docx"])
    assert parts.recipients == source.recipients and parts.signer == source.signer


def test_agency_headings_are_bold_and_lead_their_tasks(headings_case):
    from docx import Document

    from baocao.data.validate import iter_assignments, load_notice

    _source, path, files = headings_case
    paragraphs = {p.text: p for p in Document(str(files["docx"])).paragraphs}
    for heading in ("5. Thanh tra tỉnh", "6. Sở Tài chính"):
        assert all(r.bold for r in paragraphs[heading].runs if r.text.strip())
    notice, _registry, _warnings = load_notice(path)
    leads = {t.position: t.lead for t in iter_assignments(notice)}
    assert leads["khoản 6, điểm a"] == leads["khoản 6, điểm b"] == "so-tai-chinh"
    assert leads["khoản 5, đoạn thứ 1"] == "thanh-tra-tinh"
