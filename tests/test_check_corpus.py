"""The broken-document corpus: each document is caught by the rule it breaks, and only by it."""
from __future__ import annotations

import os
import shutil
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "check_corpus"))

from build_corpus import cases, generate  # noqa: E402

from baocao.check import FAIL, PASS, SKIP, check_file  # noqa: E402

CASES = cases()


def _id(case) -> str:
    return f"{case.name}-{case.fmt}"


def _marks(case):
    return [pytest.mark.soffice] if case.fmt == "pdf" else []


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """All documents, made once per session (one LibreOffice run converts every PDF case)."""
    return generate(str(tmp_path_factory.mktemp("check-corpus")))


def _path(corpus, case) -> str:
    path = corpus[(case.name, case.fmt)]
    if path is None:
        if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
            pytest.skip("cần LibreOffice (soffice) để tạo PDF từ DOCX")
        pytest.fail(f"không tạo được {case.filename}")
    return path


def _failures(report):
    return {f.rule: f for f in report.findings if f.status == FAIL}


@pytest.mark.parametrize("case", [pytest.param(c, marks=_marks(c), id=_id(c)) for c in CASES])
def test_caught_by_its_rule_only(corpus, case):
    report = check_file(_path(corpus, case), kind=case.kind)
    failed = _failures(report)
    detail = "\n".join(f"{f.rule}: {f.place.describe() if f.place else ''} {f.message}" for f in failed.values())
    assert set(failed) == set(case.breaks), detail
    for rule in case.breaks:
        finding = failed[rule]
        assert finding.place is not None, f"{rule} không chỉ ra chỗ sai"
        assert f"{rule})" in finding.message and "§" in finding.message


def test_corpus_is_big_enough():
    broken = [c for c in CASES if c.breaks]
    assert len(broken) >= 30
    assert {c.fmt for c in broken} >= {"docx", "pdf", "html"}
    rules = {r for c in broken for r in c.breaks}
    assert len(rules) >= 30


@pytest.mark.parametrize("name,fmt", [("baseline", "docx"), pytest.param("baseline", "pdf", marks=pytest.mark.soffice),
                                      ("baseline_html", "html")])
def test_baseline_reports_every_rule(corpus, name, fmt):
    case = next(c for c in CASES if c.name == name and c.fmt == fmt)
    report = check_file(_path(corpus, case))
    assert [f.rule for f in report.findings] == [f"R{i}" for i in range(1, 44)]
    statuses = {f.rule: f.status for f in report.findings}
    # what a hand-made paper notice cannot show is skipped with a reason, never passed
    for rule in ("R34", "R35", "R36", "R41", "R42", "R43"):
        assert statuses[rule] == SKIP
    assert sum(1 for s in statuses.values() if s == PASS) >= 36
    assert all(f.message.strip() for f in report.findings)


@pytest.mark.soffice
def test_docx_and_its_pdf_agree(corpus):
    """The same document read from DOCX and from the PDF LibreOffice made of it."""
    docx_case = next(c for c in CASES if c.name == "baseline" and c.fmt == "docx")
    pdf_case = next(c for c in CASES if c.name == "baseline" and c.fmt == "pdf")
    a = check_file(_path(corpus, docx_case))
    b = check_file(_path(corpus, pdf_case))
    assert {f.rule: f.status for f in a.findings} == {f.rule: f.status for f in b.findings}
