"""A scanned notice (a PDF of page pictures, no text layer): refused without --ocr, read by
Tesseract with it. The scan is made at test time from a sample's built PDF."""
from __future__ import annotations

import pytest
from import_helpers import docx_text, fidelity, import_into, project_copy, rebuild_docx, words
from rendered import DATA, built

from baocao.check import ocr
from baocao.importer.errors import UnreadableSource
from baocao.importer.pipeline import import_notice

SAMPLE = DATA / "thong-bao-831-tb-ubnd-cam-duong.yaml"


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(built(SAMPLE)["pdf"]))
    pages = [pdf[i].render(scale=200 / 72).to_pil().convert("RGB") for i in range(len(pdf))]
    path = tmp_path_factory.mktemp("quet") / "ban-quet.pdf"
    pages[0].save(path, "PDF", resolution=200, save_all=True, append_images=pages[1:])
    return path


def test_scan_refused_without_ocr(scan):
    with pytest.raises(UnreadableSource, match="--ocr"):
        import_notice(scan)


@pytest.mark.slow
def test_scan_read_by_ocr(scan, tmp_path):
    if ocr.available() is not None:
        pytest.skip(ocr.available())
    target, _result = import_into(scan, project_copy(tmp_path), SAMPLE.name, ocr=True)
    text = target.read_text(encoding="utf-8")
    assert "nhận dạng (OCR)" in text
    docx, notice, _registry = rebuild_docx(target, tmp_path / "out")
    assert notice.document.number == 831 and notice.document.agency == "ubnd-phuong-cam-duong"
    measured = fidelity(words(docx_text(built(SAMPLE)["docx"])), words(docx_text(docx)))
    assert measured >= 0.97, measured
