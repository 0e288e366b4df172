"""The strict YAML loader: text-only values, marks, and what it refuses."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from baocao.data.load import MAX_BYTES, MAX_DEPTH, format_path, load, load_text
from baocao.data.text import decode, guess_field, legacy_encoding
from baocao.errors import DataError

ROOT = Path(__file__).parent.parent


def refused(text: str) -> str:
    with pytest.raises(DataError) as caught:
        load_text(text, "t.yaml")
    problem = caught.value.first
    assert problem.file == "t.yaml"
    return problem.format()


def test_every_scalar_stays_text():
    doc = load_text("a: 012\nb: NO\nc: yes\nd: 1.5\ne: 2026-01-16\nf: ~\ng: null\nh: 1e3\ni: 0x1F\nj: .inf\n")
    assert doc.data == {"a": "012", "b": "NO", "c": "yes", "d": "1.5", "e": "2026-01-16", "f": "~",
                        "g": "null", "h": "1e3", "i": "0x1F", "j": ".inf"}


def test_empty_plain_value_is_none_but_quoted_empty_is_text():
    assert load_text("a:\nb: ''\nc: \"\"\n").data == {"a": None, "b": "", "c": ""}
    assert load_text("").data is None
    assert load_text("# chỉ có chú thích\n").data is None


def test_marks_are_one_based_and_point_at_keys_and_items():
    doc = load_text("# chú thích\nnoi_dung:\n  khoan:\n    - a\n    - van_ban: b\n      diem: [x, y]\n")
    assert doc.marks[()] == (2, 1)
    assert doc.marks[("noi_dung",)] == (2, 1)
    assert doc.marks[("noi_dung", "khoan")] == (3, 3)
    assert doc.marks[("noi_dung", "khoan", 0)] == (4, 7)
    assert doc.marks[("noi_dung", "khoan", 1)] == (5, 7)
    assert doc.marks[("noi_dung", "khoan", 1, "van_ban")] == (5, 7)
    assert doc.marks[("noi_dung", "khoan", 1, "diem", 1)] == (6, 17)
    assert doc.mark(("noi_dung", "khoan", 1, "diem", 1, "thoi_han")) == (6, 17)


def test_format_path_counts_from_one():
    assert format_path(("noi_dung", "khoan", 3, "diem", 1, "van_ban")) == "noi_dung.khoan[4].diem[2].van_ban"
    assert format_path(()) == ""


def test_text_is_nfc():
    decomposed = unicodedata.normalize("NFD", "Bộ Công Thương")
    doc = load_text(f"{unicodedata.normalize('NFD', 'tên')}: {decomposed}\n")
    assert doc.data == {"tên": "Bộ Công Thương"}
    assert unicodedata.is_normalized("NFC", doc.data["tên"])


def test_crlf_bom_and_block_scalars():
    raw = "\ufeffa: một\r\nb: >-\r\n  hai\r\n  ba\r\nc: |\r\n  bốn\r\n".encode("utf-8")
    doc = load_text(decode(raw, "t.yaml"))
    assert doc.data == {"a": "một", "b": "hai ba", "c": "bốn\n"}
    assert doc.marks[("c",)] == (5, 1)


@pytest.mark.parametrize("text, words", [
    ("a: &x 1\nb: *x\n", "mỏ neo"),
    ("a: *x\n", "bí danh"),
    ("a: !!str 1\n", "thẻ kiểu"),
    ("a: !foo 1\n", "thẻ kiểu"),
    ("a: ! 1\n", "thẻ kiểu"),
    ("!!map {a: 1}\n", "thẻ kiểu"),
    ("a: 1\nb: 2\na: 3\n", "bị lặp (đã có ở dòng 1)"),
    ("? [a, b]\n: 1\n", "tên khóa"),
    ("? {a: 1}\n: 1\n", "tên khóa"),
    ("a: b: c\n", "ngoặc kép"),
    ("a: [1, 2\n", "lỗi cú pháp YAML"),
    ("a: 'x\n", "lỗi cú pháp YAML"),
    ("a: @b\n", "'@'"),
    ("a: `b\n", "'`'"),
    ("a:\n  b: 1\n c: 2\n", "thụt lề"),
    ("a: 1\n---\nb: 2\n", "một tài liệu"),
    ("a:\n\tb: 1\n", "Tab"),
    ("a:\n  \t- 1\n", "Tab"),
    ("a: x\x07y\n", "U+0007"),
    ("a: x\x7fy\n", "U+007F"),
    ("a: x\x85y\n", "U+0085"),
    ("a: x\u2028y\n", "U+2028"),
    ("a: \"x\\0y\"\n", "U+0000"),
    ("a: \"x\\x1by\"\n", "U+001B"),
    ("a: \"x\\uFFFEy\"\n", "U+FFFE"),
    ("a: \"x\\udfffy\"\n", "U+DFFF"),
    ("a: x\ud800y\n", "U+D800"),
])
def test_refusals(text, words):
    message = refused(text)
    assert words in message
    assert "t.yaml:" in message


def test_refusals_name_the_line_and_guess_the_field():
    message = refused("van_ban:\n  so: 3\ncuoc_hop:\n  ten: &a Hội nghị\n")
    assert message.startswith("t.yaml:4:8:") and "[cuoc_hop.ten]" in message
    message = refused("van_ban:\n  so: 3\n\tngay: 2026-01-01\n")
    assert message.startswith("t.yaml:3:1:") and "[van_ban.ngay]" in message


def test_tab_inside_a_value():
    assert load_text("a: \"x\ty\"\nb: \"\\t\"\n").data == {"a": "x\ty", "b": "\t"}
    message = refused("a: x\ty\n")
    assert message.startswith("t.yaml:1:5: lỗi [a]:") and "Tab trong giá trị" in message


def test_depth_is_capped():
    assert load_text("a: " + "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1) + "\n").data
    assert "lồng quá sâu" in refused("a: " + "[" * MAX_DEPTH + "x" + "]" * MAX_DEPTH + "\n")
    assert "lồng quá sâu" in refused("[" * 10000)


def test_billion_laughs_is_refused_at_the_first_anchor():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]" for p, c in zip("abcdefgh", "bcdefghi")]
    message = refused("\n".join(lines))
    assert message.startswith("t.yaml:1:4:") and "mỏ neo" in message


def test_size_cap_before_reading(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as stream:
        stream.truncate(MAX_BYTES + 1)
    with pytest.raises(DataError) as caught:
        load(big)
    assert "quá lớn" in caught.value.first.message
    ok = tmp_path / "ok.yaml"
    ok.write_bytes(b"a: " + b"x" * (MAX_BYTES - 10) + b"\n")
    assert len(load(ok).data["a"]) == MAX_BYTES - 10


def test_unreadable_paths(tmp_path):
    for path, words in ((tmp_path / "khong-co.yaml", "không tìm thấy tệp"), (tmp_path, "thư mục")):
        with pytest.raises(DataError) as caught:
            load(path)
        assert words in caught.value.first.message


@pytest.mark.parametrize("raw, words, line", [
    (b"a: 1\nb: caf\xe9\n", "UTF-8", 2),
    (b"a: 1\n\x00\x01\x02\xff\xfe binary", "nhị phân", 2),
    (b"\xff\xfea\x00:\x00", "UTF-16", 1),
    ("a: 1\nten: Bé C«ng Th­¬ng\n".encode("cp1252"), "TCVN3", 2),
])
def test_bytes_that_are_not_utf8(raw, words, line):
    with pytest.raises(DataError) as caught:
        decode(raw, "t.yaml")
    problem = caught.value.first
    assert words in problem.message
    assert problem.line == line
    assert words == "UTF-16" or "0x" in problem.message


@pytest.mark.parametrize("text, kind", [
    ("ten: Bé C«ng Th­¬ng", "tcvn3"),
    ("ten: Uû ban nh©n d©n tØnh", "tcvn3"),
    ("dia_diem: Phßng häp sè 1", "tcvn3"),
    ("ten: Boä Coâng Thöông", "vni"),
    ("ten: BOÄ COÂNG THÖÔNG", "vni"),
    ("ten: UÛy ban nhaân daân tænh", "vni"),
    ("ten: Bá»™ CÃ´ng ThÆ°Æ¡ng", "mojibake"),
])
def test_legacy_encodings_are_named(text, kind):
    assert legacy_encoding(text) == kind
    message = refused(f"a: 1\n{text}\n")
    assert message.startswith("t.yaml:2:")
    assert {"tcvn3": "TCVN3", "vni": "VNI", "mojibake": "lỗi mã"}[kind] in message


@pytest.mark.parametrize("text", [
    "Bộ Công Thương, Ủy ban nhân dân tỉnh Lào Cai, hoà bình, hoá đơn, quà, Thuý, xuân, khoẻ, tuỳ",
    "Hợp tác với Nestlé, Citroën và Noël; Ørsted; España; São Paulo; Curaçao; Zürich; Müller",
    "Đại sứ tại Đức làm việc với ông Müller ở München; © 2026, Viettel®; nhiệt độ 30°C; ± 5%",
    "“chủ động tích cực”, «trích dẫn», 8,3-8,5%, Go Global…",
])
def test_real_vietnamese_and_foreign_names_pass(text):
    assert legacy_encoding(text) is None
    assert load_text(f"a: {text}\n").data == {"a": text}


def test_sample_data_and_docs_are_not_mistaken_for_legacy_encodings():
    files = [*ROOT.glob("data/*.yaml"), *ROOT.glob("docs/*.md"), *ROOT.glob("tests/resources/good/*.yaml")]
    assert files
    for path in files:
        assert legacy_encoding(path.read_text(encoding="utf-8")) is None, path


def test_guess_field_follows_indentation():
    text = "van_ban:\n  so: 3\nnoi_dung:\n  khoan:\n    - van_ban: x\n      diem:\n        - y\n"
    assert guess_field(text, 2) == "van_ban.so"
    assert guess_field(text, 5) == "noi_dung.khoan.van_ban"
    assert guess_field(text, 7) == "noi_dung.khoan.diem"
    assert guess_field("", 1) == ""
