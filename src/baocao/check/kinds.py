"""Kinds of administrative document (Decree 30, Phụ lục III) and what each one's form holds.

A kind says which parts the checker must find and which rules apply: a Công văn has no tên loại and
its trích yếu is a "V/v …" line under the Số (ô 5b); a Quyết định has "Căn cứ …" lines, the issuer's
title line and a centred "QUYẾT ĐỊNH:" line; a Tờ trình or a Công văn may carry "Kính gửi:"; a
Biên bản is signed by a secretary and a chair. The kind is read from the document (its tên loại, or
a "V/v" line and a ký hiệu without a type code); ``--kind`` can force it.
"""
from __future__ import annotations

from dataclasses import dataclass

from baocao.check import text as tx


@dataclass(frozen=True)
class Kind:
    key: str                      # the --kind value
    name: str                     # Vietnamese name for messages
    title: str | None             # the tên loại as printed (None: Công văn has none)
    abbr: str | None              # ký hiệu type code (Phụ lục III)
    summary_under_number: bool = False   # trích yếu "V/v …" under the Số (Công văn)
    summary_optional: bool = False       # Giấy mời, Biên bản may have no trích yếu
    extract: bool = False


KINDS: dict[str, Kind] = {k.key: k for k in (
    Kind("thong-bao", "thông báo", "THÔNG BÁO", "TB"),
    Kind("cong-van", "công văn", None, None, summary_under_number=True),
    Kind("quyet-dinh", "quyết định", "QUYẾT ĐỊNH", "QĐ"),
    Kind("ke-hoach", "kế hoạch", "KẾ HOẠCH", "KH"),
    Kind("bao-cao", "báo cáo", "BÁO CÁO", "BC"),
    Kind("to-trinh", "tờ trình", "TỜ TRÌNH", "TTr"),
    Kind("giay-moi", "giấy mời", "GIẤY MỜI", "GM", summary_optional=True),
    Kind("bien-ban", "biên bản", "BIÊN BẢN", "BB", summary_optional=True),
    Kind("trich-sao", "bản trích sao", "THÔNG BÁO", "TB", extract=True),
)}

# Every tên loại of Phụ lục III with its code: a document of a kind not listed above is still
# recognised by its title (a Kế hoạch, a Chương trình…) and checked as a "văn bản có tên loại".
TYPE_NAMES = {
    "thong bao": "TB", "quyet dinh": "QĐ", "nghi quyet": "NQ", "chi thi": "CT", "quy che": "QC",
    "quy dinh": "QyĐ", "thong cao": "TC", "huong dan": "HD", "chuong trinh": "CTr", "ke hoach": "KH",
    "phuong an": "PA", "de an": "ĐA", "du an": "DA", "bao cao": "BC", "bien ban": "BB", "to trinh": "TTr",
    "hop dong": "HĐ", "cong dien": "CĐ", "ban ghi nho": "BGN", "ban thoa thuan": "BTT",
    "giay uy quyen": "GUQ", "giay moi": "GM", "giay gioi thieu": "GGT", "giay nghi phep": "GNP",
    "phieu gui": "PG", "phieu chuyen": "PC", "phieu bao": "PB",
}
ABBREVIATIONS = set(TYPE_NAMES.values()) | {"SY", "TrS", "SL"}
_BY_FOLDED_TITLE = {tx.fold(k.title): k for k in KINDS.values() if k.title and not k.extract}


def title_type(text: str) -> str | None:
    """The folded tên loại a title line names ("giay moi" for "GIẤY MỜI HỌP"), or None."""
    f = tx.fold(text).rstrip(" .:")
    if f in TYPE_NAMES:
        return f
    # "GIẤY MỜI HỌP", "BIÊN BẢN HỌP", "BÁO CÁO TÓM TẮT": the type name followed by a qualifier
    for name in sorted(TYPE_NAMES, key=len, reverse=True):
        if f.startswith(name + " ") and len(f.split()) <= len(name.split()) + 2 and tx.is_upper(text):
            return name
    return None


def kind_of_title(folded: str) -> Kind | None:
    return _BY_FOLDED_TITLE.get(folded)


def supported() -> tuple[str, ...]:
    return tuple(KINDS)


# What detection calls a file that shows no part of an administrative document.
NOT_ADMINISTRATIVE = "khong-phai-van-ban-hanh-chinh"


def describe(key: str) -> str:
    if key == NOT_ADMINISTRATIVE:
        return "không phải văn bản hành chính"
    k = KINDS.get(key)
    return k.name if k else key
