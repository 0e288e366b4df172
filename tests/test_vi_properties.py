"""Property tests for baocao.vi (hypothesis)."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from baocao.vi import (
    Deadline,
    diem_letter,
    format_date,
    format_number,
    format_place_date,
    format_short_date,
    number_to_words,
    parse_date,
    parse_number,
    sort_key,
)

# ----------------------------------------------------------------- words, read back
# An independent reader written from the rules in vi-formatting.md §7 (not from the code):
# it accepts only the canonical grammar, so a wrong "mốt", "lăm", "linh" or a missing
# "không trăm" makes the round trip fail.
UNITS = {"không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6,
         "bảy": 7, "tám": 8, "chín": 9}
SCALES = (("triệu", 10**6), ("nghìn", 10**3), ("ngàn", 10**3))


def _read_below_1000(words: list[str], leading: bool) -> int:
    """A group of up to three digits; a non-leading group is read in full ("không trăm")."""
    if words == ["không"]:
        return 0   # the whole number zero, or an empty group ("không nghìn")
    value = 0
    w = list(words)
    has_hundreds = len(w) >= 2 and w[1] == "trăm"
    assert has_hundreds or leading, words
    if has_hundreds:
        assert not (leading and w[0] == "không"), words
        value = 100 * UNITS[w[0]]
        w = w[2:]
    if not w:
        return value
    if w[0] in ("linh", "lẻ"):
        assert has_hundreds and len(w) == 2, words
        assert w[1] in UNITS and w[1] not in ("không", "tư"), words
        return value + UNITS[w[1]]
    if w[0] == "mười":
        assert len(w) <= 2, words
        if len(w) == 2:
            assert w[1] not in ("không", "năm", "tư", "mốt"), words  # 15 is "mười lăm"
            return value + 10 + (5 if w[1] == "lăm" else UNITS[w[1]])
        return value + 10
    if len(w) >= 2 and w[1] == "mươi":
        tens = UNITS[w[0]]
        assert tens >= 2 and w[0] != "tư", words
        if len(w) == 3:
            assert w[2] not in ("không", "một", "năm"), words   # mốt, lăm after "mươi"
            unit = {"mốt": 1, "lăm": 5}.get(w[2], UNITS.get(w[2]))
            assert unit is not None, words
            return value + 10 * tens + unit
        assert len(w) == 2, words
        return value + 10 * tens
    assert not has_hundreds, words   # units after "trăm" need "linh"
    assert len(w) == 1 and w[0] in UNITS and w[0] not in ("không", "tư"), words
    return UNITS[w[0]]


def _read(words: list[str], leading: bool = True) -> int:
    assert words, "empty group"
    # Split on the longest run of "tỷ" first, then on triệu, then nghìn.
    runs = [(i, j) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
            if all(x == "tỷ" for x in words[i:j]) and (i == 0 or words[i - 1] != "tỷ")
            and (j == len(words) or words[j] != "tỷ")]
    if runs:
        i, j = max(runs, key=lambda r: (r[1] - r[0], -r[0]))
        left = _read(words[:i], leading)
        assert 0 < left < 10**9 or (left == 0 and not leading), words
        right = _read(words[j:], False) if words[j:] else 0
        return left * 10 ** (9 * (j - i)) + right
    for word, size in SCALES:
        if word in words:
            i = words.index(word)
            left = _read(words[:i], leading)
            assert left < 1000, words
            right = _read(words[i + 1:], False) if words[i + 1:] else 0
            return left * size + right
    return _read_below_1000(words, leading)


def read_words(text: str) -> int:
    words = text.split(" ")
    if words[0] == "âm":
        return -read_words(" ".join(words[1:]))
    return _read(words)


def test_reader_rejects_known_library_mistakes() -> None:
    # vi-formatting.md §8: num2words and vietnam_number outputs the rules forbid.
    for wrong in ["một nghìn lẻ năm", "một nghìn lẻ năm mươi", "hai nghìn lẻ hai mươi bốn",
                  "hai mươi một", "mười năm", "một trăm năm", "mười trăm nghìn tỷ"]:
        try:
            read_words(wrong)
        except (AssertionError, KeyError):
            continue
        raise AssertionError(f"reader accepted {wrong!r}")


@given(st.integers(min_value=0, max_value=10**18 - 1))
@settings(max_examples=2000)
def test_number_to_words_total_and_clean(n: int) -> None:
    text = number_to_words(n)
    assert text and text == text.strip()
    assert "  " not in text
    assert read_words(text) == n


@given(st.integers(min_value=0, max_value=10**18 - 1), st.sampled_from(["linh", "lẻ"]),
       st.sampled_from(["bốn", "tư"]), st.sampled_from(["nghìn", "ngàn"]), st.booleans())
def test_number_to_words_options_read_back(n: int, linh: str, four: str, thousand: str,
                                           read_empty: bool) -> None:
    text = number_to_words(n, linh=linh, four=four, thousand=thousand,
                           read_empty_groups=read_empty)
    assert "  " not in text and text == text.strip()
    assert read_words(text) == n


@given(st.integers(min_value=-10**18, max_value=10**18))
def test_negative_words(n: int) -> None:
    text = number_to_words(n)
    assert text.startswith("âm ") == (n < 0)
    assert read_words(text) == n


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=1, max_value=6),
       st.integers(min_value=0, max_value=10**6 - 1))
def test_decimal_words_keep_fraction_digits(whole: int, places: int, frac: int) -> None:
    frac %= 10**places
    digits = str(frac).rjust(places, "0")
    text = number_to_words(Decimal(f"{whole}.{digits}"))
    head, tail = text.split(" phẩy ")
    assert read_words(head) == whole
    zeros = len(digits) - len(digits.lstrip("0"))
    tail_words = tail.split(" ")
    assert tail_words[:zeros] == ["không"] * zeros
    rest = tail_words[zeros:]
    assert (read_words(" ".join(rest)) if rest else 0) == int(digits)


# --------------------------------------------------------------------------- dates
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
MONTH_TEXT = re.compile(r"(0[12]|[3-9]|1[0-2])")


@given(DATES)
def test_long_date_round_trip(d: date) -> None:
    text = format_date(d)
    assert parse_date(text) == d
    m = re.fullmatch(r"ngày (\d\d) tháng (\d+) năm (\d{4})", text)
    assert m is not None and MONTH_TEXT.fullmatch(m[2])


@given(DATES)
def test_short_date_round_trip(d: date) -> None:
    text = format_short_date(d)
    assert parse_date(text) == d
    day, month, year = text.split("/")
    assert len(day) == 2 and MONTH_TEXT.fullmatch(month) and len(year) == 4


@given(DATES, st.sampled_from(["Hà Nội", "Thành phố Hồ Chí Minh", "Cam Đường", "Quận 1"]))
def test_place_date_round_trip(d: date, place: str) -> None:
    assert parse_date(format_place_date(place, d)) == d
    assert parse_date(unicodedata.normalize("NFD", format_place_date(place, d))) == d


# ------------------------------------------------------------------------ numbering
@given(st.integers(min_value=1, max_value=23))
def test_diem_letters_are_vietnamese(i: int) -> None:
    letter = diem_letter(i)
    assert letter not in {"f", "j", "w", "z"}
    assert letter not in {"ă", "â", "ê", "ô", "ơ", "ư"}


def test_diem_letters_distinct_and_ordered() -> None:
    letters = [diem_letter(i) for i in range(1, 24)]
    assert len(set(letters)) == 23
    assert letters == sorted(letters, key=sort_key)


# ------------------------------------------------------------------------ deadlines
YEARS = st.integers(min_value=1900, max_value=2100)
DEADLINES = st.one_of(
    DATES.map(Deadline.on),
    DATES.map(Deadline.before),
    st.builds(Deadline.in_month, YEARS, st.integers(1, 12)),
    st.builds(Deadline.in_quarter, YEARS, st.integers(1, 4)),
    st.builds(Deadline.in_half, YEARS, st.integers(1, 2)),
    st.builds(Deadline.in_year, YEARS),
    st.just(Deadline.ongoing()),
)


@given(DEADLINES)
def test_deadline_compact_round_trip(d: Deadline) -> None:
    assert Deadline.parse(d.compact()) == d
    assert Deadline.parse(str(d)) == d


@given(DEADLINES)
def test_deadline_days_consistent(d: Deadline) -> None:
    first, last = d.first_day(), d.last_day()
    if d.kind == "thuong_xuyen":
        assert first is None and last is None
        return
    assert last is not None
    if first is not None:
        assert first <= last
    assert d.phrase() and d.label()


@given(DEADLINES, DEADLINES)
def test_deadline_sort_by_last_day(a: Deadline, b: Deadline) -> None:
    la, lb = a.last_day(), b.last_day()
    if la and lb and la < lb:
        assert a.sort_key() < b.sort_key()
    if la and not lb:
        assert a.sort_key() < b.sort_key()


# ------------------------------------------------------------------- numbers, collate
@given(st.decimals(min_value=-10**15, max_value=10**15, places=3, allow_nan=False,
                   allow_infinity=False))
def test_format_parse_number_round_trip(value: Decimal) -> None:
    assert parse_number(format_number(value)) == value


VI_TEXT = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ àảãáạ ằẳẵắặ ềểễếệ ",
                  max_size=12)


@given(VI_TEXT)
def test_sort_key_ignores_normal_form(text: str) -> None:
    assert sort_key(unicodedata.normalize("NFD", text)) == sort_key(text)


@given(VI_TEXT, VI_TEXT)
def test_sort_key_total_order(a: str, b: str) -> None:
    ka, kb = sort_key(a), sort_key(b)
    assert (ka == kb) == (" ".join(unicodedata.normalize("NFC", a).split())
                          == " ".join(unicodedata.normalize("NFC", b).split()))
