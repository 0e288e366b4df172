"""baocao import on bad and hostile input: a clean Vietnamese error, exit status 2, no traceback,
and nothing written or left behind. Hostile files are made at test time."""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from import_helpers import ROOT

from baocao.cli import main

REAL = ROOT / "tests" / "resources" / "real"
NOT_A_NOTICE = ROOT / "tests" / "resources" / "realdocs" / "05_CV-3155_SCT-CN_tu-choi.docx"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(["import", *map(str, args)], stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def refused(path: Path, *, folder: Path, expect: str) -> str:
    """Import *path* into *folder*/kq.yaml; asserts the refusal and that the folder is unchanged."""
    before = sorted(folder.iterdir())
    status, out, err = run(path, "-o", folder / "kq.yaml")
    assert status == 2, err
    assert expect in err, err
    assert err.startswith("Lỗi:") and "Traceback" not in err and out == ""
    assert sorted(folder.iterdir()) == before
    return err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "data"
    out.mkdir()
    return out


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_empty_file(tmp_path, folder, suffix):
    empty = tmp_path / f"rong{suffix}"
    empty.write_bytes(b"")
    refused(empty, folder=folder, expect="tệp rỗng")


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_fifty_megabytes(tmp_path, folder, suffix):
    big = tmp_path / f"lon{suffix}"
    with open(big, "wb") as handle:          # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    refused(big, folder=folder, expect="tệp quá lớn")


def test_docx_that_is_not_a_notice(folder):
    refused(NOT_A_NOTICE, folder=folder, expect="không phải một thông báo")


def test_pdf_without_text(tmp_path, folder):
    from PIL import Image, ImageDraw

    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    for y in range(200, 1500, 40):                       # lines of "text" as a scan shows them
        draw.rectangle((150, y, 1090, y + 14), fill="black")
    scan = tmp_path / "ban-quet.pdf"
    page.save(scan, "PDF", resolution=150)
    err = refused(scan, folder=folder, expect="lớp chữ")
    assert "--ocr" in err


def test_zip_bomb(tmp_path, folder):
    bomb = tmp_path / "bom.docx"
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            for _ in range(200):                          # 200 MB of zeros, about 200 KB packed
                member.write(chunk)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    refused(bomb, folder=folder, expect="bom zip")


def test_xml_entities_refused(tmp_path, folder):
    laughs = tmp_path / "laughs.docx"
    with zipfile.ZipFile(laughs, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                                              '<!ENTITY lol2 "&lol;&lol;&lol;">]><w:document/>')
    refused(laughs, folder=folder, expect="DOCTYPE")


@pytest.mark.parametrize("suffix, content, expect", [
    (".docx", b"PK\x03\x04 not really a zip", "không phải tệp DOCX hợp lệ"),
    (".pdf", b"%PDF-1.7 broken", "không phải tệp PDF đọc được"),
    (".txt", b"\x00\x01\x02\xff\xfe binary", "không phải văn bản"),
])
def test_broken_files(tmp_path, folder, suffix, content, expect):
    bad = tmp_path / f"hong{suffix}"
    bad.write_bytes(content)
    refused(bad, folder=folder, expect=expect)


def test_legacy_encoding(tmp_path, folder):
    tcvn3 = tmp_path / "tcvn3.txt"
    tcvn3.write_text("THÔNG BÁO\nKÕt luËn cña Bé tr­ëng vÒ c«ng t¸c\n\nBé C«ng Th­¬ng chñ tr×.\n", encoding="utf-8")
    refused(tcvn3, folder=folder, expect="bảng mã cũ")


def test_not_regular_files(tmp_path, folder):
    fifo = tmp_path / "ong.txt"
    os.mkfifo(fifo)                                      # reading it would block: never opened
    refused(fifo, folder=folder, expect="không phải tệp thông thường")
    directory = tmp_path / "thu-muc.docx"
    directory.mkdir()
    refused(directory, folder=folder, expect="thư mục")


def test_other_kinds_of_file(tmp_path, folder):
    odt = tmp_path / "thong-bao.odt"
    odt.write_bytes(b"PK\x03\x04")
    refused(odt, folder=folder, expect=".docx, .pdf hoặc .txt")


def test_missing_file_and_folder(tmp_path, folder):
    refused(tmp_path / "khong-co.txt", folder=folder, expect="không tồn tại")
    status, _out, err = run(REAL / "D_hanoi-ubnd-453-2026-treo-co.txt", "-o", tmp_path / "khong-co" / "kq.yaml")
    assert status == 2 and "không có" in err


def test_existing_output_needs_force(folder):
    source = REAL / "D_hanoi-ubnd-453-2026-treo-co.txt"
    target = folder / "kq.yaml"
    target.write_text("# của người khác\n", encoding="utf-8")
    status, _out, err = run(source, "-o", target)
    assert status == 2 and "--force" in err
    assert target.read_text(encoding="utf-8") == "# của người khác\n"
    status, _out, err = run(source, "-o", target, "--force")
    assert status == 0, err
    assert "ubnd-tp-ha-noi" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in folder.iterdir()) == ["kq.yaml"]       # no temporary file left


def test_invalid_result_is_not_written(folder, monkeypatch):
    """Should recognition ever produce data baocao refuses and cannot take back, the validator's
    errors come out with file:line (of the YAML that was not written) and nothing is written."""
    from baocao.importer import pipeline

    real = pipeline.recognise

    def broken(*args, **kwargs):
        result = real(*args, **kwargs)
        result.data["nguoi_ky"]["ho_ten"] = "TS. Võ Tuấn Anh"
        return result

    monkeypatch.setattr(pipeline, "recognise", broken)
    err = refused(REAL / "D_hanoi-ubnd-453-2026-treo-co.txt", folder=folder, expect="không hợp lệ, không ghi gì")
    assert "kq.yaml:" in err and "nguoi_ky.ho_ten" in err and "học hàm" in err


def test_refused_recognition_is_taken_back(folder, monkeypatch):
    """A lead or coordinator the validator refuses is dropped with a comment; the words stay."""
    from baocao.importer import pipeline

    real = pipeline.recognise

    def wrong(*args, **kwargs):
        result = real(*args, **kwargs)
        task = result.data["noi_dung"]["doan"][0]
        task["phoi_hop"] = ["bo-khong-co", *task.get("phoi_hop", [])]
        return result

    monkeypatch.setattr(pipeline, "recognise", wrong)
    status, _out, err = run(REAL / "D_vpcp-472-2023-khu-cong-nghe-cao.txt", "-o", folder / "kq.yaml")
    assert status == 0, err
    text = (folder / "kq.yaml").read_text(encoding="utf-8")
    assert "bo-khong-co" in text.split("noi_dung:")[1].split("nguoi_ky:")[0]       # in the comment only
    assert "phoi_hop: [van-phong-chinh-phu]" in text and "kiểm tra lại: đã bỏ «bo-khong-co»" in text


def test_to_standard_output(tmp_path):
    from baocao.data.load import load_text

    status, out, err = run(REAL / "D_vpcp-472-2023-khu-cong-nghe-cao.txt")
    assert status == 0, err
    assert "Đã nhập" in err and "1 việc được giao" in err
    data = load_text(out).data
    assert data["noi_dung"]["doan"][0]["chu_tri"] == "bo-khoa-hoc-va-cong-nghe"
