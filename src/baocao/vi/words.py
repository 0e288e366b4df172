"""Numbers in Vietnamese words ("bằng chữ"), for amounts and ordinals.

The reading rules and their sources (vi-formatting.md §7 and the school textbooks):

* 10-19 use "mười", 20-90 "mươi"; units 1 after "mươi" is "mốt" (21 hai mươi mốt) but stays
  "một" after "mười", after "linh" and alone (11 mười một, 101 một trăm linh một).
* Units 5 after "mười"/"mươi" is "lăm" (15 mười lăm, 25 hai mươi lăm) but "năm" alone or after
  "linh" (105 một trăm linh năm). Some speakers say "nhăm" (hai mươi nhăm); not offered here.
* Units 4 after "mươi" may be "tư" (*four*="tư"): textbooks write "một trăm bốn mươi tư nghìn"
  (Toán 4, Cánh diều), num2words and vietnam_number always write "bốn". After "mười" and "linh"
  it is always "bốn" here (one primer also lists "linh tư").
* "linh" (Northern, textbooks) or "lẻ" (Southern, num2words) when the tens digit is 0 inside a
  group: *linh*="lẻ". The spelling is "lẻ" with the hỏi tone; vietnam_number writes "lẽ", a typo.
* A non-leading group is read in full, with "không trăm": 2.002 hai nghìn không trăm linh hai,
  1.005.000 một triệu không trăm linh năm nghìn (num2words drops "không trăm").
* An empty group between non-empty ones is read "không nghìn" / "không triệu", as the Toán 4
  textbook does (8.000.001 tám triệu không nghìn không trăm linh một), so 1.000.500 is
  "một triệu không nghìn năm trăm". vietnam_number skips empty groups ("một triệu năm trăm");
  pass ``read_empty_groups=False`` for that style. Trailing empty groups are never read, nor is a
  9-digit block that is entirely zero.
* Above 10^9 the number of "tỷ" is read like any number and "tỷ" repeats for each further
  10^9: 10^12 một nghìn tỷ, 10^15 một triệu tỷ, 10^18 một tỷ tỷ. (num2words wrongly gives
  "một trăm nghìn tỷ" for 10^15.) Textbooks spell "tỉ"; official texts and Babel write "tỷ".
* A fraction is read after "phẩy": leading zeros one by one as "không", the remaining digits as a
  whole number, trailing zeros included because they were written (Toán 5: 73,108 bảy mươi ba
  phẩy một trăm linh tám; 0,1985 không phẩy một nghìn chín trăm tám mươi lăm; 1,05 một phẩy
  không năm). Negative numbers start with "âm".

>>> number_to_words(21)
'hai mươi mốt'
>>> number_to_words(1005000)
'một triệu không trăm linh năm nghìn'
>>> number_to_words("1.05")
'một phẩy không năm'
"""
from __future__ import annotations

from decimal import Decimal

from .numbers import to_decimal

__all__ = ["number_to_words", "amount_in_words"]

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = "tỷ"
_MILLION = "triệu"


def _group_words(n: int, full: bool, linh: str, four: str) -> list[str]:
    """Words for 1 <= n <= 999; *full* reads a zero hundreds digit as "không trăm"."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            words += [linh, _DIGITS[units]] if words else [_DIGITS[units]]
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _DIGITS[units])
    else:
        words += [_DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 4: four, 5: "lăm"}.get(units, _DIGITS[units]))
    return words


def _integer_words(n: int, linh: str, four: str, thousand: str, read_empty: bool) -> list[str]:
    if n == 0:
        return [_DIGITS[0]]
    # 3-digit groups, least significant first. Group k has position k % 3 (units, nghìn,
    # triệu) inside the 9-digit block k // 3; a non-zero block is followed by "tỷ" repeated
    # k // 3 times, so 1.234 x 10^9 reads "một nghìn hai trăm ba mươi tư tỷ".
    groups: list[int] = []
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    lowest_nonzero = min(k for k, g in enumerate(groups) if g)
    words: list[str] = []
    started = False
    for k in reversed(range(len(groups))):
        g = groups[k]
        block, pos = divmod(k, 3)
        block_nonzero = any(groups[3 * block: 3 * block + 3])
        scale = ("", thousand, _MILLION)[pos]
        if g:
            words += _group_words(g, started, linh, four)
            if scale:
                words.append(scale)
            started = True
        elif started and read_empty and scale and k > lowest_nonzero and block_nonzero:
            words += [_DIGITS[0], scale]
        if pos == 0 and block and block_nonzero:
            words += [_BILLION] * block
    return words


def number_to_words(
    n: object,
    *,
    linh: str = "linh",
    four: str = "bốn",
    thousand: str = "nghìn",
    read_empty_groups: bool = True,
) -> str:
    """Read a number in Vietnamese words (lower case).

    *n* may be an int, a Decimal, a float or a machine-literal str ("1234.05"). Options:
    *linh* "linh" or "lẻ"; *four* "bốn" or "tư" (after "mươi" only); *thousand* "nghìn" or
    "ngàn"; *read_empty_groups* see the module notes.

    >>> number_to_words(15)
    'mười lăm'
    >>> number_to_words(2002)
    'hai nghìn không trăm linh hai'
    >>> number_to_words(24, four="tư")
    'hai mươi tư'
    >>> number_to_words(101, linh="lẻ", thousand="ngàn")
    'một trăm lẻ một'
    >>> number_to_words(-5)
    'âm năm'
    >>> number_to_words(10**18)
    'một tỷ tỷ'
    """
    d = to_decimal(n)
    sign, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)
    text = "".join(map(str, digits))
    if exponent >= 0:
        int_part, frac_part = int(text) * 10**exponent, ""
    else:
        text = text.rjust(-exponent + 1, "0")
        int_part, frac_part = int(text[:exponent]), text[exponent:]
    options = (linh, four, thousand, read_empty_groups)
    words = _integer_words(int_part, *options)
    if frac_part:
        words.append("phẩy")
        stripped = frac_part.lstrip("0")
        words += [_DIGITS[0]] * (len(frac_part) - len(stripped))
        if stripped:
            words += _integer_words(int(stripped), *options)
    if sign and (int_part or frac_part.strip("0")):
        words.insert(0, "âm")
    return " ".join(words)


def amount_in_words(n: object, currency: str = "đồng", even: bool = True, **options: object) -> str:
    """An amount in words for the "Bằng chữ" line: capitalised, currency word appended.

    *even* appends "chẵn" to whole amounts (the usual ending on financial forms, marking that
    nothing follows). A whole Decimal such as 1200000.00 counts as whole. *options* are passed
    to :func:`number_to_words`.

    >>> amount_in_words(1200000)
    'Một triệu hai trăm nghìn đồng chẵn'
    >>> amount_in_words(1000500, even=False)
    'Một triệu không nghìn năm trăm đồng'
    >>> amount_in_words("1.5", "USD")
    'Một phẩy năm USD'
    """
    d = to_decimal(n)
    whole = d == d.to_integral_value()
    if whole:
        d = Decimal(int(d))
    words = number_to_words(d, **options)  # type: ignore[arg-type]
    words = words[:1].upper() + words[1:]
    currency = currency.strip()
    parts = [words] + ([currency] if currency else []) + (["chẵn"] if even and whole else [])
    return " ".join(parts)
