"""Signature and seal images (§8, R34–R35) placed alike in the DOCX and the PDF."""
from __future__ import annotations

import shutil
import zipfile

import pdfplumber
import pytest
import yaml
from PIL import Image, ImageDraw
from rendered import DATA

MM = 72 / 25.4


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    from baocao.build.outputs import build_notice
    from baocao.data.load import load
    from baocao.data.validate import load_notice
    from baocao.settings import layout_for

    folder = tmp_path_factory.mktemp("signed")
    shutil.copy(DATA / "co-quan.yaml", folder / "co-quan.yaml")
    signature = Image.new("RGBA", (800, 300), (0, 0, 0, 0))
    ImageDraw.Draw(signature).line([(50, 200), (200, 80), (300, 220), (420, 60), (750, 120)],
                                   fill=(20, 40, 200, 255), width=12)
    signature.save(folder / "chu-ky.png")
    seal = Image.new("RGBA", (600, 600), (0, 0, 0, 0))
    ImageDraw.Draw(seal).ellipse([10, 10, 590, 590], outline=(220, 20, 20, 230), width=18)
    seal.save(folder / "dau.png")
    data = load(DATA / "thong-bao-15-tb-vpcp.yaml").data
    data["nguoi_ky"].update(chu_ky="chu-ky.png", dau="dau.png")
    source = folder / "ky-so.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    notice, registry, _ = load_notice(source)
    layout = layout_for(notice, folder)
    files = {f.suffix: f for f in build_notice(notice, registry, layout, source, folder / "out") if f.stem == "thong-bao"}
    return files, layout


def test_docx_has_inline_signature_and_floating_seal(signed):
    files, layout = signed
    with zipfile.ZipFile(files[".docx"]) as z:
        xml = z.read("word/document.xml").decode()
        media = [n for n in z.namelist() if n.startswith("word/media/")]
    assert len(media) == 2
    assert xml.count("<wp:inline") == 1 and xml.count("<wp:anchor") == 1
    diameter_emu = round(layout.seal_diameter_mm * 36000)
    assert f'cx="{diameter_emu}" cy="{diameter_emu}"' in xml


def test_pdf_signature_centred_seal_over_its_left_third(signed):
    files, layout = signed
    with pdfplumber.open(files[".pdf"]) as pdf:
        page = pdf.pages[-1]
        images = sorted(page.images, key=lambda im: im["width"] / im["height"])
    assert len(images) == 2
    seal, signature = images  # the seal is square, the signature wide
    column_left = (layout.margin_left_mm + layout.recipients_column_mm) * MM
    column_centre = column_left + layout.signer_column_mm * MM / 2
    assert abs((signature["x0"] + signature["x1"]) / 2 - column_centre) < 2
    assert abs(seal["width"] / MM - layout.seal_diameter_mm) < layout.seal_diameter_mm * 0.05
    overlap = (seal["x1"] - signature["x0"]) / signature["width"]
    assert 0.25 <= overlap <= 0.40 and seal["x0"] < signature["x0"]
