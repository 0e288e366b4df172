"""Documents from the wild: the six real ones and every kind typed in LibreOffice, judged against the
verdicts a văn thư wrote down for each before the checker ran (tests/check_wild/accuracy.py)."""
from __future__ import annotations

import io
import os
import shutil
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "check_wild"))

from accuracy import REAL, documents, judge, measure, parse_expect, report  # noqa: E402
from documents import DOCS  # noqa: E402

from baocao.check import FAIL, SKIP, check_file  # noqa: E402

THRESHOLD = 0.95


@pytest.fixture(scope="module")
def score(tmp_path_factory):
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("cần LibreOffice (soffice) để tạo bộ văn bản gõ bằng Writer")
    return measure(str(tmp_path_factory.mktemp("wild")))


def test_corpus_covers_every_kind_and_habit():
    kinds = {name.split("_")[0] for name in DOCS}
    assert kinds >= {"tb", "cv", "qd", "kh", "bc", "tt", "gm", "bb"}
    assert len(DOCS) >= 30
    real = [n for n in os.listdir(REAL) if n.endswith((".docx", ".pdf"))]
    assert len(real) == 6 and all(os.path.exists(os.path.join(REAL, n + ".expect")) for n in real)


@pytest.mark.soffice
def test_precision_and_recall(score):
    out = io.StringIO()
    report(score, out, verbose=True)
    assert score.written >= 40, out.getvalue()
    assert score.precision >= THRESHOLD and score.recall >= THRESHOLD, out.getvalue()


@pytest.mark.soffice
def test_no_fail_on_an_unusable_text_layer(score):
    assert all(not o.untrusted_fails for o in score.outcomes), [(o.name, o.untrusted_fails) for o in score.outcomes]


def test_word_2010_pdf_is_untrusted_with_a_reason():
    report_ = check_file(os.path.join(REAL, "23_CV-1178_DCK-CTT_BoCongThuong.pdf"))
    assert not report_.failed
    skipped = [f for f in report_.findings if f.status == SKIP and "ToUnicode" in f.message]
    assert len(skipped) == 42 and "Ƣ" in skipped[0].message
    assert report_.finding("R1").status == "PASS"


def test_real_documents_agree_without_libreoffice():
    for label, path, expect in documents(None):
        outcome = judge(label, check_file(path), parse_expect(expect))
        assert len(outcome.misses) == 0, (label, outcome.misses)
        assert len(outcome.false_alarms) <= 1, (label, outcome.false_alarms)


def test_findings_say_what_was_measured_and_where():
    r = check_file(os.path.join(REAL, "05_CV-3155_SCT-CN_tu-choi.docx"))
    f = r.finding("R14")
    assert f.status == FAIL and "14 pt" in f.message and "13 pt" in f.message
    assert f.place is not None and f.place.paragraph is not None and f.place.excerpt.startswith("Số:")
    assert r.kind == "cong-van" and r.finding("R20").status == SKIP and "công văn" in r.finding("R20").message


def test_ocr_reads_words_only_and_never_fails_on_what_it_missed():
    from baocao.check import ocr

    path = os.path.join(REAL, "23_CV-1178_DCK-CTT_BoCongThuong.pdf")
    report_ = check_file(path, ocr=True)
    if ocr.available() is not None:
        assert all(f.status == SKIP for f in report_.findings if f.rule != "R1")
        assert "tesseract" in report_.finding("R20").message
        return
    judged = {f.rule for f in report_.findings if f.status != SKIP}
    assert judged <= {"R1", "R15", "R16", "R18", "R19", "R29", "R39"} and "R29" in judged
    assert "OCR" in report_.finding("R7").message
    assert all(f.place is not None for f in report_.failed)
