"""Checks on the raw text of a data file, before and after YAML parsing.

Three kinds of trouble come from how clerks produce text rather than from YAML itself:

* bytes that are not UTF-8 (a binary file, a file saved as Windows-1258 or raw TCVN3);
* characters XML 1.0 cannot hold (C0 controls other than tab/newline, U+FFFE/U+FFFF, lone
  surrogates): a DOCX containing them is corrupt;
* Vietnamese typed with the legacy fonts of the 1990s and pasted as Unicode: TCVN3 (ABC,
  ".VnTime") maps each letter onto a Latin-1 code point ("Bộ Công Thương" → "Bé C«ng Th­¬ng"),
  VNI writes a base letter then a Latin-1 character for the mark ("Boä Coâng Thöông"), and
  UTF-8 read as Windows-1252 gives "Bá»™ CÃ´ng". Each has code points or pairs that never occur
  in real Vietnamese; two of them are enough to refuse the file and name the encoding.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from baocao.data.lookalikes import LIGATURES, LOOKALIKES, mixed_words
from baocao.errors import DataError, Problem

# What PyYAML refuses plus what XML 1.0 cannot hold, and the odd line separators that make
# editors and YAML disagree about line numbers.
_RAW_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029]")
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# TCVN3 (ABC): Latin-1 punctuation that stands for ă â ê ô ơ ư đ and the tones of a/ă.
_TCVN3_CHARS = "¡¢£¤¥¦§¨©ª¬\xad®µ¶¸¹¼½¾"
_TCVN3 = re.compile(
    rf"[A-Za-z][{_TCVN3_CHARS}]|[{_TCVN3_CHARS}][A-Za-z]"   # inside a word
    r"|[A-Za-z][«»·][A-Za-z]"                                # « = ô, » = ằ inside a word
    r"|[a-z][À-Þ]"                                           # "kÕt luËn": a capital inside a word
)
# VNI: a vowel followed by the Latin-1 letter standing for its tone or mark (á = "aù", ô = "oâ",
# ộ = "oä", ă = "aê", ư = "ö", ứ = "öù"): pairs that never occur in Unicode Vietnamese.
_VNI = re.compile(r"[aeiouyAEIOUY][ùøûõïÙØÛÕÏ]|[aeoAEO][âåäÂÅÄ]|[aA][êéèúüëÊÉÈÚÜË]|[aeAE][áàãÁÀÃ]"
                  r"|[öôÖÔ][ôùøûõïÔÙØÛÕÏ]")
# Latin-1 letters that are not Vietnamese letters: frequent in TCVN3 and VNI text ("Phßng häp").
_NOT_VIETNAMESE = re.compile(f"[äåæçëîïñöøûüþßÿÄÅÆÇËÎÏÐÑÖ×ØÛÜÞ÷{_TCVN3_CHARS}«»·]")
_MOJIBAKE_RUN = re.compile(r"[\u0080-\u02ff\u2013-\u203a\u20ac\u2122]{2,}")
_VI_LETTER = re.compile(r"[\u00c0-\u01b0\u0300-\u0323\u1ea0-\u1ef9]")

LEGACY_NAMES = {
    "tcvn3": "TCVN3 (ABC, phông .VnTime)",
    "vni": "VNI (phông VNI-Times)",
    "mojibake": "UTF-8 bị đọc nhầm thành Windows-1252",
}


def _where(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _char_name(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")


def decode(raw: bytes, name: str) -> str:
    """UTF-8 bytes → str (a UTF-8 BOM is dropped); DataError naming the offset otherwise."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError(Problem(name, 1, 1, "", "tệp được lưu dạng UTF-16; hãy lưu lại dạng UTF-8"))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        undecodable = b"\n".join(line for line in raw.split(b"\n") if not _is_utf8(line))
        guess = legacy_encoding(undecodable.decode("cp1252", "replace"))
        if guess:
            message = f"tệp được lưu bằng bảng mã cũ {LEGACY_NAMES[guess]}; hãy chuyển sang Unicode (UTF-8)"
        elif raw.count(b"\x00") > 0 or sum(b < 9 for b in raw[:4096]) > 8:
            message = "tệp không phải văn bản (có vẻ là tệp nhị phân)"
        else:
            message = "tệp không phải văn bản UTF-8 (có thể lưu bằng bảng mã Windows-1258); hãy lưu lại dạng UTF-8"
        bad = raw[error.start]
        field = guess_field(raw.decode("utf-8", "replace"), line) if guess != "binary" else ""
        raise DataError(Problem(name, line, column, field,
                                f"{message}: byte 0x{bad:02X} không hợp lệ ở vị trí {error.start}")) from None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def legacy_encoding(text: str) -> str | None:
    """Name the legacy encoding *text* was typed in, if it shows at least two of its marks.

    >>> legacy_encoding("Bé C«ng Th­¬ng"), legacy_encoding("Boä Coâng Thöông"), legacy_encoding("Phßng häp sè 1")
    ('tcvn3', 'vni', 'tcvn3')
    >>> legacy_encoding("Bộ Công Thương, hoá, quà, Thuý, xuân"), legacy_encoding("với Noël, Müller và España")
    (None, None)
    """
    counts = {"tcvn3": len(_TCVN3.findall(text)), "vni": len(_VNI.findall(text)),
              "mojibake": sum(1 for run in _MOJIBAKE_RUN.findall(text) if _is_mojibake(run))}
    for line in text.split("\n"):
        if _dense(line):
            counts["vni" if _VNI.search(line) else "tcvn3"] += 2
    if counts["mojibake"] >= 2:  # the most specific test: the text decodes back to Vietnamese
        return "mojibake"
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] >= 2 else None


def _dense(line: str) -> bool:
    """A line where at least two words, and 30% of them, hold a letter Vietnamese never uses, one
    of them in lower case (foreign names with such letters are capitalised: Müller, Noël)."""
    words = line.split()
    odd = [word for word in words if _NOT_VIETNAMESE.search(word)]
    return len(odd) >= 2 and len(odd) >= 0.3 * len(words) and any(w[:1].islower() for w in odd)


def _is_mojibake(run: str) -> bool:
    try:
        fixed = run.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return False
    return fixed != run and all(_VI_LETTER.match(ch) for ch in fixed)


def _first_legacy_mark(text: str, kind: str) -> tuple[int, int, str]:
    """Line, column and the offending text of the first legacy-encoded spot."""
    pattern = {"tcvn3": _TCVN3, "vni": _VNI}.get(kind)
    for number, line in enumerate(text.split("\n"), 1):
        if pattern is not None:
            found = pattern.search(line) or (_NOT_VIETNAMESE.search(line) if _dense(line) else None)
            if found:
                start = line.rfind(" ", 0, found.start()) + 1
                end = line.find(" ", found.end())
                return number, start + 1, line[start:end if end >= 0 else None][:30]
            continue
        for run in _MOJIBAKE_RUN.finditer(line):
            if _is_mojibake(run.group()):
                return number, run.start() + 1, run.group()
    return 1, 1, ""


def check_text(text: str, name: str) -> None:
    """Refuse forbidden characters, tab indentation and legacy encodings in the whole text."""
    m = _RAW_FORBIDDEN.search(text)
    if m:
        ch = m.group()
        line, column = _where(text, m.start())
        if ch in "\u2028\u2029":
            message = f"ký tự ngắt dòng lạ {_char_name(ch)}; hãy thay bằng xuống dòng thường hoặc dấu cách"
        elif "\ud800" <= ch <= "\udfff":
            message = f"ký tự {_char_name(ch)} (nửa cặp thay thế) không hợp lệ"
        else:
            message = f"ký tự điều khiển {_char_name(ch)} không được phép trong văn bản; hãy xóa nó"
        raise DataError(Problem(name, line, column, guess_field(text, line), message))
    for number, line_text in enumerate(text.split("\n"), 1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent and line_text.strip():
            raise DataError(Problem(name, number, indent.index("\t") + 1, guess_field(text, number),
                                    "thụt lề bằng phím Tab; YAML chỉ cho phép thụt lề bằng dấu cách"))
    kind = legacy_encoding(text)
    if kind:
        line, column, sample = _first_legacy_mark(text, kind)
        message = (f"văn bản gõ bằng bảng mã cũ {LEGACY_NAMES[kind]} ('{sample}'); hãy chuyển sang "
                   "Unicode (vd: công cụ chuyển mã của UniKey) rồi dán lại")
        if kind == "mojibake":
            message = f"văn bản bị lỗi mã ({LEGACY_NAMES[kind]}: '{sample}'); hãy mở tệp bằng UTF-8 và gõ lại"
        raise DataError(Problem(name, line, column, guess_field(text, line), message))


def check_value(value: str) -> str | None:
    """A message if a parsed value (after YAML escapes) holds a character XML 1.0 cannot hold."""
    m = _XML_FORBIDDEN.search(value)
    if m is None:
        return None
    return f"giá trị chứa ký tự {_char_name(m.group())}, không thể ghi vào văn bản Word/PDF"


# Characters that change what the text shows without being seen: bidi controls reorder it (U+202E
# shows "thông báo gnp.exe" as "thông báo exe.png"); zero-width and other format characters hide
# inside words, so the PDF's text, the DOCX's text and a search disagree with what a reader sees.
_BIDI = frozenset(map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
_WHITESPACE = frozenset(map(ord, "\t\n\r"))
_RIGHT_TO_LEFT = frozenset(("R", "AL", "AN"))    # Hebrew, Arabic letters and digits: laid out reordered
# Unicode's default-ignorable code points that are not format characters: drawn as nothing
_IGNORABLE = frozenset([0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, *range(0x180B, 0x1810), 0x3164,
                        *range(0xFE00, 0xFE10), 0xFFA0, *range(0xE0100, 0xE01F0)])


def is_invisible(ch: str) -> bool:
    """A format character or another default-ignorable code point: drawn as nothing."""
    return unicodedata.category(ch) == "Cf" or ord(ch) in _IGNORABLE


def unprintable(value: str) -> tuple[int, str] | None:
    """(index, message) of the first character of *value* a document cannot show as typed: a bidi
    control or a right-to-left letter, an invisible (format) character, a combining mark left over
    after NFC composition, a private-use or unassigned code point, a digit
    other than 0–9, a character the PDF's font cannot draw (it would silently disappear), or a
    Cyrillic or Greek look-alike inside a Latin word."""
    family, covered = _pdf_font()
    bad: dict[str, str] = {}
    lookalike = False
    for ch in set(value):
        lookalike = lookalike or ch in LOOKALIKES
        code = ord(ch)
        if code < 0x80 and (code in _WHITESPACE or 0x20 <= code < 0x7F):
            continue
        category = unicodedata.category(ch)
        if code in _BIDI:
            bad[ch] = (f"giá trị chứa ký tự điều khiển chiều chữ {_char_name(ch)}: nó đảo thứ tự chữ hiện ra "
                       "so với chữ lưu trong văn bản; hãy xóa nó")
        elif unicodedata.bidirectional(ch) in _RIGHT_TO_LEFT:
            bad[ch] = (f"giá trị chứa chữ viết từ phải sang trái {_char_name(ch)}: bản PDF đảo thứ tự chữ quanh nó "
                       "(\"1. א\" hiện thành \"א .1\"), nên chữ hiện ra khác chữ lưu trong văn bản; hãy bỏ nó")
        elif is_invisible(ch):
            bad[ch] = (f"giá trị chứa ký tự vô hình {_char_name(ch)}: không thấy khi đọc nhưng làm sai việc "
                       "tìm kiếm và so khớp chữ; hãy xóa nó")
        elif category == "Co":
            bad[ch] = f"giá trị chứa ký tự dùng riêng {_char_name(ch)} (Private Use), không phông chữ nào in đúng; hãy xóa nó"
        elif category == "Cn":
            bad[ch] = f"giá trị chứa {_char_name(ch)}, ký tự Unicode chưa định nghĩa; hãy xóa nó"
        elif category[0] == "M":
            bad[ch] = (f"giá trị chứa dấu {_char_name(ch)} không ghép được với chữ đứng trước thành một chữ có "
                       "sẵn (chữ tiếng Việt nào cũng ghép được): bản PDF không giữ đúng chữ này; hãy gõ lại chữ đó")
        elif ch in LIGATURES:
            bad[ch] = (f"giá trị chứa chữ ghép '{ch}' ({_char_name(ch)}): bản PDF in một hình chữ nhưng ghi lại "
                       f"thành '{LIGATURES[ch]}', nên chữ trong PDF và trong Word khác nhau; hãy gõ '{LIGATURES[ch]}'")
        elif category == "Nd":
            bad[ch] = f"giá trị chứa chữ số {_char_name(ch)}; văn bản chỉ dùng chữ số 0–9"
        elif covered is not None and code not in covered and code not in _WHITESPACE:
            bad[ch] = (f"giá trị chứa ký tự '{ch}' ({_char_name(ch)}) mà phông chữ của bản PDF ({family}) "
                       "không có, nên bản PDF sẽ mất ký tự này; hãy bỏ hoặc thay bằng chữ khác")
    if bad:
        index = min(value.index(ch) for ch in bad)
        return index, bad[value[index]]
    mixed = mixed_words(value) if lookalike else []
    if mixed:
        first = mixed[0]
        return first.start + first.word.index(first.foreign[0]), (
            f"giá trị có {first.describe()}; tìm kiếm, danh mục cơ quan và bản kiểm tra đọc ra một từ khác "
            f"với từ người đọc thấy; hãy gõ lại bằng chữ Latinh: «{first.latin}»")
    return None


@functools.lru_cache(maxsize=1)
def _pdf_font() -> tuple[str, frozenset[int] | None]:
    """The family and the code points of the font the PDF embeds (all four faces draw them);
    no coverage when the font is not installed (the build then says so)."""
    from baocao.documents import metrics
    from baocao.errors import RenderError

    try:
        return metrics.pdf_family(), metrics.covered_code_points()
    except (RenderError, OSError, ImportError):
        return "", None


_KEY_LIKE = re.compile(r"\w[\w\-. ]{0,39}")


def shown_key(key: object) -> str | None:
    """*key* when an error may quote it (a name: letters, digits, '_', '-', '.', spaces, at most 40
    characters), else None. A file that is not a data file at all (``/etc/shadow`` given as a
    settings file) has whole lines as keys; an error names their line, never their text.

    >>> shown_key("trinh_bya"), shown_key("văn_bản"), shown_key("root:*:20228:0:99999:7:")
    ('trinh_bya', 'văn_bản', None)
    """
    text = str(key)
    return text if _KEY_LIKE.fullmatch(text) else None


_KEY_LINE = re.compile(r"^(?P<indent>[ \t]*(?:-[ \t]+)*)"
                       r"(?P<key>[^\s#'\"\-?:{}\[\],&*!|>%@`][^#:]*?|\"[^\"]*\"|'[^']*'):(?:[ \t]|$)")


def guess_field(text: str, line: int) -> str:
    """The dotted key path leading to *line* (1-based), read from the indentation alone.

    Used for errors found before or while parsing, when no parsed path exists yet.

    >>> guess_field("a:\\n  b:\\n    - c: 1\\n      d: [\\n", 4)
    'a.b.d'
    """
    lines = text.split("\n")
    keys: list[str] = []
    limit: int | None = None
    for number in range(min(line, len(lines)), 0, -1):
        m = _KEY_LINE.match(lines[number - 1])
        if not m:
            continue
        indent = len(m.group("indent").expandtabs(2))  # a tab usually stands for one level
        if limit is None or indent < limit:
            keys.append(shown_key(m.group("key").strip("'\"")) or "…")
            limit = indent
            if indent == 0:
                break
    return ".".join(reversed(keys))
