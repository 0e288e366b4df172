"""Deadlines of assigned tasks: "trước ngày 05 tháng 02 năm 2026", "trong Quý I/2026".

A notice assigns each task a deadline in one of a few shapes (seen in VPCP Thông báo 01/2026 and
the provincial notices of vi-formatting.md §4): a day, "before" a day, a month, a quarter, a
half-year, a year, or "thường xuyên" (ongoing). The data files write them compactly:

==================  ============  ======================================
compact form        kind          phrase()
==================  ============  ======================================
``2026-02-05``      ngay          ngày 05 tháng 02 năm 2026
``truoc 2026-02-05`` truoc_ngay   trước ngày 05 tháng 02 năm 2026
``2026-06``         thang         trong tháng 6 năm 2026
``2026-Q1``         quy           trong Quý I/2026
``2026-H1``         nua_nam       trong 6 tháng đầu năm 2026
``2026``            nam           trong năm 2026
``thuong-xuyen``    thuong_xuyen  thường xuyên
``31/12/2026``      ngay          ngày 31/12/2026 (the short form, when a notice writes it)
``truoc 31/12/2026`` truoc_ngay   trước ngày 31/12/2026
``hang-thang``      dinh_ky       hằng tháng
``truoc 15 hang-thang`` dinh_ky   trước ngày 15 hằng tháng
``hang-quy``        dinh_ky       hằng quý
``truoc 20 hang-quy`` dinh_ky     trước ngày 20 của tháng cuối quý
``6-thang``         dinh_ky       định kỳ 6 tháng
``hang-nam``        dinh_ky       hằng năm
==================  ============  ======================================

A recurring deadline (``dinh_ky``) falls due at the end of every period (month, quarter, half-year,
year), or on the given day of the period's last month; :meth:`Deadline.due_dates` lists them.

Quarters are written with Roman numerals ("Quý I/2026", as in the notice; Babel only offers
"Quý 1"). Months follow the Decree 30 date padding (01 and 02 padded).

>>> Deadline.parse("2026-Q1").phrase()
'trong Quý I/2026'
>>> Deadline.parse("truoc 2026-02-05").label()
'trước 05/02/2026'
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from .dates import format_date, format_month, format_month_number, format_short_date
from .numbering import roman
from .text import nfc

__all__ = ["KINDS", "PERIODS", "Deadline", "format_quarter", "deadline_phrase", "deadline_label"]

KINDS = ("ngay", "truoc_ngay", "thang", "quy", "nua_nam", "nam", "thuong_xuyen", "dinh_ky")
PERIODS = ("thang", "quy", "nua_nam", "nam")
_PERIOD_WORDS = {"thang": "hằng tháng", "quy": "hằng quý", "nua_nam": "định kỳ 6 tháng", "nam": "hằng năm"}
_PERIOD_COMPACT = {"thang": "hang-thang", "quy": "hang-quy", "nua_nam": "6-thang", "nam": "hang-nam"}
_PERIOD_MONTHS = {"thang": 1, "quy": 3, "nua_nam": 6, "nam": 12}
# Order of kinds ending on the same day: "before the 5th" is due first, then "on the 5th",
# then shorter periods before longer ones (month, quarter, half-year, year).
_TIE = {"truoc_ngay": 0, "ngay": 1, "thang": 2, "quy": 3, "nua_nam": 4, "nam": 5, "dinh_ky": 6, "thuong_xuyen": 7}
_FIELDS = {
    "ngay": {"year", "month", "day"},
    "truoc_ngay": {"year", "month", "day"},
    "thang": {"year", "month"},
    "quy": {"year", "quarter"},
    "nua_nam": {"year", "half"},
    "nam": {"year"},
    "thuong_xuyen": set(),
    "dinh_ky": {"period"},
}
_FORMS = ("2026-02-05, truoc 2026-02-05, 31/12/2026, 2026-06, 2026-Q1, 2026-H1, 2026-H2, 2026, "
          "thuong-xuyen, hang-thang, hang-quy, 6-thang, hang-nam, truoc 15 hang-thang")
_DATE = r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
_SHORT = r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
_BEFORE = r"(?:truoc|trước)\s+"
_RECUR = r"(?P<p>hang-thang|hang-quy|6-thang|hang-nam)"
_RECUR_KIND = {"hang-thang": "thang", "hang-quy": "quy", "6-thang": "nua_nam", "hang-nam": "nam"}
_PATTERNS = (
    ("ngay", re.compile(_DATE)),
    ("truoc_ngay", re.compile(_BEFORE + _DATE, re.IGNORECASE)),
    ("ngay", re.compile(_SHORT)),
    ("truoc_ngay", re.compile(_BEFORE + _SHORT, re.IGNORECASE)),
    ("dinh_ky", re.compile(_RECUR, re.IGNORECASE)),
    ("dinh_ky", re.compile(_BEFORE + r"(?P<d>\d{1,2})(?:/(?P<m>\d{1,2}))?\s+" + _RECUR, re.IGNORECASE)),
    ("thang", re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})")),
    ("quy", re.compile(r"(?P<y>\d{4})-Q(?P<q>\d+)", re.IGNORECASE)),
    ("nua_nam", re.compile(r"(?P<y>\d{4})-H(?P<h>\d+)", re.IGNORECASE)),
    ("nam", re.compile(r"(?P<y>\d{4})")),
    ("thuong_xuyen", re.compile(r"thuong[-_ ]xuyen|thường xuyên", re.IGNORECASE)),
)


def format_quarter(quarter: int, year: int) -> str:
    """A quarter: "Quý I/2026".

    >>> format_quarter(4, 2026)
    'Quý IV/2026'
    """
    if isinstance(quarter, bool) or not isinstance(quarter, int) or not 1 <= quarter <= 4:
        raise ValueError(f"Quý không hợp lệ: {quarter!r} (phải từ 1 đến 4).")
    return f"Quý {roman(quarter)}/{year}"


def _half_text(half: int) -> str:
    return "6 tháng đầu năm" if half == 1 else "6 tháng cuối năm"


@dataclass(frozen=True)
class Deadline:
    """A task deadline. Build it with :meth:`parse`, :meth:`from_value` or the constructors.

    ``short`` only changes how a day is written ("31/12/2026" rather than "ngày 31 tháng 12 năm
    2026"); two deadlines that differ only in it are equal.
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    half: int | None = None
    period: str | None = None
    short: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        if self.kind not in _FIELDS:
            raise ValueError(f"Loại hạn không hợp lệ: {self.kind!r}; dùng một trong: {', '.join(KINDS)}.")
        if self.kind == "dinh_ky":
            self._check_recurring()
            return
        needed = _FIELDS[self.kind]
        for name in ("year", "month", "day", "quarter", "half", "period"):
            value = getattr(self, name)
            if (value is None) == (name in needed):
                state = "thiếu" if value is None else "thừa"
                raise ValueError(f"Hạn loại {self.kind} {state} trường {name}.")
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise ValueError(f"Trường {name} của hạn phải là số nguyên: {value!r}")
        if self.year is not None and not 1 <= self.year <= 9999:
            raise ValueError(f"Năm không hợp lệ: {self.year}.")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"Tháng không hợp lệ: {self.month} (phải từ 1 đến 12).")
        if self.quarter is not None and not 1 <= self.quarter <= 4:
            raise ValueError(f"Quý không hợp lệ: {self.quarter} (phải từ 1 đến 4).")
        if self.half is not None and self.half not in (1, 2):
            raise ValueError(f"Nửa năm không hợp lệ: H{self.half} (chỉ có H1 và H2).")
        if self.day is not None:
            assert self.year is not None and self.month is not None
            if not 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]:
                raise ValueError(f"Ngày không tồn tại: {self.day:02d}/{self.month:02d}/{self.year}.")

    def _check_recurring(self) -> None:
        if self.period not in PERIODS:
            raise ValueError(f"Chu kỳ không hợp lệ: {self.period!r}; dùng một trong: {', '.join(PERIODS)}.")
        if self.year is not None or self.quarter is not None or self.half is not None:
            raise ValueError("Hạn định kỳ không ghi năm, quý hay nửa năm.")
        if self.month is not None and (self.period != "nam" or self.day is None):
            raise ValueError("Hạn định kỳ chỉ ghi tháng khi là hằng năm và có ngày (vd: truoc 15/12 hang-nam).")
        if self.day is not None:
            if isinstance(self.day, bool) or not isinstance(self.day, int):
                raise ValueError(f"Ngày của hạn định kỳ phải là số nguyên: {self.day!r}")
            last = calendar.monthrange(2024, self.month)[1] if self.month else 31
            if self.period == "nam" and self.month is None:
                raise ValueError("Hạn hằng năm có ngày thì ghi cả tháng (vd: truoc 15/12 hang-nam).")
            if not 1 <= self.day <= (last if self.month else 31):
                raise ValueError(f"Ngày của hạn định kỳ không hợp lệ: {self.day}.")

    # constructors -----------------------------------------------------------------------
    @classmethod
    def on(cls, d: date) -> Deadline:
        return cls("ngay", d.year, d.month, d.day)

    @classmethod
    def before(cls, d: date) -> Deadline:
        return cls("truoc_ngay", d.year, d.month, d.day)

    @classmethod
    def in_month(cls, year: int, month: int) -> Deadline:
        return cls("thang", year, month)

    @classmethod
    def in_quarter(cls, year: int, quarter: int) -> Deadline:
        return cls("quy", year, quarter=quarter)

    @classmethod
    def in_half(cls, year: int, half: int) -> Deadline:
        return cls("nua_nam", year, half=half)

    @classmethod
    def in_year(cls, year: int) -> Deadline:
        return cls("nam", year)

    @classmethod
    def ongoing(cls) -> Deadline:
        return cls("thuong_xuyen")

    @classmethod
    def every(cls, period: str, day: int | None = None, month: int | None = None) -> Deadline:
        """A recurring deadline: every month, quarter, half-year or year (by *day* of the period's
        last month, or of *month* for a yearly one).

        >>> Deadline.every("quy", 20).phrase()
        'trước ngày 20 của tháng cuối quý'
        """
        return cls("dinh_ky", month=month, day=day, period=period)

    @classmethod
    def parse(cls, text: str) -> Deadline:
        """Parse a compact form (see the module table); ValueError in Vietnamese otherwise.

        >>> Deadline.parse("2026-H2").phrase()
        'trong 6 tháng cuối năm 2026'
        >>> Deadline.parse("truoc 31/12/2026").phrase()
        'trước ngày 31/12/2026'
        >>> Deadline.parse("2026-Q5")
        Traceback (most recent call last):
        ...
        ValueError: Quý không hợp lệ: 5 (phải từ 1 đến 4).
        """
        if not isinstance(text, str):
            raise TypeError(f"Hạn phải là chuỗi ký tự, nhận được {text!r}")
        s = " ".join(nfc(text).split())
        for kind, pattern in _PATTERNS:
            m = pattern.fullmatch(s)
            if m is None:
                continue
            groups = {k: (v if k == "p" else int(v)) for k, v in m.groupdict().items() if v is not None}
            if kind == "dinh_ky":
                return cls.every(_RECUR_KIND[groups["p"].lower()], groups.get("d"), groups.get("m"))
            return cls(kind, groups.get("y"), groups.get("m"), groups.get("d"), groups.get("q"),
                       groups.get("h"), short="/" in s)
        raise ValueError(f"Không hiểu hạn {text!r}; dùng một trong các dạng: {_FORMS}.")

    @classmethod
    def from_value(cls, value: object) -> Deadline:
        """Accept what YAML gives: a Deadline, a date (unquoted 2026-02-05), an int year, a str."""
        if isinstance(value, Deadline):
            return value
        if isinstance(value, datetime):
            return cls.on(value.date())
        if isinstance(value, date):
            return cls.on(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls.in_year(value)
        if isinstance(value, str):
            return cls.parse(value)
        raise ValueError(f"Không hiểu hạn {value!r}; dùng một trong các dạng: {_FORMS}.")

    # output -----------------------------------------------------------------------------
    def compact(self) -> str:
        """The canonical compact form, accepted back by :meth:`parse`.

        >>> Deadline.parse("truoc 20 hang-quy").compact()
        'truoc 20 hang-quy'
        """
        k = self.kind
        if k in ("ngay", "truoc_ngay"):
            day = (f"{self.day}/{self.month}/{self.year:04d}" if self.short
                   else f"{self.year:04d}-{self.month:02d}-{self.day:02d}")
            return day if k == "ngay" else f"truoc {day}"
        if k == "thang":
            return f"{self.year:04d}-{self.month:02d}"
        if k == "quy":
            return f"{self.year:04d}-Q{self.quarter}"
        if k == "nua_nam":
            return f"{self.year:04d}-H{self.half}"
        if k == "nam":
            return f"{self.year:04d}"
        if k == "dinh_ky":
            every = _PERIOD_COMPACT[self.period]  # type: ignore[index]
            if self.day is None:
                return every
            on = f"{self.day}/{self.month}" if self.month else str(self.day)
            return f"truoc {on} {every}"
        return "thuong-xuyen"

    __str__ = compact

    def phrase(self) -> str:
        """The deadline inside a sentence: "hoàn thành trong Quý I/2026"."""
        k = self.kind
        if k == "ngay":
            return ("ngày " + format_short_date(self._date())) if self.short else format_date(self._date())
        if k == "truoc_ngay":
            return "trước " + (("ngày " + format_short_date(self._date())) if self.short
                               else format_date(self._date()))
        if k == "thang":
            return "trong " + format_month(self.year, self.month)  # type: ignore[arg-type]
        if k == "quy":
            return "trong " + format_quarter(self.quarter, self.year)  # type: ignore[arg-type]
        if k == "nua_nam":
            return f"trong {_half_text(self.half)} {self.year}"  # type: ignore[arg-type]
        if k == "nam":
            return f"trong năm {self.year}"
        if k == "dinh_ky":
            return self._recurring_phrase()
        return "thường xuyên"

    def _recurring_phrase(self) -> str:
        every = _PERIOD_WORDS[self.period]  # type: ignore[index]
        if self.day is None:
            return every
        day = f"{self.day:02d}"
        if self.period == "thang":
            return f"trước ngày {day} hằng tháng"
        if self.period == "nam":
            return f"trước ngày {day} tháng {format_month_number(self.month)} hằng năm"  # type: ignore[arg-type]
        if self.period == "quy":
            return f"trước ngày {day} của tháng cuối quý"
        return f"{every}, trước ngày {day} của tháng cuối kỳ"

    def label(self) -> str:
        """Short form for a table cell: "05/02/2026", "Quý I/2026", "Thường xuyên", "Hằng quý"."""
        k = self.kind
        if k == "ngay":
            return format_short_date(self._date())
        if k == "truoc_ngay":
            return "trước " + format_short_date(self._date())
        if k == "thang":
            return f"Tháng {format_month_number(self.month)}/{self.year}"  # type: ignore[arg-type]
        if k == "quy":
            return format_quarter(self.quarter, self.year)  # type: ignore[arg-type]
        if k == "nua_nam":
            return f"{_half_text(self.half)} {self.year}"  # type: ignore[arg-type]
        if k == "nam":
            return f"Năm {self.year}"
        if k == "dinh_ky":
            text = self._recurring_phrase()
            return text[:1].upper() + text[1:]
        return "Thường xuyên"

    # dates ------------------------------------------------------------------------------
    @property
    def recurring(self) -> bool:
        return self.kind == "dinh_ky"

    def _date(self) -> date:
        return date(self.year, self.month, self.day)  # type: ignore[arg-type]

    def _months(self) -> tuple[int, int] | None:
        """First and last month of a period kind."""
        if self.kind == "thang":
            return self.month, self.month  # type: ignore[return-value]
        if self.kind == "quy":
            return 3 * self.quarter - 2, 3 * self.quarter  # type: ignore[operator]
        if self.kind == "nua_nam":
            return 6 * self.half - 5, 6 * self.half  # type: ignore[operator]
        if self.kind == "nam":
            return 1, 12
        return None

    def first_day(self) -> date | None:
        """First day of the period; the date itself for ngay; None for truoc_ngay (no start),
        thuong_xuyen and dinh_ky."""
        if self.kind == "ngay":
            return self._date()
        months = self._months()
        return date(self.year, months[0], 1) if months else None  # type: ignore[arg-type]

    def last_day(self) -> date | None:
        """Last day of the period; the date itself for ngay and truoc_ngay (the deadline date
        as written, even though "trước ngày 05" means done by the 4th); None for thuong_xuyen and
        dinh_ky (see :meth:`due_dates`).

        >>> Deadline.parse("2024-Q1").last_day()
        datetime.date(2024, 3, 31)
        """
        if self.kind in ("ngay", "truoc_ngay"):
            return self._date()
        months = self._months()
        if months is None:
            return None
        year, month = self.year, months[1]
        return date(year, month, calendar.monthrange(year, month)[1])  # type: ignore[arg-type]

    def due_dates(self, start: date, end: date) -> list[date]:
        """Every day a recurring deadline falls due from *start* to *end* inclusive; the single
        last day of a one-off deadline when it lies in that range; nothing for thuong_xuyen.

        >>> [d.isoformat() for d in Deadline.parse("truoc 20 hang-quy").due_dates(date(2026, 1, 16), date(2026, 12, 31))]
        ['2026-03-20', '2026-06-20', '2026-09-20', '2026-12-20']
        >>> Deadline.parse("6-thang").due_dates(date(2026, 1, 1), date(2026, 12, 31))
        [datetime.date(2026, 6, 30), datetime.date(2026, 12, 31)]
        """
        if self.kind != "dinh_ky":
            last = self.last_day()
            return [last] if last is not None and start <= last <= end else []
        step = _PERIOD_MONTHS[self.period]  # type: ignore[index]
        out = []
        for year in range(start.year, end.year + 1):
            for month in range(step, 13, step):
                if self.period == "nam" and self.month:
                    month = self.month
                day = self.day or calendar.monthrange(year, month)[1]
                due = date(year, month, min(day, calendar.monthrange(year, month)[1]))
                if start <= due <= end:
                    out.append(due)
        return out

    def next_due(self, after: date) -> date | None:
        """The first due day on or after *after* (for a one-off deadline: its last day, if not
        past); None for thuong_xuyen.

        >>> Deadline.parse("hang-thang").next_due(date(2026, 2, 3))
        datetime.date(2026, 2, 28)
        """
        if self.kind != "dinh_ky":
            last = self.last_day()
            return last if last is not None and last >= after else None
        found = self.due_dates(after, date(after.year + 1, 12, 31))
        return found[0] if found else None

    def sort_key(self) -> tuple[int, date, int]:
        """Sort by last day, "before" deadlines first on the same day, then shorter periods;
        recurring and thuong_xuyen last."""
        last = self.last_day()
        return (0, last, _TIE[self.kind]) if last else (1, date.max, _TIE[self.kind])


def deadline_phrase(d: object) -> str:
    """Filter: :meth:`Deadline.phrase` of a Deadline or anything :meth:`Deadline.from_value` takes."""
    return Deadline.from_value(d).phrase()


def deadline_label(d: object) -> str:
    """Filter: :meth:`Deadline.label` of a Deadline or anything :meth:`Deadline.from_value` takes."""
    return Deadline.from_value(d).label()
