"""Numbers as official Vietnamese texts write them: "1.234.567", "8,3%", "1,56 tỷ USD".

Separators and grouping come from Babel's CLDR data for ``vi`` (decimal comma, group dot, four-digit
numbers grouped). What Babel lacks is written here: half-up rounding (Babel rounds half-even),
keeping the decimals a value was written with ("29,0%"), ranges ("8,3-8,5%") and amounts with a
scale word ("930 tỷ USD").

Input values may be ``int``, :class:`~decimal.Decimal`, ``float`` or ``str``. A ``str`` is a machine
literal as written in YAML data ("29.0", "-5", "1234.5"): dot for decimals, no grouping. Text
written the Vietnamese way ("1.234,5") must go through :func:`parse_number` first. A ``float``
carries no "as written" information: it is read through its shortest repr, and a whole float
shows no fraction (29.0 gives "29"; pass "29.0" or ``Decimal("29.0")`` to get "29,0").

>>> format_number(1234567)
'1.234.567'
>>> format_percent("29.0")
'29,0%'
>>> format_amount(930e9, "USD")
'930 tỷ USD'
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from babel import numbers as _babel

__all__ = [
    "LOCALE",
    "to_decimal",
    "format_number",
    "format_percent",
    "format_range",
    "format_amount",
    "format_year",
    "parse_number",
]

LOCALE = "vi"

_LITERAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
# What parse_number accepts before Babel checks the grouping: ASCII digits on both sides of
# the decimal comma (Babel alone takes "1," and ",5" and non-ASCII digits).
_VI_NUMBER = re.compile(r"[+-]?\d[\d.]*(,\d+)?", re.ASCII)

#: Scale words for :func:`format_amount`, largest first. Official texts write "6.000 tỷ đồng",
#: "21.689 tỷ đồng" [vi-formatting.md §3], so "nghìn tỷ" is chosen automatically only from 10^15
#: on (the statistics office writes GDP as "… nghìn tỷ đồng"), and "nghìn" only on request:
#: smaller amounts are written in full ("21.500 đồng").
_SCALES: dict[str, int] = {"nghìn tỷ": 10**12, "tỷ": 10**9, "triệu": 10**6, "nghìn": 10**3, "": 1}
_AUTO_SCALES: tuple[tuple[str, Decimal], ...] = (
    ("nghìn tỷ", Decimal(10) ** 15),
    ("tỷ", Decimal(10) ** 9),
    ("triệu", Decimal(10) ** 6),
    ("", Decimal(0)),
)


def to_decimal(value: object) -> Decimal:
    """Convert int, Decimal, float or a machine-literal str to a finite Decimal.

    >>> to_decimal("29.0")
    Decimal('29.0')
    >>> to_decimal(8.3)
    Decimal('8.3')
    >>> to_decimal(29.0)
    Decimal('29')
    """
    if isinstance(value, bool):
        raise TypeError("Giá trị logic (True/False) không phải là số.")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
        if value.is_integer():
            result = result.quantize(Decimal(1)) if abs(value) < 1e16 else Decimal(int(value))
    elif isinstance(value, str):
        text = value.strip()
        if not _LITERAL.fullmatch(text):
            raise ValueError(
                f"Không đọc được số {value!r}: dùng dấu chấm cho phần thập phân và không dùng "
                "dấu phân cách hàng nghìn (ví dụ 1234.5); số viết kiểu Việt Nam (1.234,5) "
                "cần đọc bằng parse_number."
            )
        result = Decimal(text)
    else:
        raise TypeError(f"Không phải là số: {value!r}")
    if not result.is_finite():
        raise ValueError(f"Số không hữu hạn: {value!r}")
    return result


def _decimals_of(d: Decimal) -> int:
    exponent = d.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _pattern(digits: int, suffix: str = "") -> str:
    return "#,##0" + ("." + "0" * digits if digits else "") + suffix


def _round(d: Decimal, digits: int) -> Decimal:
    if digits < 0:
        raise ValueError("Số chữ số thập phân không được âm.")
    with localcontext() as ctx:
        ctx.prec = max(60, d.adjusted() + digits + 5)
        result = d.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return abs(result) if result.is_zero() else result


def _babel_format(d: Decimal, digits: int, suffix: str = "") -> str:
    # The value is already rounded half-up to *digits*; the context only matters if Babel
    # rounds again, and then it must round half-up too.
    with localcontext() as ctx:
        ctx.rounding = ROUND_HALF_UP
        ctx.prec = max(60, d.adjusted() + digits + 5)
        if suffix:
            return _babel.format_percent(d / 100, format=_pattern(digits, suffix), locale=LOCALE)
        return _babel.format_decimal(d, format=_pattern(digits), locale=LOCALE)


def format_number(value: object, digits: int | None = None) -> str:
    """Format a number with Vietnamese separators, rounding half-up to *digits* decimals.

    With *digits* None a Decimal or str keeps the decimals it was written with.

    >>> format_number(Decimal("8.25"), 1)
    '8,3'
    >>> format_number(1234.5, digits=1)
    '1.234,5'
    >>> format_number(Decimal("29.0"))
    '29,0'
    """
    d = to_decimal(value)
    digits = _decimals_of(d) if digits is None else digits
    return _babel_format(_round(d, digits), digits)


def format_percent(value: object, digits: int | None = None) -> str:
    """Format a value already in percent units, "%" glued to the number.

    >>> format_percent(8.3)
    '8,3%'
    >>> format_percent(Decimal("7.515"), 2)
    '7,52%'
    """
    d = to_decimal(value)
    digits = _decimals_of(d) if digits is None else digits
    return _babel_format(_round(d, digits), digits, "%")


def format_range(low: object, high: object, unit: str = "", digits: int | None = None) -> str:
    """Format a range "low-high" with the unit written once, after the second figure.

    Real texts space the hyphen in several ways (vi-formatting.md §2); this writes the compact
    form with no spaces. "%" is glued to the number, any other unit follows a space.

    >>> format_range(8.3, 8.5, "%")
    '8,3-8,5%'
    >>> format_range(1887, 2269, "MW")
    '1.887-2.269 MW'
    """
    lo, hi = to_decimal(low), to_decimal(high)
    if lo > hi:
        raise ValueError(f"Khoảng giá trị không hợp lệ: giá trị đầu ({low}) lớn hơn giá trị cuối ({high}).")
    text = f"{format_number(lo, digits)}-{format_number(hi, digits)}"
    return _attach_unit(text, unit)


def _attach_unit(text: str, unit: str) -> str:
    unit = unit.strip()
    if not unit:
        return text
    return text + unit if unit == "%" else f"{text} {unit}"


def _pick_scale(d: Decimal, digits: int) -> tuple[str, Decimal]:
    size = abs(d)
    for i, (name, threshold) in enumerate(_AUTO_SCALES):
        if size >= threshold:
            scaled = _round(d / _SCALES[name], digits)
            # Rounding can reach the next scale: 999.999.999 with 2 digits is "1 tỷ",
            # not "1.000 triệu".
            if i > 0 and abs(scaled) * _SCALES[name] >= _AUTO_SCALES[i - 1][1]:
                name = _AUTO_SCALES[i - 1][0]
                scaled = _round(d / _SCALES[name], digits)
            return name, scaled
    raise AssertionError("unreachable: the last scale has threshold 0")


def format_amount(value: object, unit: str, digits: int = 2, scale: str | None = None) -> str:
    """Format an amount with a scale word: "930 tỷ USD", "21,2 triệu lượt".

    The scale is chosen automatically (none below 10^6, then "triệu", "tỷ", and "nghìn tỷ" only
    from 10^15) unless *scale* is one of "nghìn", "triệu", "tỷ", "nghìn tỷ" or "" (no scale).
    The value is rounded half-up to *digits* decimals and trailing zeros are dropped.

    >>> format_amount(1.56e9, "USD")
    '1,56 tỷ USD'
    >>> format_amount(6000e9, "đồng")
    '6.000 tỷ đồng'
    >>> format_amount(6000e9, "đồng", scale="nghìn tỷ")
    '6 nghìn tỷ đồng'
    """
    d = to_decimal(value)
    if scale is None:
        name, scaled = _pick_scale(d, digits)
    else:
        name = scale.strip()
        if name not in _SCALES:
            raise ValueError(
                f"Đơn vị quy mô không hợp lệ: {scale!r}; dùng một trong: nghìn, triệu, tỷ, nghìn tỷ."
            )
        scaled = _round(d / _SCALES[name], digits)
    scaled = scaled.normalize() if not scaled.is_zero() else Decimal(0)
    shown = format_number(scaled, max(_decimals_of(scaled), 0))
    words = f"{shown} {name}" if name else shown
    return _attach_unit(words, unit)


def format_year(y: object) -> str:
    """A year as plain digits: years are never grouped ("2026", not Babel's "2.026").

    >>> format_year(2026)
    '2026'
    """
    if isinstance(y, bool) or not isinstance(y, (int, str)):
        raise TypeError(f"Năm phải là số nguyên: {y!r}")
    text = str(y).strip()
    if not text.isdigit() or not text.isascii():
        raise ValueError(f"Năm không hợp lệ: {y!r}")
    return str(int(text))


def parse_number(text: str) -> Decimal:
    """Parse a number written the Vietnamese way ("1.234,5"), strictly.

    A misplaced group separator is an error rather than a silent misreading (Babel's non-strict
    parser reads "1,234.5" as 1,2345).

    >>> parse_number("1.234,5")
    Decimal('1234.5')
    >>> parse_number("1,234.5")
    Traceback (most recent call last):
    ...
    ValueError: Số không đúng định dạng Việt Nam (dấu chấm phân cách hàng nghìn, dấu phẩy thập phân): '1,234.5'
    """
    if not isinstance(text, str):
        raise TypeError(f"Cần một chuỗi ký tự, nhận được {text!r}")
    try:
        if not _VI_NUMBER.fullmatch(text.strip()):
            raise _babel.NumberFormatError(f"not a number: {text!r}")
        with localcontext() as ctx:
            ctx.prec = 60
            return _babel.parse_decimal(text.strip(), locale=LOCALE, strict=True)
    except (_babel.NumberFormatError, InvalidOperation) as exc:
        raise ValueError(
            "Số không đúng định dạng Việt Nam (dấu chấm phân cách hàng nghìn, dấu phẩy thập phân): "
            f"{text!r}"
        ) from exc
