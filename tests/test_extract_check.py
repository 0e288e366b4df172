"""The built extracts of seed 003 as `baocao check --kind trich-sao` judges them, broken extracts
caught by the rule they break, LibreOffice's pages, the index and the parallel rendering."""
from __future__ import annotations

import csv
import dataclasses
import io
import shutil
import subprocess
from pathlib import Path

import pypdfium2
import pytest
from docx import Document
from docx.oxml.ns import qn

from baocao.check import FAIL, PASS, SKIP, check_file
from rendered import ROOT, built_extracts, built_files, loaded

NOTICE = ROOT / "data" / "thong-bao-15-tb-vpcp.yaml"
HEADER = ("R8", "R9", "R10", "R11", "R12", "R13", "R14", "R15", "R16", "R17", "R18", "R19")
SIGNER = ("R30", "R31", "R32", "R33")
RECIPIENTS = ("R37", "R38", "R39")


@pytest.fixture(scope="module")
def extracts():
    return built_extracts(NOTICE)


@pytest.fixture(scope="module")
def models():
    """The extract models of seed 003 and the templates, for renders of changed models."""
    from baocao.documents.extract import build_extracts, settings_for
    from baocao.documents.notice import build_document
    from baocao.documents.wording import Wording, templates_dir

    notice, registry, layout = loaded(NOTICE)
    folder = templates_dir()
    doc = build_document(notice, registry, layout, Wording(folder), NOTICE.parent)
    return build_extracts(notice, registry, doc, settings_for(layout, NOTICE), origin=NOTICE), folder


def _statuses(path: Path) -> dict[str, str]:
    return {f.rule: f.status for f in check_file(str(path), kind="trich-sao").findings}


def _failed(path) -> dict[str, str]:
    return {f.rule: f.message for f in check_file(str(path), kind="trich-sao").findings if f.status == FAIL}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_every_extract_passes_the_extract_header_signer_and_recipient_rules(extracts, fmt):
    assert extracts
    for agency, files in extracts.items():
        statuses = _statuses(files[fmt])
        assert FAIL not in statuses.values(), (agency, {r: s for r, s in statuses.items() if s == FAIL})
        for rule in ("R41", "R42", *HEADER[:-4], "R14", "R17", "R19", *SIGNER, *RECIPIENTS, "R28", "R29"):
            assert statuses[rule] == PASS, (agency, fmt, rule)
        assert statuses["R43"] == SKIP            # a paper copy has no signature box
        assert check_file(str(files[fmt])).kind == "trich-sao"     # recognised without --kind


def test_cli_check_kind_trich_sao(extracts):
    from baocao.cli import main

    files = [str(p) for f in extracts.values() for p in f.values()]
    out = io.StringIO()
    assert main(["check", "--kind", "trich-sao", *files], stdout=out, stderr=io.StringIO()) == 0
    assert out.getvalue().count(" — bản trích sao (") == len(files)
    assert f"Tổng cộng: {len(files)} tệp, 0 tệp có quy tắc không đạt." in out.getvalue()


def _render(extract, folder, tmp_path: Path, name: str) -> tuple[Path, Path]:
    from baocao.render.extracts import render_one

    docx, pdf = render_one(extract, folder)
    (tmp_path / f"{name}.docx").write_bytes(docx)
    (tmp_path / f"{name}.pdf").write_bytes(pdf)
    return tmp_path / f"{name}.docx", tmp_path / f"{name}.pdf"


def _edit_docx(path: Path, edit) -> Path:
    doc = Document(str(path))
    edit(doc)
    out = path.with_name(path.stem + "-sua.docx")
    doc.save(str(out))
    return out


def _line_paragraph(doc):
    """The empty paragraph whose bottom border is the full-width line."""
    table = doc.tables[-1]
    return next(p for p in table.rows[1].cells[0].paragraphs if p._p.find(qn("w:pPr")).find(qn("w:pBdr")) is not None)


def test_an_extract_without_the_line_fails_r41_only(models, tmp_path):
    extracts, folder = models
    docx, _pdf = _render(extracts[0], folder, tmp_path, "x")

    def remove(doc):
        ppr = _line_paragraph(doc)._p.find(qn("w:pPr"))
        ppr.remove(ppr.find(qn("w:pBdr")))

    assert set(_failed(_edit_docx(docx, remove))) == {"R41"}


def test_a_copy_block_on_a_new_page_fails_r41_only(models, tmp_path):
    extracts, folder = models
    docx, _pdf = _render(extracts[1], folder, tmp_path, "x")

    def break_page(doc):
        doc.tables[-1].rows[2].cells[0].paragraphs[0].paragraph_format.page_break_before = True

    failed = _failed(_edit_docx(docx, break_page))
    assert set(failed) == {"R41"} and "cùng trang" in failed["R41"]


@pytest.mark.parametrize("number,words", [("Số: 5/TrS-VPCP", "số 0"), ("Số: 05/TS-VPCP", "TrS")])
def test_a_wrong_copy_number_fails_r42_only(models, tmp_path, number, words):
    extracts, folder = models
    broken = dataclasses.replace(extracts[2], copy=dataclasses.replace(extracts[2].copy, number_line=number))
    for path in _render(broken, folder, tmp_path, "x"):
        failed = _failed(path)
        assert set(failed) == {"R42"}, (path.suffix, failed)
        assert words in failed["R42"]


def test_trich_sao_not_bold_fails_r42(models, tmp_path):
    extracts, folder = models
    _docx, pdf = _render(extracts[3], folder, tmp_path, "x")
    docx = _edit_docx(_docx, lambda doc: [setattr(r.font, "bold", False)
                                          for c in doc.tables[-1].rows[2].cells for p in c.paragraphs
                                          for r in p.runs if r.text == "TRÍCH SAO"])
    failed = _failed(docx)
    assert set(failed) == {"R42"} and "in đậm" in failed["R42"]


def test_an_electronic_extract_carries_the_signature_box(tmp_path):
    """trich_sao_dien_tu: the box at the top right of page 1 (R43, and R36 for any box)."""
    from baocao.documents.extract import build_extracts, settings_for
    from baocao.documents.notice import build_document
    from baocao.documents.wording import Wording, templates_dir

    notice, registry, layout = loaded(NOTICE)
    layout = layout.with_settings({"trich_sao_dien_tu": "co"})
    folder = templates_dir()
    doc = build_document(notice, registry, layout, Wording(folder), NOTICE.parent)
    extract = build_extracts(notice, registry, doc, settings_for(layout, NOTICE), origin=NOTICE)[0]
    assert extract.signature_box[-1] == "Thời gian ký: 2026-01-16T08:00:00+07:00"
    for path in _render(extract, folder, tmp_path, "dien-tu"):
        statuses = _statuses(path)
        assert statuses["R43"] == PASS and statuses["R36"] == PASS, path.suffix
        assert FAIL not in statuses.values(), (path.suffix, _failed(path))


@pytest.mark.soffice
def test_libreoffice_gives_every_extract_as_many_pages_as_our_pdf(extracts, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed (bash scripts/run.sh test installs it)")
    docx = [str(f["docx"]) for f in extracts.values()]
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path / "lo"), *docx], check=True, capture_output=True, timeout=300)
    for agency, files in extracts.items():
        converted = tmp_path / "lo" / f"{agency}.pdf"
        assert converted.exists(), agency
        assert len(pypdfium2.PdfDocument(str(converted))) == len(pypdfium2.PdfDocument(str(files["pdf"]))), agency


def test_index_lists_every_extract(extracts):
    folder = next(iter(extracts.values()))["docx"].parent
    with open(folder / "index.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert (folder / "index.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert [r["Khóa"] for r in rows] == list(_in_index_order(extracts))
    by_key = {r["Khóa"]: r for r in rows}
    assert by_key["bo-ngoai-giao"]["Số việc chủ trì"] == "6"          # a) (i)–(v) and h)
    assert by_key["bo-ngoai-giao"]["Số việc phối hợp"] == "1"         # đ)
    assert by_key["bo-tai-chinh"]["Phối hợp tại"] == "điểm đ khoản 5"
    numbers = [r["Số bản trích sao"] for r in rows]
    assert numbers == [f"{21 + k:02d}/TrS-VPCP" for k in range(len(rows))]
    html = (folder / "index.html").read_text(encoding="utf-8")
    for r in rows:
        assert f'href="{r["Tệp PDF"]}"' in html and f'href="{r["Tệp DOCX"]}"' in html and r["Cơ quan"] in html


def _in_index_order(extracts):
    """Agencies in the order the notice first names them (as the TrS numbers run)."""
    order = ["bo-ngoai-giao", "bo-cong-thuong", "bo-nong-nghiep-va-moi-truong", "bo-khoa-hoc-va-cong-nghe",
             "bo-xay-dung", "bo-tai-chinh", "ubnd-cac-tinh-thanh-pho", "van-phong-chinh-phu"]
    assert sorted(order) == sorted(extracts)
    return order


def test_number_on_the_page(extracts):
    docx = Document(str(extracts["bo-cong-thuong"]["docx"]))
    texts = [p.text for c in docx.tables[-1].rows[3].cells for p in c.paragraphs]
    assert "Số: 22/TrS-VPCP" in texts and "Hà Nội, ngày 16 tháng 01 năm 2026" in texts


def test_one_and_two_workers_give_the_same_bytes(models):
    from baocao.render.extracts import render_all

    extracts, folder = models
    assert render_all(extracts[:2], folder, workers=1) == render_all(extracts[:2], folder, workers=2)


def test_nothing_but_the_notice_for_a_notice_that_assigns_nothing():
    files = built_files(ROOT / "data" / "thong-bao-831-tb-ubnd-cam-duong.yaml")
    assert sorted(f.name for f in files) == ["thong-bao.docx", "thong-bao.pdf"]
