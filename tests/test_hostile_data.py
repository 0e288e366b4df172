"""Data the renderers cannot honour is refused at validation, at its file and line, and a build
then writes nothing: characters the PDF's font cannot draw or that hide (bidi, zero width), digits
other than 0–9, dates out of range, text too long, more items than numbering can number, and
signature pictures outside the notice's folder, too large or broken. What the renderers can honour
— a realistic 230-character meeting name — builds, with the DOCX metadata shortened safely."""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest

from baocao.cli import main
from baocao.documents import metrics

sys.path.insert(0, str(Path(__file__).parent / "resources" / "hostile"))

import generate  # noqa: E402

GOOD = Path(__file__).parent / "resources" / "good"
BASE = (GOOD / "toi-thieu.yaml").read_text(encoding="utf-8")
FIRST_ITEM = "    - Thống nhất với báo cáo của Phòng Tổng hợp."
SIGNER = "  ho_ten: Nguyễn Văn An"
MEETING = ("Hội nghị trực tuyến toàn quốc tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026 của ngành Văn "
           "phòng các cấp và công tác phối hợp giữa Văn phòng Chính phủ với Văn phòng các Bộ, cơ quan ngang Bộ và Ủy "
           "ban nhân dân các tỉnh, thành phố")


def notice(tmp_path: Path, text: str, files: dict[str, bytes | str] | None = None) -> Path:
    """A folder holding the test registry, the notice *text* and *files* ("->target": a symlink)."""
    (tmp_path / "co-quan.yaml").write_text((GOOD / "co-quan.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for name, data in (files or {}).items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.symlink_to(data.removeprefix("->"))
        else:
            path.write_bytes(data)
    path = tmp_path / "tb.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out, err)
    return status, out.getvalue() + err.getvalue()


def item(text: str) -> str:
    return BASE.replace(FIRST_ITEM, f"    - {text}")


def signature(value: str) -> str:
    return BASE.replace(SIGNER, f"{SIGNER}\n  chu_ky: {value}")


SIGNATURE_PNG = (GOOD / "anh" / "chu-ky.png").read_bytes()

# name → (notice text, files beside it, line, [field], words of the message)
CASES = {
    "emoji": (item("Thống nhất với báo cáo 😀 của Phòng Tổng hợp."), None, 17, "noi_dung.khoan[1]",
              "'😀' (U+1F600 GRINNING FACE) mà phông chữ của bản PDF (Liberation Serif) không có"),
    "cjk": (item("Thống nhất 中文 với báo cáo."), None, 17, "noi_dung.khoan[1]", "U+4E2D"),
    "private-use": (item("Thống nhất \ue000 với báo cáo."), None, 17, "noi_dung.khoan[1]", "Private Use"),
    "bidi": (item("Thống nhất \u202e với báo cáo."), None, 17, "noi_dung.khoan[1]",
             "điều khiển chiều chữ U+202E RIGHT-TO-LEFT OVERRIDE"),
    "zero-width": (item("Thống\u200b nhất với báo cáo."), None, 17, "noi_dung.khoan[1]",
                   "ký tự vô hình U+200B ZERO WIDTH SPACE"),
    "cyrillic-lookalike": (item("Thống nhất với Cổng TTĐ\u0422\u0421\u0420."), None, 17, "noi_dung.khoan[1]",
                           "U+0422 CYRILLIC CAPITAL LETTER TE"),
    "hebrew": (item("Thống nhất אבג với báo cáo."), None, 17, "noi_dung.khoan[1]",
               "chữ viết từ phải sang trái U+05D0 HEBREW LETTER ALEF"),
    "grapheme-joiner": (item("Thống\u034f nhất."), None, 17, "noi_dung.khoan[1]",
                        "ký tự vô hình U+034F COMBINING GRAPHEME JOINER"),
    "lone-mark": (item("Thống nhất a\u0331 với báo cáo."), None, 17, "noi_dung.khoan[1]",
                  "dấu U+0331 COMBINING MACRON BELOW không ghép được"),
    "arabic-digit": (BASE.replace("  so: 3", "  so: ٣"), None, 4, "van_ban.so", "U+0663 ARABIC-INDIC DIGIT THREE"),
    "fullwidth-digit": (BASE.replace("  so: 3", "  so: ３"), None, 4, "van_ban.so", "U+FF13 FULLWIDTH DIGIT THREE"),
    "year-9999": (BASE.replace("  ngay: 2026-03-02", "  ngay: 9999-12-31"), None, 5, "van_ban.ngay",
                  "ngày 9999-12-31 nằm ngoài khoảng 1900–2100"),
    "deadline-9999": (BASE.replace("truoc 2026-03-20", "truoc 9999-12-31"), None, 20,
                      "noi_dung.khoan[2].thoi_han[1]", "thời hạn 'truoc 9999-12-31' nằm ngoài khoảng 1900–2100"),
    "4000-y": (item("van_ban: Các ý\n      y:\n" + "        - ý\n" * 4000), None, 18, "noi_dung.khoan[1].y",
               "có 4000 mục, quá giới hạn 3999 mục"),
    "5001-items": (BASE.replace(FIRST_ITEM, "    - x\n" * 5000 + "    - y"), None, 5017, "noi_dung.khoan[5001]",
                   "nội dung có hơn 5.000 mục"),
    "long-summary": (BASE.replace("  thong_bao_den: các phòng", "  thong_bao_den: các phòng\n  trich_yeu: "
                                  + " ".join(["Kết luận về công tác"] * 4000)), None, 7, "van_ban.trich_yeu",
                     "trích yếu dài 83.999 ký tự, quá giới hạn 600 ký tự"),
    "long-paragraph": (item(" ".join(["Thống nhất với báo cáo"] * 500)), None, 17, "noi_dung.khoan[1].van_ban",
                       "đoạn văn dài 11.499 ký tự, quá giới hạn 10.000 ký tự"),
    "long-agency-name": (BASE + "co_quan_them:\n  so-moi:\n    ten: " + "Ban Chỉ đạo " * 20 + "\n    loai: khac\n",
                         None, 32, "co_quan_them.so-moi.ten", "tên dài 239 ký tự, quá giới hạn 200 ký tự"),
    "absolute-signature": (signature("/etc/baocao-chu-ky.png"), None, 26, "nguoi_ky.chu_ky",
                           "phải là đường dẫn tương đối"),
    "dotdot-signature": (signature("../chu-ky.png"), None, 26, "nguoi_ky.chu_ky", "nằm ngoài thư mục chứa tệp dữ liệu"),
    "symlink-out-signature": (signature("anh/chu-ky.png"), {"anh/chu-ky.png": "->/etc/passwd"}, 26,
                              "nguoi_ky.chu_ky", "nằm ngoài thư mục chứa tệp dữ liệu"),
    "huge-signature": (signature("anh/chu-ky.png"), {"anh/chu-ky.png": generate.png(30_000, 30_000)}, 26,
                       "nguoi_ky.chu_ky", "ảnh 30000×30000 điểm ảnh, quá giới hạn 16 triệu điểm ảnh"),
    "broken-signature": (signature("anh/chu-ky.png"), {"anh/chu-ky.png": generate.png(64, 64, broken_body=True)},
                         26, "nguoi_ky.chu_ky", "ảnh PNG bị hỏng"),
    "folder-signature": (signature("anh"), {"anh/x.png": SIGNATURE_PNG}, 26, "nguoi_ky.chu_ky",
                         "không phải tệp ảnh thường"),
    "heavy-signature": (signature("anh/chu-ky.png"), {"anh/chu-ky.png": SIGNATURE_PNG + b"\0" * (6 << 20)}, 26,
                        "nguoi_ky.chu_ky", "quá giới hạn 5 MiB"),
}


@pytest.mark.parametrize("name", CASES)
def test_refused_at_its_line_and_nothing_is_built(name, tmp_path):
    text, files, line, field, words = CASES[name]
    path = notice(tmp_path, text, files)
    status, said = run("validate", str(path))
    assert status == 2, said
    assert re.search(rf"{re.escape(str(path))}:{line}(:\d+)?: lỗi \[{re.escape(field)}\]: ", said), said
    assert words in said and "Traceback" not in said and "lỗi nội bộ" not in said
    out = tmp_path / "out"
    status, said = run("build", str(path), "--out", str(out))
    assert status == 2 and words in said
    assert not out.exists() or not any(out.iterdir())


def test_the_column_of_a_refused_character_is_its_own(tmp_path):
    path = notice(tmp_path, item("Thống nhất với báo cáo 😀 của Phòng Tổng hợp."))
    _, said = run("validate", str(path))
    line = FIRST_ITEM.replace("Thống nhất với báo cáo của Phòng Tổng hợp.", "Thống nhất với báo cáo 😀")
    assert f"tb.yaml:17:{len(line)}:" in said


def test_a_fifo_named_like_a_notice_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "tb.yaml"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "baocao", "validate", str(fifo)], capture_output=True,
                          text=True, timeout=30)
    assert done.returncode == 2 and "đây là ống dẫn (FIFO), không phải tệp YAML thường" in done.stderr


def test_vietnamese_typed_with_combining_marks_is_composed_and_accepted(tmp_path):
    path = notice(tmp_path, item("Thông nha\u0302\u0301t vo\u031b\u0301i ba\u0301o ca\u0301o."))
    status, said = run("validate", str(path))
    assert status == 0, said


def test_a_lookalike_is_named_with_the_word_written_in_latin(tmp_path):
    path = notice(tmp_path, item("Gửi Cổng TTĐ\u0422\u0421\u0420 và ch\u00e0\u043e hỏi."))
    status, said = run("validate", str(path))
    assert status == 2 and "«TTĐTCP»" in said and "CYRILLIC CAPITAL LETTER ES" in said, said


@pytest.mark.parametrize("text", ["Ghi lời chào tiếng Nga «Здравствуйте».", "Hệ số α và góc β.",
                                  "Đơn vị µm, Ω."])
def test_whole_words_in_another_script_are_accepted(tmp_path, text):
    status, said = run("validate", str(notice(tmp_path, item(text))))
    assert status == 0, said


def test_a_symlink_inside_the_folder_is_a_picture_like_any_other(tmp_path):
    path = notice(tmp_path, signature("anh/chu-ky.png"),
                  {"anh/goc.png": SIGNATURE_PNG, "anh/chu-ky.png": "->goc.png"})
    status, said = run("validate", str(path))
    assert status == 0, said


@pytest.mark.slow
def test_a_230_character_meeting_name_builds_with_shortened_docx_metadata(tmp_path):
    assert len(MEETING) >= 230
    path = notice(tmp_path, BASE.replace("ten: Cuộc họp giao ban tháng 2 năm 2026", f"ten: {MEETING}"))
    status, said = run("build", str(path), "--out", str(tmp_path / "out"))
    assert status == 0, said
    built = docx.Document(str(tmp_path / "out" / "tb" / "thong-bao.docx"))   # the notice, not an extract
    title = built.core_properties.title
    assert len(title) <= 255 and title.endswith("…") and title.startswith("Kết luận của Chánh Văn phòng")
    body = "\n".join(p.text for p in built.paragraphs)
    assert MEETING.split(",")[0] in body and "Ủy ban nhân dân các tỉnh, thành phố" in body


def test_balancing_a_title_of_thousands_of_lines_is_greedy_and_fast():
    text = " ".join(["Kết luận về công tác"] * 4000)
    start = time.monotonic()
    lines = metrics.balanced_wrap(text, 120.0, 14.0, bold=True)
    assert time.monotonic() - start < 2
    assert lines == metrics.wrap(text, 120.0, 14.0, bold=True)
    assert " ".join(lines) == text


def test_a_short_title_is_still_balanced():
    lines = metrics.balanced_wrap("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", 45.0, 13.0, bold=True)
    assert lines == ["BỘ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"]


def test_a_broken_picture_is_refused_even_once_weasyprint_tolerates_truncated_ones(tmp_path):
    import weasyprint  # noqa: F401  (sets PIL.ImageFile.LOAD_TRUNCATED_IMAGES for the process)
    from PIL import ImageFile

    from baocao.render.images import image_problem

    path = tmp_path / "hong.png"
    path.write_bytes(generate.png(64, 64, broken_body=True))
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True
    assert "bị hỏng" in image_problem(path)
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True
