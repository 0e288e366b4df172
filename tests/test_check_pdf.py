"""The PDF reader: fonts and embedding, empty pages, signature and seal pictures, the
signature-information box."""
from __future__ import annotations

import base64
import io
import os
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "check_corpus"))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "resources", "hostile"))

import generate  # noqa: E402

from notice_docx import NoticeSpec  # noqa: E402
from notice_html import build_html  # noqa: E402

from baocao.check import FAIL, PASS, SKIP, UnreadableFile, check_file  # noqa: E402


def tiny_pdf(content: bytes, font: bytes = b"/Type /Font /Subtype /Type1 /BaseFont /Times-Roman") -> bytes:
    """A one-page A4 PDF written by hand: catalog, page tree, one page, one base-14 font."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< " + font + b" >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    return generate.pdf(objects)


def test_base14_font_is_not_embedded(tmp_path):
    lines = [b"BT /F1 14 Tf 85 700 Td (Van ban thu nghiem dung phong Times chuan) Tj ET",
             b"BT /F1 14 Tf 85 680 Td (khong nhung vao tep PDF.) Tj ET"]
    path = tmp_path / "base14.pdf"
    path.write_bytes(tiny_pdf(b"\n".join(lines)))
    report = check_file(str(path))
    r4 = report.finding("R4")
    assert r4.status == FAIL and "nhúng" in r4.message
    assert report.finding("R1").status == PASS


def test_page_without_text(tmp_path):
    path = tmp_path / "blank.pdf"
    path.write_bytes(tiny_pdf(b"0 0 m 10 10 l S"))
    report = check_file(str(path))
    assert report.finding("R1").status == PASS
    assert report.finding("R8").status == FAIL
    assert {f.status for f in report.findings} <= {PASS, FAIL, SKIP}


def test_truncated_pdf_is_a_clear_error(tmp_path):
    data = tiny_pdf(b"BT /F1 14 Tf 85 700 Td (abc) Tj ET")
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[:60])
    with pytest.raises(UnreadableFile) as err:
        check_file(str(path))
    assert "PDF" in str(err.value)


# ---------------------------------------------------------------- pictures (WeasyPrint)
def _png(draw, size, mode="RGBA", fmt="PNG") -> str:
    from PIL import Image, ImageDraw

    im = Image.new(mode, size, (255, 255, 255, 0) if mode == "RGBA" else (255, 255, 255))
    draw(ImageDraw.Draw(im))
    buf = io.BytesIO()
    im.save(buf, fmt)
    return base64.b64encode(buf.getvalue()).decode()


def _signature(fmt="PNG"):
    mode = "RGBA" if fmt == "PNG" else "RGB"
    return _png(lambda d: [d.line([(20, 120 - i * 7), (380, 30 + i * 9)], fill=(20, 40, 200), width=9)
                           for i in range(4)], (400, 160), mode, fmt)


def _seal():
    return _png(lambda d: (d.ellipse([6, 6, 394, 394], outline=(210, 20, 20), width=22),
                           d.ellipse([120, 120, 280, 280], fill=(210, 20, 20))), (400, 400))


def _signed_pdf(tmp_path, seal_mm=36.0, sig_fmt="PNG", box: str | None = None) -> str:
    import weasyprint

    html = build_html(NoticeSpec())
    sig_mime = "png" if sig_fmt == "PNG" else "jpeg"
    seal_left = 20 + 40 / 3 - seal_mm
    block = (
        '<div style="position:relative;height:72pt">'
        f'<img src="data:image/{sig_mime};base64,{_signature(sig_fmt)}" '
        'style="position:absolute;left:20mm;top:4mm;width:40mm;height:16mm">'
        f'<img src="data:image/png;base64,{_seal()}" style="position:absolute;left:{seal_left:.2f}mm;'
        f'top:{12 - seal_mm / 2:.2f}mm;width:{seal_mm}mm;height:{seal_mm}mm"></div>'
        '<div class="name" style="margin-top:0">'
    )
    html = html.replace('<div class="name">', block)
    if box is not None:
        html = html.replace('<table class="header">',
                            f'<div style="font-size:10pt;line-height:1.2;text-align:right">{box}</div>'
                            '<table class="header">')
    path = tmp_path / "signed.pdf"
    path.write_bytes(weasyprint.HTML(string=html).write_pdf())
    return str(path)


def test_signature_and_seal_pictures(tmp_path):
    report = check_file(_signed_pdf(tmp_path))
    assert report.finding("R34").status == PASS, report.finding("R34").message
    assert report.finding("R35").status == PASS, report.finding("R35").message
    assert not report.failed, [f.message for f in report.failed]


def test_seal_of_the_wrong_size(tmp_path):
    report = check_file(_signed_pdf(tmp_path, seal_mm=25.0))
    r35 = report.finding("R35")
    assert r35.status == FAIL and "đường kính" in r35.message


def test_signature_must_be_a_transparent_png(tmp_path):
    report = check_file(_signed_pdf(tmp_path, sig_fmt="JPEG"))
    r34 = report.finding("R34")
    assert r34.status == FAIL and "PNG" in r34.message


BOX = "Văn phòng Chính phủ<br>Thời gian ký: 2026-01-16T09:30:00+07:00"


def test_signature_information_box(tmp_path):
    report = check_file(_signed_pdf(tmp_path, box=BOX))
    assert report.finding("R36").status == PASS, report.finding("R36").message
    assert report.finding("R8").status == PASS


def test_signature_information_box_without_time_zone(tmp_path):
    report = check_file(_signed_pdf(tmp_path, box=BOX.replace("+07:00", "")))
    r36 = report.finding("R36")
    assert r36.status == FAIL and "+07:00" in r36.message
