"""Vietnamese alphabetical order without ICU.

Python's default string order puts "Đà Nẵng" after "Yên Bái" (U+0110 > "Y") and "Ă" after "Z";
locale.strxfrm depends on the machine. This module builds a sort key by the rules of the CLDR
``vi`` collation (unicode-org/cldr ``common/collation/vi.xml``, "standard")::

    [normalization on]
    &̀<<̉<<̃<<́<<̣
    &a<ă<<<Ă<â<<<Â  &d<đ<<<Đ  &e<ê<<<Ê  &o<ô<<<Ô<ơ<<<Ơ  &u<ư<<<Ư

* Primary level, letters: a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z.
  The letters with a vowel mark (ă â ê ô ơ ư) and đ are letters of their own, so "Đà Nẵng"
  follows every "D…" name and "Ăn" follows every "A…" word. f j w z (foreign words) sit where
  the Latin alphabet puts them, as in the dictionary alphabet of Vũ Xuân Lương (Vietlex, "Quy
  tắc sắp xếp đơn vị từ vựng trong từ điển tiếng Việt"). Case is ignored at this level.
  Before letters: spaces, then punctuation and symbols, then digits (digit by digit).
* Secondary level, tones: ngang (none) < huyền < hỏi < ngã < sắc < nặng, i.e. a à ả ã á ạ.
  This is both the CLDR rule above and rule 2 of the Vietlex dictionary rules. (Some popular
  write-ups list sắc right after ngang; neither source does.)
* Tertiary level: lower case before upper case (CLDR default; Vietlex rule 3: "a" before "A").

Levels are compared across the whole string, as ICU does: all base letters first, then all
tones, then case. Dictionaries compare syllable by syllable instead (Vietlex rule 4.3), which
differs for e.g. "bà con" / "ba hoa": ICU order gives "bà con" first (c < h), a dictionary gives
"ba hoa" first (ba < bà). Pass ``by_syllable=True`` for the dictionary order.

Input may be NFC or NFD; runs of white space count as one space.

>>> sort_vi(["Đà Nẵng", "Dương", "Yên Bái", "An Giang"])
['An Giang', 'Dương', 'Đà Nẵng', 'Yên Bái']
>>> sort_vi(["bá", "bạ", "ba", "bà", "bả", "bã"])
['ba', 'bà', 'bả', 'bã', 'bá', 'bạ']
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

__all__ = ["ALPHABET", "TONE_ORDER", "sort_key", "sort_vi"]

T = TypeVar("T")

#: Primary order of letters (lower case).
ALPHABET: tuple[str, ...] = tuple("a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split())
_LETTER = {letter: i for i, letter in enumerate(ALPHABET)}
# U+00F0 "ð" (eth) stands in for "đ" in text converted from old 8-bit encodings.
_ALIASES = {"ð": "đ"}

#: Combining tone marks in secondary order: huyền, hỏi, ngã, sắc, nặng (ngang has none).
TONE_ORDER: tuple[str, ...] = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_TONE = {mark: i + 1 for i, mark in enumerate(TONE_ORDER)}

_SPACE, _PUNCT, _DIGIT, _VI_LETTER, _OTHER = range(5)

Key = tuple[Any, ...]


def _units(text: str) -> list[tuple[str, str, int]]:
    """Split NFD text into (base, non-tone marks, tone weight) units."""
    units: list[list[Any]] = []
    for ch in unicodedata.normalize("NFD", " ".join(text.split())):
        if unicodedata.combining(ch):
            if not units:
                continue  # a stray mark with nothing to sit on
            if ch in _TONE:
                units[-1][2] = _TONE[ch]
            else:
                units[-1][1] += ch
        else:
            units.append([ch, "", 0])
    return [(b, m, t) for b, m, t in units]


def _primary(base: str, marks: str) -> tuple[int, int]:
    if base.isspace():
        return (_SPACE, 0)
    lower = base.lower()
    if lower.isalpha():
        letter = unicodedata.normalize("NFC", lower + marks)
        letter = _ALIASES.get(letter, letter)
        if letter in _LETTER:
            return (_VI_LETTER, _LETTER[letter])
        lower = _ALIASES.get(lower, lower)
        if lower in _LETTER:  # a Latin letter with a mark Vietnamese does not use: ü → u
            return (_VI_LETTER, _LETTER[lower])
        return (_OTHER, ord(lower))
    if base.isdigit():
        return (_DIGIT, unicodedata.digit(base, ord(base)))
    return (_PUNCT, ord(base))


def _levels(units: list[tuple[str, str, int]]) -> tuple[Key, Key, Key]:
    primary = tuple(_primary(b, m) for b, m, _ in units)
    secondary = tuple(t for _, _, t in units)
    tertiary = tuple(1 if b.isupper() else 0 for b, _, _ in units)
    return primary, secondary, tertiary


def sort_key(text: str, by_syllable: bool = False) -> Key:
    """Sort key for Vietnamese alphabetical order (see the module notes).

    >>> sort_key("Bộ Công an") < sort_key("Bộ Công Thương")
    True
    >>> sort_key("Việt") == sort_key(unicodedata.normalize("NFD", "Việt"))
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"Cần một chuỗi ký tự để sắp xếp, nhận được {text!r}")
    units = _units(text)
    primary, secondary, tertiary = _levels(units)
    tie = unicodedata.normalize("NFC", " ".join(text.split()))
    if not by_syllable:
        return (primary, secondary, tertiary, tie)
    syllables: list[tuple[Key, Key]] = []
    start = 0
    for i in range(len(units) + 1):
        if i == len(units) or units[i][0].isspace():
            if i > start:
                syllables.append((primary[start:i], secondary[start:i]))
            start = i + 1
    return (tuple(syllables), tertiary, tie)


def sort_vi(
    items: Iterable[T],
    key: Callable[[T], str] | None = None,
    *,
    reverse: bool = False,
    by_syllable: bool = False,
) -> list[T]:
    """Return *items* sorted in Vietnamese alphabetical order; *key* extracts the text.

    >>> sort_vi(["Ăn uống", "Anh", "Âm", "Azure"])
    ['Anh', 'Azure', 'Ăn uống', 'Âm']
    >>> sort_vi(["ba hoa", "bà con"]), sort_vi(["ba hoa", "bà con"], by_syllable=True)
    (['bà con', 'ba hoa'], ['ba hoa', 'bà con'])
    >>> [d["ten"] for d in sort_vi([{"ten": "Y tế"}, {"ten": "Xây dựng"}], key=lambda d: d["ten"])]
    ['Xây dựng', 'Y tế']
    """
    if key is None:
        return sorted(items, key=lambda x: sort_key(x, by_syllable), reverse=reverse)  # type: ignore[arg-type]
    return sorted(items, key=lambda x: sort_key(key(x), by_syllable), reverse=reverse)
