"""Text helpers for Vietnamese: normalisation, case and slugs.

Vietnamese letters can be stored precomposed (NFC, "ệ" = U+1EC7) or decomposed (NFD, "e" +
U+0302 + U+0323). Word processors, PDF extractors and YAML editors mix the two, so every helper
here takes either form and returns NFC, the form Unicode recommends for interchange and the one
the fonts used for official documents (Times New Roman) render without fallback.

>>> upper_vi("Bộ Nông nghiệp và Môi trường")
'BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG'
>>> sentence_case("KẾT LUẬN CỦA THỦ TƯỚNG TẠI HỘI NGHỊ APEC")
'Kết luận của thủ tướng tại hội nghị APEC'
>>> slugify_vi("Bộ Nông nghiệp và Môi trường")
'bo-nong-nghiep-va-moi-truong'
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from slugify import slugify

__all__ = [
    "DEFAULT_ACRONYMS",
    "nfc",
    "upper_vi",
    "sentence_case",
    "slugify_vi",
    "unique_slug",
    "fold_vi",
    "contains_words",
]

#: Upper-case abbreviations that stay upper case when :func:`sentence_case` lowers an all-caps
#: title. Taken from the abbreviations seen in real notices (VPCP Thông báo 2019-2026) and the
#: type/agency abbreviations of Decree 30/2020/NĐ-CP, Phụ lục III.
DEFAULT_ACRONYMS: frozenset[str] = frozenset({
    # international bodies and agreements
    "AI", "APEC", "ASEAN", "CPTPP", "EC", "EU", "EVFTA", "FDI", "FTA", "GCC", "GDP", "IUU",
    "MERCOSUR", "ODA", "RCEP", "SACU", "UN", "WEF", "WTO", "USD", "VND",
    # Vietnamese agencies and document abbreviations
    "BCH", "CP", "CT", "EVN", "HĐND", "MTTQ", "NĐ", "NQ", "PVN", "QĐ", "QH", "TB", "TTg", "TW",
    "UBND", "VCCI", "VKSND", "VPCP", "VNPT", "VT",
})

_WORD = re.compile(r"\w+", re.UNICODE)


def nfc(s: str) -> str:
    """Return *s* in Unicode normal form C (precomposed letters).

    >>> nfc("Vie\\u0323\\u0302t") == "Việt"
    True
    """
    return unicodedata.normalize("NFC", s)


def upper_vi(s: str) -> str:
    """Upper-case a Vietnamese string; NFC in and out ("đ" becomes "Đ").

    Python's :meth:`str.upper` already maps every Vietnamese letter (including "đ" and the
    stacked tone + vowel-mark letters); normalising before and after makes the result NFC even
    for decomposed input.

    >>> upper_vi("Ủy ban nhân dân tỉnh Lào Cai")
    'ỦY BAN NHÂN DÂN TỈNH LÀO CAI'
    >>> upper_vi("đồng")
    'ĐỒNG'
    """
    return nfc(nfc(s).upper())


def _is_all_caps(s: str) -> bool:
    letters = [ch for ch in s if ch.isalpha()]
    return bool(letters) and all(not ch.islower() for ch in letters)


def sentence_case(s: str, keep: Iterable[str] | None = None) -> str:
    """First letter upper case, the rest untouched.

    When the whole input is in capitals (a title copied from a heading), it is lowered first,
    except for words listed in *keep* (default :data:`DEFAULT_ACRONYMS`), which are compared
    exactly as written. Proper names in an all-caps input cannot be recovered ("VIỆT NAM"
    becomes "việt nam"); pass them in *keep* or write the input in normal case.

    >>> sentence_case("tổng kết công tác năm 2025")
    'Tổng kết công tác năm 2025'
    >>> sentence_case("kết luận của Thủ tướng Chính phủ")
    'Kết luận của Thủ tướng Chính phủ'
    >>> sentence_case("ĐẨY MẠNH HỢP TÁC FTA VÀ WEF")
    'Đẩy mạnh hợp tác FTA và WEF'
    >>> sentence_case("BÁO CÁO CỦA VPCP", keep={"BÁO"})
    'BÁO cáo của vpcp'
    """
    s = nfc(s)
    acronyms = DEFAULT_ACRONYMS if keep is None else frozenset(nfc(k) for k in keep)
    if _is_all_caps(s):
        s = _WORD.sub(lambda m: m.group(0) if m.group(0) in acronyms else m.group(0).lower(), s)
    for i, ch in enumerate(s):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1:]
    return s


def slugify_vi(s: str) -> str:
    """ASCII slug for file names and anchors: lower case, hyphens, "đ" to "d".

    Returns an empty string when *s* holds no letter or digit.

    >>> slugify_vi("Đường sắt Lào Cai – Hà Nội")
    'duong-sat-lao-cai-ha-noi'
    >>> slugify_vi("Thông báo số 09/TB-VPCP")
    'thong-bao-so-09-tb-vpcp'
    """
    # python-slugify transliterates "đ"/"Đ" correctly; NFC first so that decomposed input
    # gives the same slug as precomposed input.
    return slugify(nfc(s))


def unique_slug(text: str, taken: set[str], fallback: str = "muc") -> str:
    """Slug of *text* not yet in *taken*; appends -2, -3 … on collision and records the result.

    *fallback* is used when *text* yields an empty slug (punctuation only).

    >>> taken = set()
    >>> unique_slug("Bộ Ngoại giao", taken)
    'bo-ngoai-giao'
    >>> unique_slug("Bộ Ngoại giao", taken)
    'bo-ngoai-giao-2'
    >>> unique_slug("BỘ NGOẠI GIAO", taken)
    'bo-ngoai-giao-3'
    """
    base = slugify_vi(text) or slugify_vi(fallback)
    if not base:
        raise ValueError("Không tạo được định danh (slug) từ chuỗi rỗng.")
    slug = base
    n = 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    taken.add(slug)
    return slug


# Old-style ("hoà", "thuỷ") and new-style ("hòa", "thủy") placement of the tone mark are both in
# use; folding maps the old style onto the new so the two compare equal.
_OLD_TONES = {f"{a}{b}": f"{c}{d}" for a, b, c, d in (
    ("o", "à", "ò", "a"), ("o", "á", "ó", "a"), ("o", "ả", "ỏ", "a"), ("o", "ã", "õ", "a"), ("o", "ạ", "ọ", "a"),
    ("o", "è", "ò", "e"), ("o", "é", "ó", "e"), ("o", "ẻ", "ỏ", "e"), ("o", "ẽ", "õ", "e"), ("o", "ẹ", "ọ", "e"),
    ("u", "ỳ", "ù", "y"), ("u", "ý", "ú", "y"), ("u", "ỷ", "ủ", "y"), ("u", "ỹ", "ũ", "y"), ("u", "ỵ", "ụ", "y"),
)}
_OLD_TONE_RE = re.compile("|".join(_OLD_TONES))
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "“": '"', "”": '"', "’": "'"})


def fold_vi(s: str) -> str:
    """Text for comparison, not for display: NFC, lower case, one space between words, the
    tone mark placed the new way, dashes and quotes plain.

    >>> fold_vi("Ủy ban  nhân dân") == fold_vi("UỶ BAN NHÂN DÂN"), fold_vi("Lào Cai – Hà Nội")
    (True, 'lào cai - hà nội')
    """
    text = " ".join(nfc(s).lower().translate(_DASHES).split())
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(0)], text)


def contains_words(haystack: str, needle: str) -> bool:
    """Does *needle* occur in *haystack* as whole words, compared with :func:`fold_vi`?

    >>> contains_words("Bộ Công Thương chủ trì", "bộ công thương"), contains_words("Bộ Công Thương", "Công Thươn")
    (True, False)
    """
    folded = fold_vi(needle)
    return bool(folded) and re.search(r"(?<!\w)" + re.escape(folded) + r"(?!\w)", fold_vi(haystack)) is not None
