"""Random notices, random Unicode text: what the PDF shows is what the DOCX holds.

Hypothesis writes notices whose opening and khoản hold random text drawn from everything validation
accepts (Vietnamese, ASCII, and any other character the PDF's font draws in all four faces), builds
them with the real command, and reads the body paragraphs back: from the DOCX with python-docx, from
the PDF with PDFium. The DOCX must hold the text as written (khoản with their number and capital), and
the PDF's text must be the DOCX's, paragraph after paragraph, up to runs of white space (HTML collapses
them) and Unicode normalisation (NFC). A character the PDF font lacks would disappear here, a
right-to-left letter or a grapheme joiner would reorder or vanish, a combining mark that does not
compose would come back doubled: validation refuses those, so they are not drawn here.
"""
from __future__ import annotations

import io
import re
import tempfile
import unicodedata
from datetime import timedelta
from pathlib import Path

import docx
import pypdfium2
import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from baocao.cli import main
from baocao.data.lookalikes import LOOKALIKES
from baocao.data.text import unprintable
from baocao.documents import metrics

GOOD = Path(__file__).parent / "resources" / "good"
BASE = yaml.safe_load((GOOD / "toi-thieu.yaml").read_text(encoding="utf-8"))
VIETNAMESE = ("aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
              "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ")


def _other_characters() -> str:
    """Every character the PDF's font draws that validation accepts, apart from the Latin-1 and
    Latin Extended letters and the dashes and quotes the legacy-encoding detector reads as TCVN3,
    VNI or mojibake (those are covered by the Vietnamese alphabet) and combining marks."""
    out = []
    for code in sorted(metrics.covered_code_points()):
        ch = chr(code)
        if code < 0x300 or 0x2013 <= code <= 0x203A or unicodedata.combining(ch) or ch.isspace():
            continue
        # Cyrillic and Greek look-alikes are refused beside Latin letters (test_hostile_data).
        if unprintable(ch) is None and unicodedata.category(ch)[0] != "C" and ch not in LOOKALIKES:
            out.append(ch)
    return "".join(out)


OTHER = _other_characters()
WORD = st.text(st.sampled_from(VIETNAMESE) | st.sampled_from("0123456789,.;:()/-%") | st.sampled_from(OTHER),
               min_size=1, max_size=12)
PARAGRAPH = st.lists(WORD, min_size=1, max_size=25).map(" ".join)


def _squeeze(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _pdf_text(path: Path) -> str:
    """The PDF's text, page after page, without the page numbers printed at the top."""
    pdf = pypdfium2.PdfDocument(str(path))
    pages = []
    for number in range(len(pdf)):
        # PDFium reports a hyphen that ends a line as U+FFFE and joins the lines: the page shows "-"
        lines = pdf[number].get_textpage().get_text_range().replace("\ufffe", "-\n").splitlines()
        if number > 0 and lines and lines[0].strip() == str(number + 1):
            lines = lines[1:]
        pages.append(" ".join(lines))
    return _squeeze(" ".join(pages))


@pytest.mark.slow
@settings(max_examples=25, deadline=timedelta(seconds=30), suppress_health_check=[HealthCheck.too_slow],
          derandomize=True)
@given(opening=st.lists(PARAGRAPH, min_size=1, max_size=3), items=st.lists(PARAGRAPH, min_size=1, max_size=3))
def test_the_pdf_shows_the_text_the_docx_holds(opening, items):
    data = {**BASE, "mo_dau": opening,
            "noi_dung": {"khoan": items + BASE["noi_dung"]["khoan"][1:]}}
    data["van_ban"] = {**BASE["van_ban"], "ngay": str(BASE["van_ban"]["ngay"])}
    data["cuoc_hop"] = {**BASE["cuoc_hop"], "ngay": str(BASE["cuoc_hop"]["ngay"])}
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        (folder / "co-quan.yaml").write_text((GOOD / "co-quan.yaml").read_text(encoding="utf-8"), encoding="utf-8")
        (folder / "tb.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        err = io.StringIO()
        status = main(["build", str(folder / "tb.yaml"), "--out", str(folder / "out")], io.StringIO(), err)
        assume(status != 2 or "bảng mã cũ" not in err.getvalue())   # random letters that read as TCVN3/VNI
        assert status == 0, err.getvalue()
        built = docx.Document(str(folder / "out" / "tb" / "thong-bao.docx"))   # the notice, not an extract
        paragraphs = [_squeeze(p.text) for p in built.paragraphs]
        expected = [_squeeze(p) for p in opening] + [
            _squeeze(f"{n}. {t.strip()[:1].upper()}{t.strip()[1:]}") for n, t in enumerate(items, start=1)]
        start = paragraphs.index(expected[0])
        body = paragraphs[start:start + len(expected)]
        assert body == expected
        assert " ".join(body) in _pdf_text(folder / "out" / "tb" / "thong-bao.pdf")
