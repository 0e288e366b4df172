"""Dates as Decree 30/2020/NĐ-CP writes them: "Hà Nội, ngày 05 tháng 3 năm 2020".

Phụ lục I, Mục II.4.b: "các số thể hiện ngày, tháng, năm dùng chữ số Ả Rập; đối với những số thể
hiện ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước". So the day is padded below 10,
months 1 and 2 are padded ("tháng 01", "tháng 02") and months 3-12 are not ("tháng 3"). No CLDR
pattern can say "pad months 1-2 only", so Babel's date formats cannot be used (vi-formatting.md
§4). Real notices apply the same padding to the numeric form in the body ("07/5/2026",
"25/02/2026") and to month periods ("trong tháng 02 năm 2026"). Weekday names come from Babel.

>>> format_place_date("Hà Nội", date(2020, 3, 5))
'Hà Nội, ngày 05 tháng 3 năm 2020'
>>> format_short_date(date(2026, 5, 7))
'07/5/2026'
>>> parse_date("Cam Đường, ngày 06 tháng 8 năm 2026")
datetime.date(2026, 8, 6)
"""
from __future__ import annotations

import re
from datetime import date, datetime

from babel.dates import get_day_names

from .text import nfc

__all__ = [
    "DRAFT_BLANK",
    "format_day",
    "format_month_number",
    "format_date",
    "format_place_date",
    "format_short_date",
    "format_month",
    "format_weekday",
    "parse_date",
]

#: Blank left for the day and the month in a draft's date line ("ngày    tháng    năm 2026").
DRAFT_BLANK = "    "

_LONG = re.compile(
    r"(?:(?P<place>[^,]*\S)\s*,\s*)?ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
_SHORT = re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})")


def _as_date(d: object) -> date:
    if isinstance(d, datetime):
        return d.date()
    if isinstance(d, date):
        return d
    raise TypeError(f"Cần một ngày (datetime.date), nhận được {d!r}")


def _check_month(month: object) -> int:
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise ValueError(f"Tháng không hợp lệ: {month!r} (phải từ 1 đến 12).")
    return month


def format_day(day: int) -> str:
    """Day of month, zero-padded below 10: 5 → "05", 23 → "23"."""
    return f"{day:02d}"


def format_month_number(month: int) -> str:
    """Month number, zero-padded for January and February only: 1 → "01", 3 → "3"."""
    month = _check_month(month)
    return f"{month:02d}" if month <= 2 else str(month)


def format_date(d: date) -> str:
    """Long date: "ngày 05 tháng 02 năm 2026".

    >>> format_date(date(2026, 2, 5))
    'ngày 05 tháng 02 năm 2026'
    >>> format_date(date(2020, 8, 23))
    'ngày 23 tháng 8 năm 2020'
    """
    d = _as_date(d)
    return f"ngày {format_day(d.day)} tháng {format_month_number(d.month)} năm {d.year}"


def format_place_date(place: str, d: date | None, year: int | None = None, month: int | None = None) -> str:
    """Date line under the national motto: place, comma, long date.

    With *d* None the line is a draft: the day (and the month, unless *month* is known) left
    blank, *year* required.

    >>> format_place_date("Hà Nội", None, 2026)
    'Hà Nội, ngày    tháng    năm 2026'
    >>> format_place_date("Lào Cai", None, 2026, 6)
    'Lào Cai, ngày    tháng 6 năm 2026'
    """
    place = nfc(place).strip() if isinstance(place, str) else ""
    if not place:
        raise ValueError("Thiếu địa danh trong dòng ngày tháng.")
    if d is not None:
        d = _as_date(d)
        if year is not None and year != d.year:
            raise ValueError(f"Năm {year} không khớp với ngày {format_short_date(d)}.")
        return f"{place}, {format_date(d)}"
    if year is None:
        raise ValueError("Bản dự thảo chưa có ngày ký phải ghi năm (year).")
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
        raise ValueError(f"Năm không hợp lệ: {year!r}")
    if month is not None:
        return f"{place}, ngày{DRAFT_BLANK}tháng {format_month_number(_check_month(month))} năm {year}"
    return f"{place}, ngày{DRAFT_BLANK}tháng{DRAFT_BLANK}năm {year}"


def format_short_date(d: date) -> str:
    """Numeric date as the body of a notice writes it: "10/01/2026", "07/5/2026".

    >>> format_short_date(date(2026, 2, 25))
    '25/02/2026'
    """
    d = _as_date(d)
    return f"{format_day(d.day)}/{format_month_number(d.month)}/{d.year}"


def format_month(year: int, month: int) -> str:
    """A month as a period: "tháng 02 năm 2026", "tháng 6 năm 2026".

    >>> format_month(2026, 6)
    'tháng 6 năm 2026'
    """
    return f"tháng {format_month_number(month)} năm {year}"


def format_weekday(d: date) -> str:
    """Weekday for use inside a sentence: "thứ Hai" … "thứ Bảy", "Chủ nhật".

    Babel (CLDR ``vi``) gives "Thứ Hai" … "Chủ Nhật"; mid-sentence Vietnamese writes the
    "thứ" in lower case and "Chủ nhật" with one capital.

    >>> format_weekday(date(2026, 1, 10)), format_weekday(date(2026, 1, 11))
    ('thứ Bảy', 'Chủ nhật')
    """
    name = nfc(get_day_names("wide", context="format", locale="vi")[_as_date(d).weekday()])
    if name.lower().startswith("thứ "):
        return "thứ " + name[4:]
    return name[:1].upper() + name[1:].lower()


def parse_date(text: str) -> date:
    """Parse the long form (with or without a leading place) or the short d/m/yyyy form.

    Padding is not enforced when reading ("ngày 5 tháng 3 năm 2020" is accepted). Anything
    else, including an impossible date, raises ValueError.

    >>> parse_date("ngày 05 tháng 02 năm 2026")
    datetime.date(2026, 2, 5)
    >>> parse_date("31/12/2026")
    datetime.date(2026, 12, 31)
    >>> parse_date("30/02/2026")
    Traceback (most recent call last):
    ...
    ValueError: Ngày không tồn tại: 30/02/2026.
    """
    if not isinstance(text, str):
        raise TypeError(f"Cần một chuỗi ký tự, nhận được {text!r}")
    s = " ".join(nfc(text).split())
    m = _LONG.fullmatch(s) or _SHORT.fullmatch(s)
    if m is None:
        raise ValueError(
            f"Không đọc được ngày {text!r}: dùng dạng \"ngày 05 tháng 3 năm 2026\" hoặc \"05/3/2026\"."
        )
    day, month, year = int(m["d"]), int(m["m"]), int(m["y"])
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"Ngày không tồn tại: {day:02d}/{month:02d}/{year}.") from None
