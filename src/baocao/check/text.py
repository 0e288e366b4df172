"""Text patterns shared by the readers and the rules (diacritic-insensitive where detection needs it)."""
from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower case, no diacritics, đ → d, single spaces: for recognising, never for judging."""
    t = unicodedata.normalize("NFD", text.lower()).replace("đ", "d").replace("\u0111", "d")
    t = "".join(c for c in t if not unicodedata.combining(c))
    return " ".join(t.split())


def is_quoc_hieu(text: str) -> bool:
    return fold(text).startswith("cong hoa xa hoi chu nghia")


def is_tieu_ngu(text: str) -> bool:
    f = fold(text)
    return f.startswith("doc lap") and "hanh phuc" in f


def is_number_line(text: str) -> bool:
    """"Số: 15/TB-VPCP", also a draft's "Số:      /TB-VPCP"."""
    return re.match(r"^so\s*:", fold(text)) is not None and ("/" in text or any(ch.isdigit() for ch in text))


def is_draft_number(text: str) -> bool:
    return re.match(r"^\s*Số\s*:\s*/", text) is not None


def is_draft_date(text: str) -> bool:
    return re.search(r"ngày\s+tháng\s+năm\s+\d{4}\s*$", text) is not None


DATE_WORDS = re.compile(r"ngay\s*\S*\s*thang\s*\S*\s*nam\s*\S*")


def is_place_date(text: str) -> bool:
    f = fold(text)
    return DATE_WORDS.search(f) is not None and "," in text and len(f) < 80


def is_recipients_label(text: str) -> bool:
    return fold(text).startswith("noi nhan")


def is_trich_sao(text: str) -> bool:
    return fold(text).rstrip(":. ") in ("trich sao", "ban trich sao")


SIGNER_PREFIX = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s*\S")


def is_signer_head(text: str) -> bool:
    t = " ".join(text.split())
    return SIGNER_PREFIX.match(t) is not None


PAGE_NUMBER = re.compile(r"^\s*(?:trang\s*)?[-–]?\s*(\d{1,4}|[ivxlcdm]{1,6})\s*[-–]?\s*$", re.I)


def page_number_text(text: str) -> str | None:
    m = PAGE_NUMBER.match(text)
    return m.group(1) if m else None


def letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def is_upper(text: str) -> bool:
    lt = letters(text)
    return bool(lt) and lt == lt.upper()


def excerpt(text: str, n: int = 60) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1] + "…"


RULE_CHARS = set("_-–—─━‒")


def is_rule_text(text: str) -> bool:
    """A row typed as a line: "______", "––––––", "--------" (three or more, nothing else)."""
    t = text.replace(" ", "").replace("\u00a0", "")
    return len(t) >= 3 and set(t) <= RULE_CHARS
