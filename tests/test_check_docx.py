"""The DOCX reader: effective formatting, numbering, fields, drawn lines, geometry."""
from __future__ import annotations

import io
import os
import sys

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

from baocao.check import check_file
from baocao.check.model import CLOSING_LEFT, HEADER_RIGHT
from baocao.check.readers.docx.reader import read_docx

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "check_corpus"))

from notice_docx import BODY, NoticeSpec, build_docx  # noqa: E402

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def minimal_notice() -> docx.Document:
    """The hand-made notice without its điểm, reopened for editing."""
    body = tuple(b for b in BODY if b[0] != "diem")
    return docx.Document(io.BytesIO(build_docx(NoticeSpec(body=body))))


def _save(doc, tmp_path, name="t.docx") -> str:
    path = tmp_path / name
    doc.save(path)
    return str(path)


def _para(doc, text):
    return next(p for p in read_docx(doc).paras if p.clean.startswith(text))


def test_theme_font_of_an_untouched_document(tmp_path):
    d = docx.Document()          # python-docx's template: docDefaults name the minor theme font
    d.add_paragraph("Xin chào Việt Nam")
    para = _para(_save(d, tmp_path), "Xin chào")
    assert {s.font for s in para.visible_spans} == {"Cambria"}   # minor font of its theme
    assert para.sizes() == {11.0}


def test_style_chain_character_style_and_direct_formatting(tmp_path):
    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name = "Times New Roman"
    base = d.styles.add_style("Than", 1)
    base.base_style = normal
    base.font.bold = True
    base.font.size = Pt(13)
    child = d.styles.add_style("ThanCon", 1)
    child.base_style = base
    child.font.size = Pt(14)
    emphasis = d.styles.add_style("Nhan", 2)
    emphasis.font.italic = True
    p = d.add_paragraph(style="ThanCon")
    p.add_run("đậm kế thừa ")
    p.add_run("nghiêng", style="Nhan")
    r = p.add_run(" thường")
    r.bold = False
    para = _para(_save(d, tmp_path), "đậm kế thừa")
    spans = para.visible_spans
    assert spans[0].bold and not spans[0].italic and spans[0].size == 14.0
    assert any(s.italic and s.bold for s in spans)
    assert not spans[-1].bold
    assert spans[0].font == "Times New Roman"


def test_caps_hidden_text_and_fields(tmp_path):
    d = docx.Document()
    p = d.add_paragraph()
    r = p.add_run("cộng hòa")
    r.font.all_caps = True
    hidden = p.add_run(" bí mật")
    hidden.font.hidden = True
    p._p.append(parse_xml(f'<w:fldSimple {W} w:instr=" DATE "><w:r><w:t> 2026</w:t></w:r></w:fldSimple>'))
    para = _para(_save(d, tmp_path), "CỘNG")
    assert para.clean == "CỘNG HÒA 2026"


def test_complex_field_code_is_not_text(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("Trang ")
    p._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="begin"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {W}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'))
    p._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {W}><w:t>7</w:t></w:r>'))
    p._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>'))
    assert _para(_save(d, tmp_path), "Trang").clean == "Trang 7"


def _numbering(d, fmt="lowerLetter", text="%1)"):
    numbering = d.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:pPr><w:ind w:left="0" w:firstLine="720"/></w:pPr>'
        f'</w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))


def _numbered(d, text, before=None):
    p = before.insert_paragraph_before(text) if before is not None else d.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
    return p


def test_automatic_list_labels_are_read(tmp_path):
    d = docx.Document()
    _numbering(d)
    for word in ("một", "hai", "ba"):
        _numbered(d, word)
    doc = read_docx(_save(d, tmp_path))
    assert [p.clean for p in doc.paras] == ["a) một", "b) hai", "c) ba"]
    assert abs(doc.paras[0].first_indent_mm - 12.7) < 0.01


def test_word_letter_list_runs_into_f(tmp_path):
    """Word's a, b, c… list has no đ and goes on to f): R28 must see it."""
    d = minimal_notice()
    _numbering(d)
    closing = next(p for p in d.paragraphs if p.text.endswith("./."))
    for word in ("một", "hai", "ba", "bốn", "năm", "sáu"):
        _numbered(d, f"Nội dung điểm {word};", before=closing)
    report = check_file(_save(d, tmp_path))
    r28 = report.finding("R28")
    assert r28.status == "FAIL" and "e)" in r28.message and "đ)" in r28.message


def test_contextual_spacing_removes_the_space(tmp_path):
    d = docx.Document()
    for text in ("Đoạn một.", "Đoạn hai."):
        p = d.add_paragraph(text, style="List Paragraph")
        p.paragraph_format.space_after = Pt(6)
        p._p.get_or_add_pPr().append(parse_xml(f"<w:contextualSpacing {W}/>"))
    doc = read_docx(_save(d, tmp_path))
    assert doc.paras[1].gap_before_pt == 0.0


def test_vml_line_and_underscore_row_are_rules(tmp_path):
    d = docx.Document()
    d.add_paragraph("Tên cơ quan")
    p = d.add_paragraph()
    p._p.append(parse_xml(
        f'<w:r {W} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
        '<v:line from="0,0" to="120pt,0" strokeweight="0.75pt"/></w:pict></w:r>'))
    d.add_paragraph("Trích yếu")
    d.add_paragraph("__________")
    doc = read_docx(_save(d, tmp_path))
    name = next(p for p in doc.paras if p.clean == "Tên cơ quan")
    assert [round(r.length_mm, 1) for r in name.rules_below] == [42.3]
    summary = next(p for p in doc.paras if p.clean == "Trích yếu")
    assert summary.rules_below and summary.rules_below[0].kind == "text"
    assert all(p.clean != "__________" for p in doc.paras)


def test_page_field_in_first_and_later_headers(tmp_path):
    d = docx.Document()
    d.add_paragraph("Nội dung")
    sec = d.sections[0]
    sec.different_first_page_header_footer = True
    hp = sec.header.paragraphs[0]
    hp.alignment = 1
    hp._p.append(parse_xml(f'<w:fldSimple {W} w:instr=" PAGE \\* ROMAN "><w:r><w:t>II</w:t></w:r></w:fldSimple>'))
    doc = read_docx(_save(d, tmp_path))
    assert doc.numbering.first_page_marks[1] == []
    (mark,) = doc.numbering.later_marks[1]
    assert mark.is_field and mark.location == "header" and mark.number_format == "upperRoman"
    assert mark.align == "center"


def test_table_geometry_follows_the_compatibility_mode(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "VĂN PHÒNG CHÍNH PHỦ"
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    path = _save(d, tmp_path, "a.docx")
    left_14 = read_docx(path).paras[0].container[0]
    settings = d.settings.element
    for cs in settings.iter(qn("w:compatSetting")):
        if cs.get(qn("w:name")) == "compatibilityMode":
            cs.set(qn("w:val"), "15")
    left_15 = read_docx(_save(d, tmp_path, "b.docx")).paras[0].container[0]
    margin = d.sections[0].left_margin.mm
    assert abs(left_14 - margin) < 0.05              # Word 2010: text on the margin
    assert abs(left_15 - (margin + 1.905)) < 0.05    # Word 2013+: table edge on the margin


def test_header_and_closing_tables_get_their_regions(tmp_path):
    doc = read_docx(_save(minimal_notice(), tmp_path))
    assert next(p for p in doc.paras if p.clean.startswith("CỘNG HÒA")).region == HEADER_RIGHT
    assert next(p for p in doc.paras if p.clean.startswith("Nơi nhận")).region == CLOSING_LEFT


@pytest.mark.parametrize("content,reason", [
    (b"not a zip", "zip"),
    (b"PK\x03\x04broken", "zip"),
])
def test_broken_docx_is_a_clear_error(tmp_path, content, reason):
    from baocao.check import UnreadableFile

    path = tmp_path / "x.docx"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile) as err:
        check_file(str(path))
    assert "không" in str(err.value)


def test_zip_that_is_not_a_word_file(tmp_path):
    import zipfile

    from baocao.check import UnreadableFile

    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "xin chào")
    with pytest.raises(UnreadableFile) as err:
        check_file(str(path))
    assert "word/document.xml" in str(err.value) or "Word" in str(err.value)


def test_empty_document_is_checked_without_crashing(tmp_path):
    report = check_file(_save(docx.Document(), tmp_path))
    assert report.finding("R8").status == "FAIL"
    assert report.finding("R1").status == "FAIL"    # python-docx's template is US Letter
    assert all(f.message for f in report.findings)

