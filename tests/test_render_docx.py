"""The DOCX of every sample notice, opened with python-docx and checked against nd30.md."""
from __future__ import annotations

import re
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from rendered import built, loaded, normalise, sample_notices

NOTICES = sample_notices()
IDS = [p.stem for p in NOTICES]


@pytest.fixture(scope="module", params=NOTICES, ids=IDS)
def case(request):
    path = request.param
    notice, registry, layout = loaded(path)
    return Document(str(built(path)["docx"])), notice, layout


def effective(run, paragraph, document, attr):
    """A run property resolved through run → paragraph style chain → Normal → document defaults."""
    value = getattr(run.font, attr)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.font, attr)
        style = style.base_style
    if value is None and attr == "name":
        fonts = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
        value = fonts.get(qn("w:ascii")) if fonts is not None else None
    return value


def all_paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def lines_of(paragraph):
    return paragraph.text.split("\n")


def test_page_size_orientation_margins(case):  # R1–R3
    document, _, layout = case
    for section in document.sections:
        assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
        assert section.page_width < section.page_height
        # DOCX stores twips (1/1440 in): allow the 0.02 mm rounding of a twip.
        assert abs(section.top_margin.mm - layout.margin_top_mm) < 0.05
        assert 19.98 <= section.top_margin.mm <= 25.02 and 19.98 <= section.bottom_margin.mm <= 25.02
        assert 29.98 <= section.left_margin.mm <= 35.02
        assert 14.98 <= section.right_margin.mm <= 20.02


def test_every_run_is_times_new_roman_black_and_sized(case):  # R4, R5, R7
    document, _, _ = case
    count = 0
    for paragraph in all_paragraphs(document):
        for run in paragraph.runs:
            if not run.text.strip():
                continue
            count += 1
            assert effective(run, paragraph, document, "name") == "Times New Roman", run.text
            size = effective(run, paragraph, document, "size")
            assert size is not None and size.pt in {10, 11, 12, 13, 14}, (run.text, size)
            colour = run.font.color
            assert colour.rgb in (None, "000000") or str(colour.rgb) == "000000", run.text
    assert count > 20


def test_fonts_never_fall_back_to_theme(case):  # R4
    document, _, _ = case
    for fonts in document.element.body.iter(qn("w:rFonts")):
        assert not any(k.endswith("Theme") for k in fonts.attrib)


def test_text_is_nfc(case):  # R6
    document, _, _ = case
    import unicodedata
    for paragraph in all_paragraphs(document):
        assert unicodedata.is_normalized("NFC", paragraph.text)


def header_cells(document):
    table = document.tables[0]
    return table.cell(0, 0), table.cell(0, 1), table.cell(1, 0), table.cell(1, 1)


def test_header_is_two_column_borderless_table(case):  # R8
    document, _, layout = case
    table = document.tables[0]
    assert len(table.columns) == 2
    widths = [c.width.mm for c in table.columns]
    assert abs(sum(widths) - layout.text_width_mm) < 0.5
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert all(el.get(qn("w:val")) == "nil" for el in borders)
    grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert len(grid) == 2 and abs(grid[0] / 1440 * 25.4 - layout.header_left_mm) < 0.5


def test_national_title_and_motto(case):  # R9, R10, R11
    document, _, layout = case
    _, right, _, _ = header_cells(document)
    national, motto = right.paragraphs[0], right.paragraphs[1]
    assert national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert all(r.font.bold and not r.font.italic for r in national.runs + motto.runs)
    q, t = national.runs[0].font.size.pt, motto.runs[0].font.size.pt
    assert 12 <= q <= 13 and 13 <= t <= 14 and t >= q
    assert national.alignment == motto.alignment == 1  # centred
    border = motto._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert border.get(qn("w:val")) == "single"
    from baocao.documents.metrics import text_width_mm
    line = layout.header_right_mm - motto.paragraph_format.left_indent.mm - motto.paragraph_format.right_indent.mm
    assert abs(line / text_width_mm(motto.text, t, bold=True) - 1) <= 0.10


def test_agency_name_and_rule(case):  # R12, R13
    document, notice, layout = case
    left, _, _, _ = header_cells(document)
    paragraphs = [p for p in left.paragraphs]
    name = next(p for p in paragraphs if p.runs and p.runs[0].font.bold)
    assert name.text == name.text.upper() and all(12 <= r.font.size.pt <= 13 for r in name.runs if r.text)
    rule = paragraphs[paragraphs.index(name) + 1]
    assert rule.text == "" and rule._p.pPr.find(qn("w:pBdr")) is not None
    from baocao.documents.metrics import text_width_mm
    name_width = max(text_width_mm(line, layout.agency_pt, bold=True) for line in name.text.split("\n"))
    rule_width = layout.header_left_mm - rule.paragraph_format.left_indent.mm * 2
    assert 1 / 3 - 0.01 <= rule_width / name_width <= 1 / 2 + 0.01
    parent = paragraphs[: paragraphs.index(name)]
    for p in parent:  # chủ quản line: upper, not bold
        assert p.text == p.text.upper() and not any(r.font.bold for r in p.runs)


NUMBER = re.compile(r"^Số: (0[1-9]|[1-9]\d+)/[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐ0-9][A-Za-zĐđ0-9]*)+$")
PLACE_DATE = re.compile(r"^[^,]+, ngày (0[1-9]|[12]\d|3[01]) tháng (01|02|[3-9]|1[0-2]) năm \d{4}$")


def test_number_and_place_date_share_a_row(case):  # R14–R19
    document, notice, _ = case
    _, _, number_cell, date_cell = header_cells(document)
    number, place_date = number_cell.paragraphs[0], date_cell.paragraphs[0]
    assert NUMBER.match(number.text), number.text
    assert number.text.split("/")[1].startswith("TB-")  # R16
    assert number.runs[0].font.size.pt == 13 and not number.runs[0].font.bold
    assert PLACE_DATE.match(place_date.text), place_date.text
    assert all(r.font.italic for r in place_date.runs) and 13 <= place_date.runs[0].font.size.pt <= 14
    day, month, year = re.search(r"ngày (\d+) tháng (\d+) năm (\d+)", place_date.text).groups()
    assert (int(year), int(month), int(day)) == (notice.document.date.year, notice.document.date.month, notice.document.date.day)


def body_start(document):
    paragraphs = document.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text == "THÔNG BÁO")
    return index


def test_title_summary_and_rule(case):  # R20–R22
    document, _, layout = case
    paragraphs = document.paragraphs
    i = body_start(document)
    title, summary, rule = paragraphs[i], paragraphs[i + 1], paragraphs[i + 2]
    assert title.alignment == summary.alignment == 1
    assert all(r.font.bold for r in title.runs) and 13 <= title.runs[0].font.size.pt <= 14
    text = summary.text.replace("\n", " ")
    assert text[0].isupper() and text != text.upper()
    assert all(r.font.bold and not r.font.italic for r in summary.runs if r.text)
    from baocao.documents.metrics import text_width_mm
    longest = max(text_width_mm(line, layout.summary_pt, bold=True) for line in summary.text.split("\n"))
    rule_width = layout.text_width_mm - 2 * rule.paragraph_format.left_indent.mm
    assert rule.text == "" and 1 / 3 - 0.01 <= rule_width / longest <= 1 / 2 + 0.01


def body_paragraphs(document):
    paragraphs = document.paragraphs
    return [p for p in paragraphs[body_start(document) + 3:] if p.text.strip()]


def test_body_paragraph_format(case):  # R23–R26, R29
    document, _, layout = case
    body = body_paragraphs(document)
    assert len(body) >= 5
    sizes = {r.font.size.pt for p in body for r in p.runs if r.text}
    assert len(sizes) == 1 and sizes <= {13, 14}
    for p in body:
        fmt = p.paragraph_format
        assert p.alignment == 3  # justify
        assert abs(fmt.first_line_indent.cm - layout.first_line_indent_cm) <= 0.02
        assert (fmt.space_before or 0) + (fmt.space_after.pt if fmt.space_after else 0) >= 6
        assert 1.0 <= fmt.line_spacing <= 1.5
    assert body[-1].text.endswith("./.")


def test_numbering_roman_khoan_diem(case):  # R27, R28
    document, notice, _ = case
    body = [p.text for p in body_paragraphs(document)]
    romans = [t for t in body if re.match(r"^[IVXLC]+\. ", t)]
    assert len(romans) == len(notice.body.sections)
    for p in body_paragraphs(document):
        if re.match(r"^[IVXLC]+\. ", p.text):
            assert p.text == p.text.upper() and all(r.font.bold for r in p.runs)
    letters = "a b c d đ e g h i k l m n o p q r s t u v x y".split()
    run = []
    for t in body:
        m = re.match(r"^(\S)\) ", t)
        if re.match(r"^\d+\. ", t) or re.match(r"^[IVXLC]+\. ", t):
            run = []
        elif m:
            run.append(m.group(1))
            assert run == letters[: len(run)], run
    assert not any(re.match(r"^[fjwz]\) ", t) for t in body)


def closing_cells(document):
    table = document.tables[-1]
    return table.cell(0, 0), table.cell(0, 1)


def test_signer_block(case):  # R30–R32
    document, notice, _ = case
    _, right = closing_cells(document)
    lines = [p for p in right.paragraphs if p.text.strip()]
    titles, name = lines[:-1], lines[-1]
    assert re.match(r"^(TM\.|KT\.|TL\.|TUQ\.|Q\.|[A-ZĐ])", titles[0].text)
    for p in titles:
        assert p.text == p.text.upper() and all(r.font.bold for r in p.runs) and p.alignment == 1
        assert 13 <= p.runs[0].font.size.pt <= 14
    if titles[0].text.startswith("KT."):
        assert len(titles) >= 2
    assert all(r.font.bold for r in name.runs) and name.text != name.text.upper()
    assert not re.match(r"^(GS|PGS|TS|ThS)\.", name.text)


def test_recipients(case):  # R33, R37–R39
    document, _, _ = case
    left, right = closing_cells(document)
    label, *entries = [p for p in left.paragraphs if p.text.strip()]
    assert label.text == "Nơi nhận:"
    assert all(r.font.bold and r.font.italic and r.font.size.pt == 12 for r in label.runs)
    assert label.alignment == 0
    for p in entries:
        assert p.text.startswith("- ") and all(r.font.size.pt == 11 and not r.font.bold for r in p.runs)
    # Each entry ends with ";" unless the data wrote it with its own punctuation (a real notice's
    # "- Các Bộ: …, KHĐT." is kept as issued).
    written = [r if isinstance(r, str) else "" for r in case[1].recipients]
    assert all(p.text.endswith(";") or w.endswith((".", ":")) for p, w in zip(entries[:-1], written))
    assert re.match(r"^- Lưu: VT(, [^.]+)*\.$", entries[-1].text)
    # "Nơi nhận:" and the first signer line are the first paragraphs of the same table row (level).
    assert left.paragraphs[0].text == "Nơi nhận:" and right.paragraphs[0].text.strip()
    assert document.tables[-1].rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_page_numbers_from_page_two(case):  # R40
    document, _, layout = case
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert not section.first_page_header.is_linked_to_previous
    assert section.first_page_header._element is not None
    assert all(not p.text.strip() for p in section.first_page_header.paragraphs)
    header = section.header
    xml = header._element.xml
    assert "PAGE" in "".join(t.text or "" for t in header._element.iter(qn("w:instrText")))
    assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
    p = header.paragraphs[0]
    assert p.alignment == 1 and all(13 <= r.font.size.pt <= 14 for r in p.runs if r.font.size)


def test_metadata(case):
    document, notice, _ = case
    props = document.core_properties
    assert props.title.startswith("Kết luận") or props.title
    assert props.author and props.language == "vi-VN"
    assert props.created.date() == (notice.document.date or notice.meeting.date)


def test_zip_entries_have_fixed_times():
    for path in NOTICES:
        with zipfile.ZipFile(built(path)["docx"]) as z:
            stamps = {info.date_time for info in z.infolist()}
        assert len(stamps) == 1
        notice, _, _ = loaded(path)
        assert stamps.pop()[:3] == tuple((notice.document.date or notice.meeting.date).timetuple()[:3])


def test_schema_valid_ooxml():
    """openxml-audit validates the parts against the OOXML schema (stylesWithEffects findings ignored)."""
    from openxml_audit import OpenXmlValidator

    validator = OpenXmlValidator()
    for path in NOTICES:
        result = validator.validate(str(built(path)["docx"]))
        errors = [str(e) for e in result.errors if "stylesWithEffects" not in str(e)]
        assert not errors, errors[:5]


def docx_text(document) -> str:
    """Title, body, Nơi nhận, signer, in reading order (the header table excluded)."""
    parts = [p.text for p in document.paragraphs[body_start(document):]]
    left, right = closing_cells(document)
    parts += [p.text for p in left.paragraphs] + [p.text for p in right.paragraphs]
    return normalise(" ".join(parts))


def test_seed_003_word_for_word():
    from rendered import DATA, SEED_003

    document = Document(str(built(DATA / "thong-bao-15-tb-vpcp.yaml")["docx"]))
    seed = "\n".join(line for line in SEED_003.read_text(encoding="utf-8").splitlines()
                     if not re.fullmatch(r"\s*_+\s*", line))
    assert docx_text(document) == normalise(seed)
