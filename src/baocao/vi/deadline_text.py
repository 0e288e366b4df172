"""Deadlines as notices write them in running text, read back into :class:`Deadline` values.

The inverse of :meth:`Deadline.phrase`, tolerant of how clerks really write: with or without a
leading zero ("tháng 03"), the short date ("31/12/2026", "31-12-2026"), "Quý 1" for "Quý I",
"hàng" for "hằng", "chậm nhất ngày …". It is used to check that a task's text agrees with its
structured deadline, and to recognise deadlines when importing an issued notice.

A phrase is *firm* when a deadline word introduces it ("trước", "trong", "chậm nhất", "hằng");
a bare date ("ngày 22/12/2024", often the date of a cited document) or "thường xuyên" (often an
adverb) is found but not firm.

>>> [(f.text, str(f.deadline), f.firm) for f in find_deadlines(
...     "hoàn thành trong Quý I/2026, báo cáo trước ngày 05 tháng 02 năm 2026")]
[('trong Quý I/2026', '2026-Q1', True), ('trước ngày 05 tháng 02 năm 2026', 'truoc 2026-02-05', True)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .deadlines import Deadline
from .numbering import parse_roman
from .text import nfc

__all__ = ["FoundDeadline", "find_deadlines", "mentions"]

_B = r"(?<!\w)"        # start of a word
_E = r"(?!\w)"         # end of a word
_S = r"\s+"
_EVERY = r"(?:hằng|hàng)"
_LONG = r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
_SHORT = r"(?:ngày\s+)?(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})"
_BEFORE = r"(?P<w>trước|chậm\s+nhất(?:\s+là)?(?:\s+vào)?|không\s+muộn\s+hơn|hạn\s+chót(?:\s+là)?)"


@dataclass(frozen=True)
class FoundDeadline:
    start: int
    end: int
    text: str
    deadline: Deadline
    firm: bool


def _date(kind: str, m: re.Match, firm: bool) -> tuple[Deadline, bool]:
    short = m.group("d") is not None and "tháng" not in m.group(0)
    deadline = Deadline(kind, int(m.group("y")), int(m.group("m")), int(m.group("d")), short=short)
    return deadline, firm


def _before(m: re.Match) -> tuple[Deadline, bool]:
    word = m.group("w").lower()
    return _date("truoc_ngay" if word.startswith("trước") else "ngay", m, True)


def _quarter(m: re.Match) -> tuple[Deadline, bool]:
    q = m.group("q")
    number = int(q) if q.isdigit() else parse_roman(q.upper())
    return Deadline.in_quarter(int(m.group("y")), number), bool(m.group("w"))


_PERIOD = {"tháng": "thang", "quý": "quy", "năm": "nam"}

# (pattern, reader) in no particular order: overlaps are resolved by position, longest first.
_RULES: tuple[tuple[re.Pattern, object], ...] = tuple((re.compile(_B + p + _E, re.IGNORECASE), f) for p, f in (
    (r"trước\s+ngày\s+(?P<d>\d{1,2})\s+(?:của\s+)?" + _EVERY + r"\s+tháng",
     lambda m: (Deadline.every("thang", int(m.group("d"))), True)),
    (r"trước\s+ngày\s+(?P<d>\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+(?:mỗi\s+|các\s+)?quý",
     lambda m: (Deadline.every("quy", int(m.group("d"))), True)),
    (r"trước\s+ngày\s+(?P<d>\d{1,2})(?:\s+tháng\s+|\s*/\s*)(?P<m>\d{1,2})\s+" + _EVERY + r"\s+năm",
     lambda m: (Deadline.every("nam", int(m.group("d")), int(m.group("m"))), True)),
    # A day and month without a year ("Báo cáo 6 tháng: … trước ngày 05/7") falls due every year.
    (r"trước\s+ngày\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})(?!\s*[/.-]\s*\d)",
     lambda m: (Deadline.every("nam", int(m.group("d")), int(m.group("m"))), True)),
    (r"(?:định\s+kỳ\s+)?" + _EVERY + r"\s+(?P<p>tháng|quý|năm)",
     lambda m: (Deadline.every(_PERIOD[m.group("p").lower()]), True)),
    (r"định\s+kỳ\s+(?:" + _EVERY + r"\s+)?6\s+tháng(?:\s+một\s+lần)?|6\s+tháng\s+một\s+lần",
     lambda m: (Deadline.every("nua_nam"), True)),
    (_BEFORE + _S + _LONG, _before),
    (_BEFORE + _S + _SHORT, _before),
    (_LONG, lambda m: _date("ngay", m, False)),
    (_SHORT, lambda m: _date("ngay", m, False)),
    (r"(?P<w>trong\s+)?tháng\s+(?P<m>\d{1,2})(?:\s+năm\s+|\s*/\s*)(?P<y>\d{4})",
     lambda m: (Deadline.in_month(int(m.group("y")), int(m.group("m"))), bool(m.group("w")))),
    (r"(?P<w>trong\s+)?quý\s+(?P<q>IV|I{1,3}|[1-4])(?:\s*/\s*|\s+năm\s+)(?P<y>\d{4})", _quarter),
    (r"(?P<w>trong\s+)?6\s+tháng\s+(?P<h>đầu|cuối)\s+năm\s+(?P<y>\d{4})",
     lambda m: (Deadline.in_half(int(m.group("y")), 1 if m.group("h").lower() == "đầu" else 2),
                bool(m.group("w")))),
    (r"trong\s+năm\s+(?P<y>\d{4})", lambda m: (Deadline.in_year(int(m.group("y"))), True)),
    (r"thường\s+xuyên", lambda m: (Deadline.ongoing(), False)),
))


def find_deadlines(text: str) -> list[FoundDeadline]:
    """Every deadline phrase in *text*, in order, none overlapping (the longest wins).

    >>> [str(f.deadline) for f in find_deadlines("chậm nhất ngày 31/3/2026; định kỳ hằng quý")]
    ['31/3/2026', 'hang-quy']
    >>> [str(f.deadline) for f in find_deadlines("Nghị quyết 57-NQ/TW ngày 22/12/2024")]
    ['22/12/2024']
    >>> [str(f.deadline) for f in find_deadlines("gửi Sở Tài chính trước ngày 05/7")]
    ['truoc 5/7 hang-nam']
    """
    text = nfc(text)
    found: list[FoundDeadline] = []
    for pattern, read in _RULES:
        for m in pattern.finditer(text):
            try:
                deadline, firm = read(m)  # type: ignore[operator]
            except ValueError:        # "ngày 31 tháng 02": not a real day, not a deadline
                continue
            found.append(FoundDeadline(m.start(), m.end(), m.group(0), deadline, firm))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[FoundDeadline] = []
    for f in found:
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    return kept


def mentions(text: str, deadline: Deadline) -> bool:
    """Does *text* write *deadline* (in any of the forms above)?

    >>> mentions("trình Ủy ban nhân dân tỉnh trước 10/02/2026", Deadline.parse("truoc 2026-02-10"))
    True
    >>> mentions("trong tháng 03 năm 2026", Deadline.parse("2026-03"))
    True
    >>> mentions("trong Quý II/2026", Deadline.parse("2026-Q1"))
    False
    """
    return any(f.deadline == deadline for f in find_deadlines(text))
