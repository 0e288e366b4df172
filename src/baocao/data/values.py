"""The scalar values of the notice format: numbers, dates, deadlines, text, names, paragraphs.

Every value arrives as a string from the loader; these validators type it and refuse, in
Vietnamese, what the renderers could not honour (docs/format.md, *Limits*): text longer than a
paragraph can be laid out in reasonable time, names longer than a few header lines, dates no file
format can carry, digits other than 0–9.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from baocao.vi.deadlines import Deadline
from baocao.vi.numbers import format_number

MAX_TEXT = 10_000            # one value, one paragraph: about four pages of running text
MAX_NAME = 200               # a name printed in the header or the signature block
MAX_MEETING_NAME = 500       # the meeting's name, which the generated trích yếu repeats
MAX_SUMMARY = 600            # a trích yếu written out
MAX_ROMAN = 3999             # phần I.–MMMCMXCIX., ý (i)–(mmmcmxcix)
MAX_ITEMS = 5_000            # phần, khoản, điểm, ý … of one notice: a 200-page notice has 1,700
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)


def digits(value: Any) -> Any:
    """Document numbers and counts: plain digits only, so "012" or "1e3" never sneak through (nor
    "٣" or "３", which int() would silently read as 3)."""
    if value is None or isinstance(value, int):
        return value
    text = str(value).strip()
    if re.fullmatch(r"0[0-9]+", text):
        raise ValueError(f"số không viết số 0 ở đầu: viết {text.lstrip('0') or '0'}, không viết {text}")
    if not re.fullmatch(r"[0-9]{1,6}", text):
        raise ValueError(f"cần một số nguyên dương viết bằng chữ số 0–9, nhận được {text!r}")
    return int(text)


def _in_range(day: dt.date, text: str, what: str = "ngày") -> dt.date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"{what} {text} nằm ngoài khoảng {FIRST_DAY.year}–{LAST_DAY.year}; kiểm tra lại năm")
    return day


def _iso_date(value: Any) -> Any:
    """Dates are written YYYY-MM-DD only: no timestamps, no "16/01/2026", no impossible days, and
    within 1900–2100 (9999-12-31 is a typing slip, and no file format can date a document by it)."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise ValueError(f"ngày viết dạng YYYY-MM-DD (vd: 2026-01-16), nhận được {text!r}")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"ngày không có thật: {text}") from None
    return _in_range(day, text)


def as_list(value: Any) -> Any:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _deadline(value: Any) -> Any:
    if isinstance(value, Deadline):
        return value
    if not isinstance(value, str):
        raise ValueError("thời hạn viết dạng 2026-02-05, truoc 2026-02-05, 31/12/2026, 2026-06, 2026-Q1, "
                         "2026-H1, 2026, thuong-xuyen, hang-thang, hang-quy, 6-thang hoặc hang-nam")
    deadline = Deadline.parse(value)
    for day in (deadline.first_day(), deadline.last_day()):
        if day is not None:
            _in_range(day, f"'{value.strip()}'", "thời hạn")
    return deadline


def _too_long(value: str, limit: int, what: str) -> ValueError:
    return ValueError(f"{what} dài {format_number(len(value))} ký tự, quá giới hạn {format_number(limit)} ký tự; "
                      "hãy viết gọn lại")


def _text(value: Any) -> Any:
    """Required text is never empty or only spaces ("tại , " must not reach a notice), and never
    longer than a paragraph the renderers lay out in reasonable time."""
    if isinstance(value, str) and not value.strip():
        raise ValueError("không được để trống (chuỗi rỗng hoặc chỉ có dấu cách)")
    if isinstance(value, str) and len(value.strip()) > MAX_TEXT:
        raise _too_long(value.strip(), MAX_TEXT, "giá trị")
    return value.strip() if isinstance(value, str) else value


def limited(limit: int, what: str) -> Any:
    """A validator of text no longer than *limit* characters (*what* names it in the message)."""
    def check(value: Any) -> Any:
        if isinstance(value, str) and len(value.strip()) > limit:
            raise _too_long(value.strip(), limit, what)
        return _text(value)

    return BeforeValidator(check)


def _paragraphs(value: Any) -> Any:
    """One or more paragraphs: a text whose every line break starts a new paragraph, or a list of
    such texts. Empty lines are ignored; a value with no text at all is refused."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        if not isinstance(item, str):
            return value  # let the type check report it at its line
        out += [line.strip() for line in item.split("\n") if line.strip()]
    if not out:
        raise ValueError("không được để trống (chuỗi rỗng hoặc chỉ có dấu cách)")
    for number, paragraph in enumerate(out, start=1):
        if len(paragraph) > MAX_TEXT:
            raise _too_long(paragraph, MAX_TEXT, f"đoạn thứ {number}" if len(out) > 1 else "đoạn văn")
    return tuple(out)


PositiveNumber = Annotated[int, BeforeValidator(digits), Field(ge=1)]
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
DeadlineField = Annotated[Deadline, BeforeValidator(_deadline), Field(json_schema_extra={"type": "string"})]
Text = Annotated[str, BeforeValidator(_text)]
Name = Annotated[str, limited(MAX_NAME, "tên")]
Paragraphs = Annotated[tuple[str, ...], BeforeValidator(_paragraphs)]
