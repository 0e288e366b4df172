"""Table-driven tests of baocao.vi against Vietnamese official practice.

Every expected string comes from a written source named in the comment above its group:
Decree 30/2020/NĐ-CP and the real notices quoted in /work/shared/spec (vi-formatting.md tags
[N1]-[N6], [S6]-[S8]), the VPCP notice in seeds/003 ("seed 003"), school textbooks (Toán 4,
Toán 5) and the dictionary sorting rules of Vũ Xuân Lương (Vietlex).
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from baocao.vi import (
    Deadline,
    amount_in_words,
    diem_label,
    format_amount,
    format_date,
    format_month,
    format_number,
    format_percent,
    format_place_date,
    format_quarter,
    format_range,
    format_short_date,
    format_weekday,
    format_year,
    khoan_label,
    number_to_words,
    ordinal,
    parse_date,
    parse_number,
    roman,
    section_label,
    sentence_case,
    slugify_vi,
    sort_vi,
    sub_point_label,
    upper_vi,
)

# --------------------------------------------------------------------------- dates
# ND 30 Phụ lục I II.4.b and its examples (nd30.md §5, vi-formatting.md §4 [S8]);
# real notices [N1]-[N5]; seed 003 ("Ngày 10 tháng 01 năm 2026", "trước ngày 05 tháng 02 năm 2026").
LONG_DATES = [
    (date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),      # ND 30 example
    (date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),      # ND 30 example
    (date(2020, 3, 5), "ngày 05 tháng 3 năm 2020"),       # nd30.md §5
    (date(2020, 1, 1), "ngày 01 tháng 01 năm 2020"),      # nd30.md §5
    (date(2020, 8, 23), "ngày 23 tháng 8 năm 2020"),      # nd30.md §5
    (date(2026, 2, 15), "ngày 15 tháng 02 năm 2026"),     # nd30.md §5
    (date(2024, 10, 14), "ngày 14 tháng 10 năm 2024"),    # [N1]
    (date(2024, 10, 7), "ngày 07 tháng 10 năm 2024"),     # [N1]
    (date(2024, 1, 11), "ngày 11 tháng 01 năm 2024"),     # [N1]
    (date(2024, 7, 16), "ngày 16 tháng 7 năm 2024"),      # [N1]
    (date(2026, 8, 6), "ngày 06 tháng 8 năm 2026"),       # [N5]
    (date(2019, 7, 16), "ngày 16 tháng 7 năm 2019"),      # [N2]
    (date(2022, 4, 15), "ngày 15 tháng 4 năm 2022"),      # [N3]
    (date(2026, 6, 19), "ngày 19 tháng 6 năm 2026"),      # [N4]
    (date(2026, 1, 10), "ngày 10 tháng 01 năm 2026"),     # seed 003
    (date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),      # seed 003
]

# ND 30 example date lines; [N1], [N2], [N3], [N5] headers.
PLACE_DATES = [
    ("Hà Nội", date(2020, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2020"),
    ("Thành phố Hồ Chí Minh", date(2019, 6, 29), "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019"),
    ("Hà Nội", date(2020, 3, 5), "Hà Nội, ngày 05 tháng 3 năm 2020"),
    ("Hà Nội", date(2024, 10, 14), "Hà Nội, ngày 14 tháng 10 năm 2024"),
    ("Cam Đường", date(2026, 8, 6), "Cam Đường, ngày 06 tháng 8 năm 2026"),
    ("Hà Nội", date(2019, 7, 16), "Hà Nội, ngày 16 tháng 7 năm 2019"),
    ("Hà Nội", date(2022, 4, 15), "Hà Nội, ngày 15 tháng 4 năm 2022"),
]

# Numeric dates in notice bodies [N4][N5][N6] (vi-formatting.md §4).
SHORT_DATES = [
    (date(2026, 5, 7), "07/5/2026"),
    (date(2026, 2, 25), "25/02/2026"),
    (date(2025, 6, 16), "16/6/2025"),
    (date(2026, 8, 5), "05/8/2026"),
    (date(2012, 11, 5), "05/11/2012"),
    (date(2025, 8, 14), "14/8/2025"),
    (date(2026, 7, 22), "22/7/2026"),
    (date(2026, 12, 31), "31/12/2026"),
    (date(2026, 7, 30), "30/7/2026"),
    (date(2026, 5, 10), "10/5/2026"),
    (date(2026, 5, 14), "14/5/2026"),
    (date(2026, 1, 10), "10/01/2026"),  # seed 003 meeting date, numeric form
]

# Month periods: seed 003 "trong tháng 6 năm 2026", "trong tháng 02 năm 2026";
# [N4] "tháng 6 năm 2026".
MONTHS = [
    ((2026, 6), "tháng 6 năm 2026"),
    ((2026, 2), "tháng 02 năm 2026"),
    ((2026, 1), "tháng 01 năm 2026"),
    ((2024, 10), "tháng 10 năm 2024"),
]

# Day names from CLDR vi (Babel: "Thứ Hai" … "Chủ Nhật"), with "thứ" lower-cased for use
# inside a sentence ("vào thứ Bảy, ngày …") and "Chủ nhật" as the dictionary spells it.
# Dates are calendar facts: 2 Sep 1945 was a Sunday, 10 Jan 2026 a Saturday.
WEEKDAYS = [
    (date(2026, 1, 5), "thứ Hai"),
    (date(2026, 1, 6), "thứ Ba"),
    (date(2026, 1, 7), "thứ Tư"),
    (date(2026, 1, 8), "thứ Năm"),
    (date(2026, 1, 9), "thứ Sáu"),
    (date(2026, 1, 10), "thứ Bảy"),
    (date(1945, 9, 2), "Chủ nhật"),
]


@pytest.mark.parametrize(("d", "expected"), LONG_DATES)
def test_format_date(d: date, expected: str) -> None:
    assert format_date(d) == expected
    assert parse_date(expected) == d


@pytest.mark.parametrize(("place", "d", "expected"), PLACE_DATES)
def test_format_place_date(place: str, d: date, expected: str) -> None:
    assert format_place_date(place, d) == expected
    assert parse_date(expected) == d


@pytest.mark.parametrize(("d", "expected"), SHORT_DATES)
def test_format_short_date(d: date, expected: str) -> None:
    assert format_short_date(d) == expected
    assert parse_date(expected) == d


@pytest.mark.parametrize(("args", "expected"), MONTHS)
def test_format_month(args: tuple[int, int], expected: str) -> None:
    assert format_month(*args) == expected


@pytest.mark.parametrize(("d", "expected"), WEEKDAYS)
def test_format_weekday(d: date, expected: str) -> None:
    assert format_weekday(d) == expected


# Drafts leave day and month blank (nd30.md §5, [PRACTICE] S29).
def test_draft_date_line() -> None:
    assert format_place_date("Hà Nội", None, 2026) == "Hà Nội, ngày    tháng    năm 2026"


# ------------------------------------------------------------------------ deadlines
# Seed 003: "trước ngày 05 tháng 02 năm 2026", "trong tháng 6 năm 2026", "trong Quý I/2026",
# "trong năm 2026", "trong tháng 02 năm 2026"; seeds 000/001: "6 tháng đầu năm 2025",
# "6 tháng cuối năm 2025"; [N4] "hoàn thành trước ngày 31/12/2026"; [S10] "Quý I/2021".
DEADLINE_PHRASES = [
    ("2026-02-05", "ngày 05 tháng 02 năm 2026"),
    ("truoc 2026-02-05", "trước ngày 05 tháng 02 năm 2026"),
    ("truoc 2024-10-20", "trước ngày 20 tháng 10 năm 2024"),  # [N1]
    ("2026-06", "trong tháng 6 năm 2026"),
    ("2026-02", "trong tháng 02 năm 2026"),
    ("2026-Q1", "trong Quý I/2026"),
    ("2025-H1", "trong 6 tháng đầu năm 2025"),
    ("2025-H2", "trong 6 tháng cuối năm 2025"),
    ("2026", "trong năm 2026"),
    ("thuong-xuyen", "thường xuyên"),
]
DEADLINE_LABELS = [
    ("truoc 2026-12-31", "trước 31/12/2026"),   # [N4] "trước ngày 31/12/2026"
    ("truoc 2026-07-30", "trước 30/7/2026"),    # [N4] "trước ngày 30/7/2026"
    ("2026-02-05", "05/02/2026"),
    ("2021-Q1", "Quý I/2021"),                  # [S10]
    ("2024-Q1", "Quý I/2024"),                  # [S11]
    ("2025-H1", "6 tháng đầu năm 2025"),        # seed 000
    ("2025-H2", "6 tháng cuối năm 2025"),       # seed 001
]
# Quarters in Roman numerals: "quý I", "quý II" [S6]; "Quý I/2026" seed 003.
QUARTERS = [
    ((1, 2026), "Quý I/2026"),
    ((2, 2024), "Quý II/2024"),
    ((3, 2026), "Quý III/2026"),
    ((4, 2026), "Quý IV/2026"),
]


@pytest.mark.parametrize(("text", "expected"), DEADLINE_PHRASES)
def test_deadline_phrase(text: str, expected: str) -> None:
    assert Deadline.parse(text).phrase() == expected


@pytest.mark.parametrize(("text", "expected"), DEADLINE_LABELS)
def test_deadline_label(text: str, expected: str) -> None:
    assert Deadline.parse(text).label() == expected


@pytest.mark.parametrize(("args", "expected"), QUARTERS)
def test_format_quarter(args: tuple[int, int], expected: str) -> None:
    assert format_quarter(*args) == expected


# --------------------------------------------------------------------------- numbers
# Separators: CLDR vi and [S6]/[S7] figures (vi-formatting.md §1-§3); "29,0%" keeps its
# written zero [N4]; years are never grouped [N1][N5].
NUMBERS = [
    ((1234567,), "1.234.567"),
    ((D("1234567.89"),), "1.234.567,89"),   # vi-formatting.md §1 (invoice rule quoted in [S16])
    ((1234,), "1.234"),                    # four-digit numbers are grouped [S6]
    ((21689,), "21.689"),                  # [S6] "21.689 tỷ đồng"
    ((6300,), "6.300"),                    # [S6]
    ((D("903.78"),), "903,78"),            # [N4] "903,78 ha"
    ((D("32.59"),), "32,59"),              # [S6]
    ((D("10.72"),), "10,72"),              # [S6]
    ((D("181.532"),), "181,532"),          # [S6]
    ((D("29.0"),), "29,0"),                # [N4]
    (("4.0",), "4,0"),                     # [S7] "4,0 -5,1%"
    ((D("8.25"), 1), "8,3"),               # half-up rounding wanted, vi-formatting.md §2
    ((1234.5, 1), "1.234,5"),
]
PERCENTS = [
    ((D("9.5"),), "9,5%"),                 # [S6]
    ((D("4.13"),), "4,13%"),               # [S6]
    ((D("29.0"),), "29,0%"),               # [N4]
    ((8.3,), "8,3%"),
    ((D("7.05"),), "7,05%"),               # [S6] "quý I tăng 7,05%"
    ((D("8.16"),), "8,16%"),               # [S6]
    ((D("7.515"), 2), "7,52%"),            # half-up
]
RANGES = [
    ((D("0.2"), D("0.3"), "%"), "0,2-0,3%"),        # [S6] "0,2-0,3%/năm"
    ((D("3.1"), D("3.3"), "%"), "3,1-3,3%"),        # [S7], spaces removed (canonical form)
    ((D("35.3"), D("37.8"), "%"), "35,3-37,8%"),    # [S7]
    ((D("0.9"), D("1.0"), "%"), "0,9-1,0%"),        # [S7]
    ((D("4.0"), D("5.1"), "%"), "4,0-5,1%"),        # [S7]
    ((1887, 2269, "MW"), "1.887-2.269 MW"),         # [S7]
    ((8576, 11325, "MW"), "8.576-11.325 MW"),       # [S7]
]
# Amounts with a scale word: seed 003 "930 tỷ USD", "21,2 triệu lượt"; [S6] figures.
AMOUNTS = [
    ((930e9, "USD"), "930 tỷ USD"),
    ((21.2e6, "lượt"), "21,2 triệu lượt"),
    ((D("905.8e9"), "đồng"), "905,8 tỷ đồng"),
    ((21689e9, "đồng"), "21.689 tỷ đồng"),
    ((6300e9, "đồng"), "6.300 tỷ đồng"),
    ((2506e9, "đồng"), "2.506 tỷ đồng"),
    ((D("181.532e9"), "đồng", 3), "181,532 tỷ đồng"),
    ((D("14.685e9"), "USD", 3), "14,685 tỷ USD"),
    ((1.39e9, "USD"), "1,39 tỷ USD"),
    ((10e9, "USD"), "10 tỷ USD"),
    ((2.63e9, "USD"), "2,63 tỷ USD"),
]
YEARS = [((2026,), "2026"), ((2019,), "2019"), (("2030",), "2030")]   # [N4]-[N6]
PARSED = [
    ("1.234,5", D("1234.5")),
    ("21.689", D("21689")),
    ("903,78", D("903.78")),
    ("1.234.567,89", D("1234567.89")),
]


@pytest.mark.parametrize(("args", "expected"), NUMBERS)
def test_format_number(args: tuple, expected: str) -> None:
    assert format_number(*args) == expected


@pytest.mark.parametrize(("args", "expected"), PERCENTS)
def test_format_percent(args: tuple, expected: str) -> None:
    assert format_percent(*args) == expected


@pytest.mark.parametrize(("args", "expected"), RANGES)
def test_format_range(args: tuple, expected: str) -> None:
    assert format_range(*args) == expected


@pytest.mark.parametrize(("args", "expected"), AMOUNTS)
def test_format_amount(args: tuple, expected: str) -> None:
    assert format_amount(*args) == expected


@pytest.mark.parametrize(("args", "expected"), YEARS)
def test_format_year(args: tuple, expected: str) -> None:
    assert format_year(*args) == expected


@pytest.mark.parametrize(("text", "expected"), PARSED)
def test_parse_number(text: str, expected: D) -> None:
    assert parse_number(text) == expected


# ----------------------------------------------------------------------------- words
# vi-formatting.md §7 rule table and its sources [S12][S13][S18][S19], num2words issue #69 [S4].
WORDS_SPEC = [
    (10, "mười"), (15, "mười lăm"), (20, "hai mươi"), (90, "chín mươi"),
    (21, "hai mươi mốt"), (91, "chín mươi mốt"), (11, "mười một"), (101, "một trăm linh một"),
    (25, "hai mươi lăm"), (105, "một trăm linh năm"), (5, "năm"), (24, "hai mươi bốn"),
    (14, "mười bốn"), (104, "một trăm linh bốn"), (2002, "hai nghìn không trăm linh hai"),
    (1032, "một nghìn không trăm ba mươi hai"), (1005, "một nghìn không trăm linh năm"),
    (1302, "một nghìn ba trăm linh hai"),                                       # [S19]
    (523056, "năm trăm hai mươi ba nghìn không trăm năm mươi sáu"),            # issue #69
    (1050, "một nghìn không trăm năm mươi"),          # §8: what num2words should give
    (10005, "mười nghìn không trăm linh năm"),        # §8
    (2024, "hai nghìn không trăm hai mươi bốn"),      # §8 (vietnam_number structure)
    (10**15, "một triệu tỷ"), (10**18, "một tỷ tỷ"), (-1, "âm một"),
    (D("1.5"), "một phẩy năm"), (D("1.05"), "một phẩy không năm"),
    (1005000, "một triệu không trăm linh năm nghìn"),  # brief, same "không trăm" rule
]
# Textbooks. Toán 4 (Cánh diều p.19; "Triệu và lớp triệu"), Toán 5 p.147, via baitapsgk.com,
# doctailieu.com, 7scv.com; the five-digit numbers from "Các số có năm chữ số" (Toán 3).
WORDS_TEXTBOOK = [
    (342157413, "ba trăm bốn mươi hai triệu một trăm năm mươi bảy nghìn bốn trăm mười ba"),
    (48320103, "bốn mươi tám triệu ba trăm hai mươi nghìn một trăm linh ba"),
    (2600332, "hai triệu sáu trăm nghìn ba trăm ba mươi hai"),
    (710108280, "bảy trăm mười triệu một trăm linh tám nghìn hai trăm tám mươi"),
    (8000001, "tám triệu không nghìn không trăm linh một"),
    (275000000, "hai trăm bảy mươi lăm triệu"),
    (641820000, "sáu trăm bốn mươi mốt triệu tám trăm hai mươi nghìn"),
    (204567200, "hai trăm linh bốn triệu năm trăm sáu mươi bảy nghìn hai trăm"),
    (70815, "bảy mươi nghìn tám trăm mười lăm"),
    # the page prints "bảy mươi năm nghìn", a slip for the "lăm" every other example uses
    (975806, "chín trăm bảy mươi lăm nghìn tám trăm linh sáu"),
    (5723600, "năm triệu bảy trăm hai mươi ba nghìn sáu trăm"),
    (472036953, "bốn trăm bảy mươi hai triệu không trăm ba mươi sáu nghìn chín trăm năm mươi ba"),
    (33214, "ba mươi ba nghìn hai trăm mười bốn"),
    (24312, "hai mươi bốn nghìn ba trăm mười hai"),
    (23116, "hai mươi ba nghìn một trăm mười sáu"),
    (12247, "mười hai nghìn hai trăm bốn mươi bảy"),
    (3116, "ba nghìn một trăm mười sáu"),
    (82427, "tám mươi hai nghìn bốn trăm hai mươi bảy"),
    (312000000, "ba trăm mười hai triệu"),
]
# Decimals, Toán 5 "Đọc, viết số thập phân" (vungoi.vn, loigiaihay.com, tracnghiem.vn);
# 10,001 from hkpdtq2012.edu.vn (weak source, reading the leading zeros one by one).
WORDS_DECIMALS = [
    ("5.8", "năm phẩy tám"),
    ("37.42", "ba mươi bảy phẩy bốn mươi hai"),
    ("502.467", "năm trăm linh hai phẩy bốn trăm sáu mươi bảy"),
    ("286.703", "hai trăm tám mươi sáu phẩy bảy trăm linh ba"),
    ("73.108", "bảy mươi ba phẩy một trăm linh tám"),
    ("375.406", "ba trăm bảy mươi lăm phẩy bốn trăm linh sáu"),
    ("0.1985", "không phẩy một nghìn chín trăm tám mươi lăm"),
    ("2.38", "hai phẩy ba mươi tám"),
    ("10.001", "mười phẩy không không một"),
]
# Options: "tư" after "mươi" (Toán 4: "chín trăm mười lăm triệu một trăm bốn mươi tư nghìn
# bốn trăm linh bảy"); "lẻ"/"ngàn" (num2words issue #69 "không trăm lẻ một ngàn", whose
# colloquial "bốn lăm" is written here in full as "bốn mươi lăm").
WORDS_OPTIONS = [
    ((915144407,), {"four": "tư"},
     "chín trăm mười lăm triệu một trăm bốn mươi tư nghìn bốn trăm linh bảy"),
    ((24,), {"four": "tư"}, "hai mươi tư"),
    ((14,), {"four": "tư"}, "mười bốn"),
    ((101,), {"linh": "lẻ"}, "một trăm lẻ một"),
    ((2002,), {"linh": "lẻ"}, "hai nghìn không trăm lẻ hai"),
    ((145001000,), {"linh": "lẻ", "thousand": "ngàn"},
     "một trăm bốn mươi lăm triệu không trăm lẻ một ngàn"),
    ((1000500,), {"read_empty_groups": False}, "một triệu năm trăm"),   # vietnam_number style
]
# Amounts for the "Bằng chữ" line, capitalised, "chẵn" for whole amounts (accounting forms).
AMOUNTS_IN_WORDS = [
    ((1200000,), "Một triệu hai trăm nghìn đồng chẵn"),
    ((1500000,), "Một triệu năm trăm nghìn đồng chẵn"),   # rdsic.edu.vn "Một triệu năm trăm nghìn đồng"
    ((1500000, "đồng", False), "Một triệu năm trăm nghìn đồng"),
]


@pytest.mark.parametrize(("n", "expected"), WORDS_SPEC + WORDS_TEXTBOOK)
def test_number_to_words(n: object, expected: str) -> None:
    assert number_to_words(n) == expected


@pytest.mark.parametrize(("n", "expected"), WORDS_DECIMALS)
def test_decimal_words(n: str, expected: str) -> None:
    assert number_to_words(n) == expected


@pytest.mark.parametrize(("args", "kwargs", "expected"), WORDS_OPTIONS)
def test_number_to_words_options(args: tuple, kwargs: dict, expected: str) -> None:
    assert number_to_words(*args, **kwargs) == expected


@pytest.mark.parametrize(("args", "expected"), AMOUNTS_IN_WORDS)
def test_amount_in_words(args: tuple, expected: str) -> None:
    assert amount_in_words(*args) == expected


# ------------------------------------------------------------------------- numbering
# ND 30 Phụ lục I II.6 (điểm "a) … d) … đ) … e) … g)"), seed 003 (a) to h) with đ and g;
# "(i)" … "(v)"; "Nghị quyết Đại hội lần thứ XIV"), [N6] "lần thứ XI", [N4] "I. ĐÁNH GIÁ
# CHUNG", "II. NHIỆM VỤ" and khoản "1." … "9.", "Thứ nhất, … Thứ hai, … Thứ ba".
DIEM = [(1, "a)"), (2, "b)"), (3, "c)"), (4, "d)"), (5, "đ)"), (6, "e)"), (7, "g)"), (8, "h)"),
        (9, "i)"), (10, "k)"), (22, "x)"), (23, "y)")]
ROMAN = [(14, "XIV"), (11, "XI"), (1, "I"), (2, "II"), (4, "IV"), (9, "IX"), (40, "XL")]
SECTIONS = [(1, "I."), (2, "II."), (3, "III.")]
KHOAN = [(1, "1."), (9, "9.")]
SUB_POINTS = [(1, "(i)"), (2, "(ii)"), (3, "(iii)"), (4, "(iv)"), (5, "(v)")]
ORDINALS = [(1, "thứ nhất"), (2, "thứ hai"), (3, "thứ ba"), (4, "thứ tư"), (5, "thứ năm"),
            (10, "thứ mười"), (11, "thứ mười một"), (21, "thứ hai mươi mốt"),
            (24, "thứ hai mươi tư"), (14, "thứ mười bốn")]


@pytest.mark.parametrize(("i", "expected"), DIEM)
def test_diem_label(i: int, expected: str) -> None:
    assert diem_label(i) == expected


@pytest.mark.parametrize(("n", "expected"), ROMAN)
def test_roman(n: int, expected: str) -> None:
    assert roman(n) == expected


@pytest.mark.parametrize(("i", "expected"), SECTIONS)
def test_section_label(i: int, expected: str) -> None:
    assert section_label(i) == expected


@pytest.mark.parametrize(("i", "expected"), KHOAN)
def test_khoan_label(i: int, expected: str) -> None:
    assert khoan_label(i) == expected


@pytest.mark.parametrize(("i", "expected"), SUB_POINTS)
def test_sub_point_label(i: int, expected: str) -> None:
    assert sub_point_label(i) == expected


@pytest.mark.parametrize(("n", "expected"), ORDINALS)
def test_ordinal(n: int, expected: str) -> None:
    assert ordinal(n) == expected


# --------------------------------------------------------------------------- collate
# Vũ Xuân Lương, "Quy tắc sắp xếp đơn vị từ vựng trong từ điển tiếng Việt" (Vietlex): rules
# 1-4 and their examples; CLDR vi collation for the whole-string levels; agency names from
# seed 003 and the ministry list (Bộ Công an before Bộ Công Thương as in the government's list).
ORDERED = [
    ["Dương", "Đà Nẵng"],
    ["Bộ Công an", "Bộ Công Thương"],
    ["Azure", "Ăn uống"],
    ["Ăn", "Âm"],
    ["ang", "anh"],             # Vietlex 4.1
    ["ác", "ách"],              # Vietlex 4.1
    ["apatit", "apxe"],         # Vietlex 4.1
    ["ba", "bà", "bả"],         # Vietlex 4.2
    ["hai", "hài", "hại"],      # Vietlex 4.2
    ["a", "A"],                 # Vietlex 3
    ["cha", "chan"],            # Vietlex 3
    ["a", "à", "ả", "ã", "á", "ạ", "ă", "ằ", "ẳ", "ẵ", "ắ", "ặ", "â", "ầ", "ẩ", "ẫ", "ấ", "ậ",
     "b", "c", "d", "đ", "e", "è", "ẻ", "ẽ", "é", "ẹ", "ê", "ề", "ể", "ễ", "ế", "ệ"],  # Vietlex 2
    ["o", "ò", "ỏ", "õ", "ó", "ọ", "ô", "ồ", "ổ", "ỗ", "ố", "ộ", "ơ", "ờ", "ở", "ỡ", "ớ", "ợ",
     "p", "q", "r", "s", "t", "u", "ù", "ủ", "ũ", "ú", "ụ", "ư", "ừ", "ử", "ữ", "ứ", "ự",
     "v", "w", "x", "y", "ỳ", "ỷ", "ỹ", "ý", "ỵ", "z"],                                 # Vietlex 2
    ["Bộ Tài chính", "Bộ Tư pháp", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Xây dựng", "Bộ Y tế"],
    ["Lạng Sơn", "Lào Cai"],    # primary "lang" < "lao" whatever the tones
    ["Hà Nội", "Hải Phòng"],    # "ha noi" < "hai phong"
]


@pytest.mark.parametrize("ordered", ORDERED, ids=lambda o: " < ".join(o[:3]))
def test_sort_vi(ordered: list[str]) -> None:
    assert sort_vi(list(reversed(ordered))) == ordered


# ------------------------------------------------------------------------------ text
# Upper-case headings as issued: seed 003 "THÔNG BÁO", "KT. BỘ TRƯỞNG, CHỦ NHIỆM";
# [N5] "TM. ỦY BAN NHÂN DÂN"; [N4] "ĐÁNH GIÁ CHUNG", "CHÁNH VĂN PHÒNG"; brief example.
UPPER = [
    ("Bộ Nông nghiệp và Môi trường", "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"),
    ("Thông báo", "THÔNG BÁO"),
    ("KT. Bộ trưởng, Chủ nhiệm", "KT. BỘ TRƯỞNG, CHỦ NHIỆM"),
    ("TM. Ủy ban nhân dân", "TM. ỦY BAN NHÂN DÂN"),
    ("Đánh giá chung", "ĐÁNH GIÁ CHUNG"),
    ("Chánh Văn phòng", "CHÁNH VĂN PHÒNG"),
    ("Văn phòng Chính phủ", "VĂN PHÒNG CHÍNH PHỦ"),
]
# Trích yếu in sentence case (ND 30 II.5, nd30.md §6), acronyms kept: seed 003 title and
# "các hiệp định FTA", "Diễn đàn kinh tế thế giới (WEF)".
SENTENCE = [
    ("kết luận của Thủ tướng Chính phủ Phạm Minh Chính",
     "Kết luận của Thủ tướng Chính phủ Phạm Minh Chính"),
    ("DIỄN ĐÀN KINH TẾ THẾ GIỚI (WEF)", "Diễn đàn kinh tế thế giới (WEF)"),
    ("THÚC ĐẨY ĐÀM PHÁN CÁC HIỆP ĐỊNH FTA", "Thúc đẩy đàm phán các hiệp định FTA"),
]
# Slugs: the brief's example and the same rule (đ → d, marks dropped, hyphens).
SLUGS = [
    ("Bộ Nông nghiệp và Môi trường", "bo-nong-nghiep-va-moi-truong"),
    ("Đà Nẵng", "da-nang"),
    ("Ủy ban nhân dân tỉnh Lào Cai", "uy-ban-nhan-dan-tinh-lao-cai"),
]


@pytest.mark.parametrize(("text", "expected"), UPPER)
def test_upper_vi(text: str, expected: str) -> None:
    assert upper_vi(text) == expected


@pytest.mark.parametrize(("text", "expected"), SENTENCE)
def test_sentence_case(text: str, expected: str) -> None:
    assert sentence_case(text) == expected


@pytest.mark.parametrize(("text", "expected"), SLUGS)
def test_slugify_vi(text: str, expected: str) -> None:
    assert slugify_vi(text) == expected


def test_table_size() -> None:
    tables = [LONG_DATES, PLACE_DATES, SHORT_DATES, MONTHS, WEEKDAYS, DEADLINE_PHRASES,
              DEADLINE_LABELS, QUARTERS, NUMBERS, PERCENTS, RANGES, AMOUNTS, YEARS, PARSED,
              WORDS_SPEC, WORDS_TEXTBOOK, WORDS_DECIMALS, WORDS_OPTIONS, AMOUNTS_IN_WORDS, DIEM,
              ROMAN, SECTIONS, KHOAN, SUB_POINTS, ORDINALS, ORDERED, UPPER, SENTENCE, SLUGS]
    assert sum(map(len, tables)) >= 150
