"""Bad input to baocao.vi raises ValueError with a Vietnamese message; edge behaviour."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal as D

import pytest

from baocao import vi
from baocao.vi import (
    FILTERS,
    Deadline,
    diem_letter,
    format_amount,
    format_number,
    format_place_date,
    format_range,
    number_to_words,
    parse_date,
    parse_number,
    roman,
    unique_slug,
)

VIETNAMESE = ("không", "phải", "hạn", "ngày", "tháng", "quý", "số", "năm", "thiếu", "điểm")


def _vietnamese(message: str) -> bool:
    return any(word in message.lower() for word in VIETNAMESE)


@pytest.mark.parametrize("text", [
    "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-H3", "2026-02-30", "2025-02-29",
    "truoc 2026-04-31", "abc", "26-01", "", "2026/02/05", "Q1-2026", "thuong xuyen nhe",
])
def test_deadline_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError) as info:
        Deadline.parse(text)
    assert _vietnamese(str(info.value))


def test_deadline_fields_checked() -> None:
    with pytest.raises(ValueError, match="thiếu"):
        Deadline("thang", 2026)
    with pytest.raises(ValueError, match="thừa"):
        Deadline("nam", 2026, month=3)
    with pytest.raises(ValueError, match="Loại hạn"):
        Deadline("tuan", 2026)


def test_deadline_from_yaml_values() -> None:
    # PyYAML loads an unquoted 2026-02-05 as a date and 2026 as an int.
    assert Deadline.from_value(date(2026, 2, 5)) == Deadline.parse("2026-02-05")
    assert Deadline.from_value(datetime(2026, 2, 5, 9)) == Deadline.parse("2026-02-05")
    assert Deadline.from_value(2026) == Deadline.parse("2026")
    assert Deadline.from_value("2026-q1") == Deadline.in_quarter(2026, 1)
    assert Deadline.from_value("trước 2026-02-05") == Deadline.before(date(2026, 2, 5))
    assert Deadline.from_value("thường xuyên") == Deadline.ongoing()
    with pytest.raises(ValueError):
        Deadline.from_value(2.5)


def test_deadline_sort_order() -> None:
    items = ["thuong-xuyen", "2026", "2026-H1", "2026-Q1", "2026-03", "2026-03-31",
             "truoc 2026-03-31", "2025-12-01"]
    ordered = sorted((Deadline.parse(s) for s in items), key=Deadline.sort_key)
    assert [str(d) for d in ordered] == [
        "2025-12-01", "truoc 2026-03-31", "2026-03-31", "2026-03", "2026-Q1", "2026-H1", "2026",
        "thuong-xuyen",
    ]


def test_deadline_days() -> None:
    assert Deadline.parse("2024-02").last_day() == date(2024, 2, 29)
    assert Deadline.parse("2026-Q3").first_day() == date(2026, 7, 1)
    assert Deadline.parse("2026-H2").last_day() == date(2026, 12, 31)
    assert Deadline.parse("truoc 2026-02-05").first_day() is None
    assert Deadline.parse("thuong-xuyen").last_day() is None


@pytest.mark.parametrize("text", [
    "05-02-2026", "2026-02-05", "ngày 05 tháng 02", "ngày 5/2/2026", "32/01/2026", "29/02/2026",
    "ngày 31 tháng 4 năm 2026", "ngày    tháng    năm 2026", "05/13/2026", "5/3/26", "",
])
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_date(text)
    assert _vietnamese(str(info.value))


def test_parse_date_lenient_spacing_and_case() -> None:
    assert parse_date("  Hà Nội ,  Ngày 5 tháng 3 năm 2020 ") == date(2020, 3, 5)
    assert parse_date("ngày  05  tháng 3 năm 2020") == date(2020, 3, 5)


def test_place_date_errors() -> None:
    with pytest.raises(ValueError, match="năm"):
        format_place_date("Hà Nội", None)
    with pytest.raises(ValueError, match="địa danh"):
        format_place_date("  ", date(2026, 1, 1))
    with pytest.raises(ValueError, match="không khớp"):
        format_place_date("Hà Nội", date(2026, 1, 1), 2025)


@pytest.mark.parametrize("i", [0, -1, 24, 100])
def test_diem_letter_range(i: int) -> None:
    with pytest.raises(ValueError) as info:
        diem_letter(i)
    assert _vietnamese(str(info.value))


@pytest.mark.parametrize("n", [0, -5, 4000])
def test_roman_range(n: int) -> None:
    with pytest.raises(ValueError):
        roman(n)


@pytest.mark.parametrize("text", ["1,234.5", "12.34", "1.23,4", "abc", "", "1 234", "1,", ",5",
                                  "-,5", "\u0663", "1.", "1..234"])
def test_parse_number_strict(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_number(text)
    assert _vietnamese(str(info.value))


@pytest.mark.parametrize("value", ["1.234,5", "1,5", "abc", "nan", "inf", "1_000"])
def test_machine_literals_only(value: str) -> None:
    with pytest.raises(ValueError):
        format_number(value)
    with pytest.raises(ValueError):
        number_to_words(value)


def test_non_numbers() -> None:
    with pytest.raises(TypeError):
        format_number(True)
    with pytest.raises(TypeError):
        number_to_words(None)


def test_rounding_half_up_not_half_even() -> None:
    # Babel alone gives '8,2' and '2' (half-even), vi-formatting.md §2.
    assert format_number(D("8.25"), 1) == "8,3"
    assert format_number(D("2.5"), 0) == "3"
    assert format_number(0.125, 2) == "0,13"
    assert format_number(D("-0.04"), 1) == "0,0"


def test_amount_scale_choice() -> None:
    assert format_amount(21500, "đồng") == "21.500 đồng"
    assert format_amount(999_999_999, "đồng") == "1 tỷ đồng"
    assert format_amount(D("11511.9e12"), "đồng") == "11.511,9 nghìn tỷ đồng"
    assert format_amount(6000e9, "đồng", scale="nghìn tỷ") == "6 nghìn tỷ đồng"
    assert format_amount(1500, "đồng", scale="nghìn") == "1,5 nghìn đồng"
    with pytest.raises(ValueError, match="quy mô"):
        format_amount(1, "đồng", scale="vạn")


def test_range_order() -> None:
    with pytest.raises(ValueError, match="lớn hơn"):
        format_range(5, 3)


def test_words_spacing_and_options() -> None:
    assert number_to_words(0) == "không"
    assert number_to_words(D("-0.0")) == "không phẩy không"
    assert number_to_words(1_000_000_000_005) == (
        "một nghìn tỷ không triệu không nghìn không trăm linh năm"
    )
    assert number_to_words(1_001_000_000_000) == "một nghìn không trăm linh một tỷ"


def test_unique_slug() -> None:
    taken: set[str] = {"bo-y-te-2"}
    assert unique_slug("Bộ Y tế", taken) == "bo-y-te"
    assert unique_slug("Bộ Y tế", taken) == "bo-y-te-3"
    assert unique_slug("!!!", taken) == "muc"
    assert {"bo-y-te", "bo-y-te-3", "muc"} <= taken


def test_filters_cover_public_functions() -> None:
    names = {name for name in vi.__all__ if name not in {"Deadline", "FILTERS"}}
    assert names == set(FILTERS)
    for name, func in FILTERS.items():
        assert callable(func)
        assert getattr(vi, name) is func
    assert FILTERS["deadline_label"](Deadline.parse("2026-06")) == "Tháng 6/2026"
    assert FILTERS["deadline_phrase"](date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
