"""Labels for the parts of a document: "I.", "1.", "a)", "(iv)", "thứ nhất".

Decree 30/2020/NĐ-CP, Phụ lục I (II.6 and the Mục IV table) numbers the parts of a text laid out
as phần, mục, khoản, điểm: a mục is a Roman numeral and a dot ("I. ĐÁNH GIÁ CHUNG"), a khoản an
Arabic numeral and a dot ("1."), an điểm a letter of the Vietnamese alphabet and a parenthesis
("a)"). Real notices add sub-points "(i)", "(ii)" inside a paragraph (VPCP Thông báo, 01/2026)
and write ordinals in words ("Thứ nhất, …").

The điểm letters are the Vietnamese alphabet without the letters carrying a vowel mark
(ă â ê ô ơ ư), as legal texts use them: a b c d đ e g h i k l m n o p q r s t u v x y. There is
no f, j, w or z, and "đ" follows "d" (Decree 30's own text runs "d) … đ) … e) … g)").

>>> [diem_label(i) for i in range(1, 8)]
['a)', 'b)', 'c)', 'd)', 'đ)', 'e)', 'g)']
>>> section_label(2), khoan_label(3), sub_point_label(4)
('II.', '3.', '(iv)')
"""
from __future__ import annotations

from .words import number_to_words

__all__ = [
    "DIEM_LETTERS",
    "roman",
    "parse_roman",
    "diem_letter",
    "diem_label",
    "khoan_label",
    "section_label",
    "sub_point_label",
    "ordinal",
]

#: The 23 letters used to number điểm, in order.
DIEM_LETTERS: tuple[str, ...] = tuple("abcdđeghiklmnopqrstuvxy")

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


def _check_index(i: object, what: str) -> int:
    if isinstance(i, bool) or not isinstance(i, int):
        raise TypeError(f"Số thứ tự {what} phải là số nguyên: {i!r}")
    if i < 1:
        raise ValueError(f"Số thứ tự {what} phải từ 1 trở lên, nhận được {i}.")
    return i


def roman(n: int) -> str:
    """Upper-case Roman numeral for 1 <= n <= 3999.

    >>> roman(14), roman(1990), roman(3999)
    ('XIV', 'MCMXC', 'MMMCMXCIX')
    """
    _check_index(n, "La Mã")
    if n > 3999:
        raise ValueError(f"Chữ số La Mã chỉ viết được từ 1 đến 3999, nhận được {n}.")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def parse_roman(text: str) -> int:
    """Inverse of :func:`roman` for canonical numerals (case-insensitive).

    >>> parse_roman("XIV"), parse_roman("iv")
    (14, 4)
    """
    upper = text.strip().upper()
    total, i = 0, 0
    for value, letters in _ROMAN:
        while upper.startswith(letters, i):
            total += value
            i += len(letters)
    if not upper or i != len(upper) or roman(total) != upper:
        raise ValueError(f"Không phải chữ số La Mã hợp lệ: {text!r}")
    return total


def diem_letter(i: int) -> str:
    """The *i*-th (1-based) điểm letter: 1 → "a", 5 → "đ", 7 → "g", 23 → "y".

    >>> diem_letter(1), diem_letter(5), diem_letter(23)
    ('a', 'đ', 'y')
    >>> diem_letter(24)
    Traceback (most recent call last):
    ...
    ValueError: Một khoản có tối đa 23 điểm (a đến y); điểm thứ 24 không có chữ cái để đánh số.
    """
    _check_index(i, "điểm")
    if i > len(DIEM_LETTERS):
        raise ValueError(
            f"Một khoản có tối đa {len(DIEM_LETTERS)} điểm (a đến y); "
            f"điểm thứ {i} không có chữ cái để đánh số."
        )
    return DIEM_LETTERS[i - 1]


def diem_label(i: int) -> str:
    """Label of the *i*-th điểm: "a)", "đ)".

    >>> diem_label(6)
    'e)'
    """
    return diem_letter(i) + ")"


def khoan_label(i: int) -> str:
    """Label of the *i*-th khoản: "1.".

    >>> khoan_label(12)
    '12.'
    """
    return f"{_check_index(i, 'khoản')}."


def section_label(i: int) -> str:
    """Label of the *i*-th mục (section) in a Thông báo: "I.", "II.".

    >>> section_label(4)
    'IV.'
    """
    return roman(_check_index(i, "mục")) + "."


def sub_point_label(i: int) -> str:
    """Label of an in-paragraph sub-point: "(i)", "(ii)", "(iv)".

    >>> sub_point_label(9)
    '(ix)'
    """
    return f"({roman(_check_index(i, 'ý')).lower()})"


def ordinal(n: int) -> str:
    """Ordinal in words: "thứ nhất", "thứ hai", "thứ tư", "thứ hai mươi mốt".

    1 and 4 alone are "nhất" and "tư"; a final 4 after "mươi" is "tư" as well ("thứ hai mươi
    tư"), while 14 stays "thứ mười bốn". Larger numbers follow :func:`number_to_words`.

    >>> ordinal(1), ordinal(4), ordinal(11), ordinal(24)
    ('thứ nhất', 'thứ tư', 'thứ mười một', 'thứ hai mươi tư')
    """
    _check_index(n, "thứ tự")
    if n == 1:
        return "thứ nhất"
    if n == 4:
        return "thứ tư"
    return "thứ " + number_to_words(n, four="tư")
