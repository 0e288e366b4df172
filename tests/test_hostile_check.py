"""``baocao check`` on hostile files: bombs, traps, special files, encrypted and broken documents.

Each file is checked by the real command in its own process; the test measures the wall time and
the peak resident memory of that process and everything it forked (``wait4``), and reads what it
printed. Every file must end within 30 s and 1 GiB with exit status 0, 1 or 2 (the expected one),
a Vietnamese message naming the limit or the reason, no traceback, no "internal error", and nothing
of a file outside the input.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "resources" / "hostile"))

import generate  # noqa: E402

MEASURE = Path(__file__).parent / "resources" / "hostile" / "measure.py"
TIME_S = 30.0
MEMORY = 1 << 30

# file → (exit status, words the message must hold); status 1 means: read and checked
CASES = {
    "zip-bomb.docx": (2, "giải nén ra hơn 64 MiB"),
    "whitespace-bomb.docx": (2, "giải nén ra hơn 64 MiB"),
    "element-bomb.docx": (2, "phần tử XML"),
    "many-paragraphs.docx": (2, "300.000 đoạn (tối đa 100.000 đoạn)"),
    "many-members.docx": (2, "gói DOCX có 65.003 phần"),
    "billion-laughs.docx": (2, "DOCTYPE"),
    "xxe.docx": (2, "DOCTYPE"),
    "xxe-parameter.docx": (2, "DOCTYPE"),
    "deep-nesting.docx": (2, "lồng quá 256 mức"),
    "nested-hyperlinks.docx": (2, "lồng quá 256 mức"),
    "picture-bomb.docx": (2, "12.000×12.000 = 144.000.000 điểm ảnh"),
    "picture-lying-header.docx": (2, "điểm ảnh"),
    "picture-broken-body.docx": (1, "R"),
    "traversal.docx": (1, "R"),
    "broken-zip.docx": (2, "không phải tệp DOCX"),
    "empty.docx": (2, "nội dung không phải DOCX"),
    "ole-encrypted.docx": (2, "đặt mật khẩu"),
    "folder.docx": (2, "thư mục"),
    "glyph-bomb.pdf": (2, "trang 1 có 500.000 ký tự"),
    "operator-bomb.pdf": (2, "trang 1 vẽ hơn 100.000 đối tượng"),
    "form-bomb.pdf": (2, "vượt giới hạn"),
    "picture-bomb.pdf": (2, "30.000×30.000"),
    "dense-5000-pages.pdf": (2, "PDF có 5.000 trang"),
    "encrypted.pdf": (2, "đặt mật khẩu"),
    "encrypted-owner-only.pdf": (1, "R"),
    "broken-pdf.pdf": (2, "cấu trúc PDF hỏng"),
    "lone-surrogate.pdf": (1, "R"),
    "fifo.pdf": (2, "ống dẫn (FIFO)"),
    "device.pdf": (2, "thiết bị"),
    "passwd-link.pdf": (2, "nội dung không phải PDF"),
}
SLOW = {"form-bomb.pdf", "many-paragraphs.docx"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    files = generate.generate(folder)
    (folder / "device.pdf").symlink_to("/dev/zero")
    (folder / "passwd-link.pdf").symlink_to("/etc/passwd")
    files["device.pdf"] = folder / "device.pdf"
    files["passwd-link.pdf"] = folder / "passwd-link.pdf"
    return files


def run_check(path: Path, *options: str, cwd: Path | None = None):
    """(status, stdout + stderr, wall seconds, peak RSS bytes of the command and its children),
    measured from a small process of its own (see measure.py)."""
    done = subprocess.run([sys.executable, str(MEASURE), str(2 * TIME_S), sys.executable, "-m", "baocao",
                           "check", *options, str(path)], capture_output=True, cwd=cwd or path.parent,
                          check=True)
    result = json.loads(done.stdout)
    return result["status"], result["output"], result["wall_s"], result["peak_bytes"]


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.slow) if n in SLOW else n for n in CASES])
def test_hostile_file_is_checked_or_refused_within_bounds(corpus, name):
    status, text, wall, rss = run_check(corpus[name])
    expected, words = CASES[name]
    assert wall < TIME_S, f"{name}: {wall:.1f} s"
    assert rss < MEMORY, f"{name}: {rss / 2**20:.0f} MiB"
    assert status == expected, text
    assert words in text
    assert "Traceback" not in text and "lỗi nội bộ" not in text and "xin báo lại" not in text
    assert not any(marker in text for marker in generate.SECRET_MARKERS), text
    if status == 2:
        assert text.startswith("Lỗi: ") and len(text.splitlines()) == 1
        assert str(corpus[name].name) in text


def test_nothing_is_written_where_zip_member_names_point(corpus, tmp_path):
    run_check(corpus["traversal.docx"], cwd=tmp_path)
    assert not Path("/tmp/baocao-evil-abs.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    assert not (tmp_path.parent / "baocao-evil.txt").exists()


def test_a_time_limit_stops_a_long_check_with_its_message(tmp_path):
    path = tmp_path / "dai.pdf"
    path.write_bytes(generate.many_pages(300))
    status, text, wall, _ = run_check(path, "--thoi-gian-toi-da", "1")
    assert status == 2 and wall < 1 + 2 + 5
    assert "kiểm tra quá 1 giây" in text and "--thoi-gian-toi-da" in text


def test_the_time_limit_option_wants_seconds(tmp_path):
    status, text, _, _ = run_check(tmp_path / "x.pdf", "--thoi-gian-toi-da", "mười")
    assert status == 64 and "số giây" in text


@pytest.mark.slow
def test_a_200_page_notice_is_within_every_limit(tmp_path):
    """The limits are generous: a real notice of 200 pages, as baocao renders it, checks fine."""
    import pypdfium2

    from baocao.cli import main

    data = Path(__file__).parents[1] / "data"
    source = (data / "thong-bao-bo-cong-thuong.yaml").read_text(encoding="utf-8")
    head, tail = source.split("noi_dung:")[0], "nguoi_ky:" + source.split("nguoi_ky:")[1]
    text = ("Các cơ quan, đơn vị tiếp tục rà soát, hoàn thiện hồ sơ, thủ tục đầu tư các dự án nguồn điện, "
            "lưới điện; tăng cường kiểm tra, giám sát việc thực hiện, kịp thời tháo gỡ khó khăn, vướng mắc "
            "phát sinh trong quá trình triển khai, bảo đảm tiến độ và chất lượng công trình theo đúng quy "
            "định của pháp luật hiện hành.")
    body = "noi_dung:\n  khoan:\n" + "".join(f'    - van_ban: "{text} Đoạn số {i}."\n' for i in range(1, 1701))
    (tmp_path / "dai.yaml").write_text(head + body + "\n" + tail, encoding="utf-8")
    (tmp_path / "co-quan.yaml").write_text((data / "co-quan.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["build", str(tmp_path / "dai.yaml"), "--out", str(tmp_path / "out")]) == 0
    pdf = tmp_path / "out" / "dai" / "thong-bao.pdf"        # the notice, not an extract or the briefing
    assert len(pypdfium2.PdfDocument(str(pdf))) >= 200
    for path in (pdf, pdf.with_suffix(".docx")):
        status, text, wall, rss = run_check(path)
        assert status == 0, text
        assert "vượt giới hạn" not in text and wall < TIME_S and rss < MEMORY


def test_utf16_halves_from_a_pdf_are_joined_or_replaced(corpus):
    from baocao.check.checker import read_document

    doc = read_document(str(corpus["lone-surrogate.pdf"]))
    text = " ".join(p.text for p in doc.paras)
    assert "\ufffd\U0001f600C" in text
    assert not any("\ud800" <= ch <= "\udfff" for ch in text)
