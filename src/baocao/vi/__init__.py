"""Vietnamese formatting for official documents: dates, deadlines, numbers, words, numbering,
alphabetical order and text helpers.

Every public function is also a template filter of the same name, listed in :data:`FILTERS`
(see docs/vi-filters.md), plus ``deadline_phrase`` and ``deadline_label``.

>>> FILTERS["format_date"](date(2026, 2, 5))
'ngày 05 tháng 02 năm 2026'
>>> FILTERS["deadline_phrase"]("2026-Q1")
'trong Quý I/2026'
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date  # noqa: F401  (used by the doctests above)

from .collate import sort_key, sort_vi
from .dates import (
    format_date,
    format_month,
    format_place_date,
    format_short_date,
    format_weekday,
    parse_date,
)
from .deadlines import Deadline, deadline_label, deadline_phrase, format_quarter
from .numbering import (
    diem_label,
    diem_letter,
    khoan_label,
    ordinal,
    parse_roman,
    roman,
    section_label,
    sub_point_label,
)
from .numbers import (
    format_amount,
    format_number,
    format_percent,
    format_range,
    format_year,
    parse_number,
)
from .text import nfc, sentence_case, slugify_vi, unique_slug, upper_vi
from .words import amount_in_words, number_to_words

_FUNCTIONS: tuple[Callable[..., object], ...] = (
    # dates.py
    format_date, format_place_date, format_short_date, format_month, format_weekday, parse_date,
    # deadlines.py
    format_quarter, deadline_phrase, deadline_label,
    # numbers.py
    format_number, format_percent, format_range, format_amount, format_year, parse_number,
    # words.py
    number_to_words, amount_in_words,
    # numbering.py
    roman, parse_roman, diem_letter, diem_label, khoan_label, section_label, sub_point_label,
    ordinal,
    # collate.py
    sort_key, sort_vi,
    # text.py
    nfc, upper_vi, sentence_case, slugify_vi, unique_slug,
)

#: Template filters: each public function under its own name.
FILTERS: dict[str, Callable[..., object]] = {f.__name__: f for f in _FUNCTIONS}

__all__ = ["Deadline", "FILTERS", *FILTERS]
