"""The header of a notice → ``van_ban`` fields and the issuing body (with its parent).

Lines are recognised by what they say, wherever the file put them: the national title and
motto (printed by baocao, so not data), "Số: 15/TB-VPCP" (also a draft's "Số:   /TB-UBND"), the
place and date (a draft's "ngày    tháng 6 năm 2026"), the urgency and secrecy marks; the other
lines name the issuing body, under the line of its parent body if it has one. Both are looked
up in the registry by their printed lines; a body it does not know is added to the notice with
the lines as written, so the header prints back the same.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from baocao.check import text as tx
from baocao.data.model import Agency
from baocao.documents.layout import Layout
from baocao.documents.notice import header_lines
from baocao.importer.names import AgencyIndex, _key, as_written, title_case_guess
from baocao.importer.source import Line
from baocao.vi.text import upper_vi

URGENCY = {"khan": "khan", "thuong khan": "thuong-khan", "hoa toc": "hoa-toc"}
SECRECY = {"mat": "mat", "toi mat": "toi-mat", "tuyet mat": "tuyet-mat"}
NUMBER = re.compile(r"^Số\s*:?\s*(?P<n>\d*)\s*/\s*(?P<sym>.*)$", re.IGNORECASE)
SYMBOL = re.compile(r"^[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐ0-9][A-Za-zĐđ0-9]*)+$")
DATE = re.compile(r"^(?P<place>[^,]+),\s*ngày\s*(?P<d>\d{1,2})?[\s.…_]*tháng\s*(?P<m>\d{1,2})?[\s.…_]*năm\s*"
                  r"(?P<y>\d{4})?\s*$", re.IGNORECASE)


@dataclass
class Header:
    number: int | None = None
    symbol: str | None = None
    symbol_as_written: str | None = None
    place: str | None = None
    day: dt.date | None = None
    year: int | None = None
    month: int | None = None
    urgency: str | None = None
    secrecy: str | None = None
    circulation: str | None = None
    agency_lines: list[Line] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_header(lines: list[Line]) -> Header:
    header = Header()
    for line in lines:
        text = line.text
        folded = tx.fold(text).strip(" .")
        if tx.is_quoc_hieu(text) or tx.is_tieu_ngu(text):
            continue
        if NUMBER.match(text):
            _number(header, text)
        elif DATE.match(text):
            _date(header, text)
        elif folded in URGENCY:
            header.urgency = URGENCY[folded]
        elif folded in SECRECY:
            header.secrecy = SECRECY[folded]
        elif "luu hanh" in folded:
            header.circulation = text
        elif line.column != "right":
            header.agency_lines.append(line)
        else:
            header.notes.append(f"kiểm tra lại: dòng «{text}» ở phần đầu không nhận ra được; không đưa vào dữ liệu")
    return header


def _number(header: Header, text: str) -> None:
    m = NUMBER.match(text)
    number = m.group("n").lstrip("0")
    header.number = int(number) if number else None
    symbol = re.sub(r"\s+", "", m.group("sym"))
    header.symbol_as_written = symbol
    candidate = symbol.rsplit("/", 1)[-1]
    if SYMBOL.match(candidate):
        header.symbol = candidate
    if "/" in symbol or not SYMBOL.match(candidate):
        header.notes.append(f"kiểm tra lại: số ký hiệu gốc ghi «{text}»; định dạng chỉ ghi được "
                            f"«Số: …/{header.symbol or 'TB-…'}»")


def _date(header: Header, text: str) -> None:
    m = DATE.match(text)
    header.place = " ".join(m.group("place").split())
    d, mo, y = (int(m.group(k)) if m.group(k) else None for k in ("d", "m", "y"))
    if d and mo and y:
        try:
            header.day = dt.date(y, mo, d)
            return
        except ValueError:
            header.notes.append(f"kiểm tra lại: ngày «{text}» không có thật; ghi như một dự thảo")
    header.year, header.month = y, mo


# --- the issuing body -----------------------------------------------------------------------

class Issuer:
    """Finds the issuing body and its parent from the agency lines; adds what the registry lacks."""

    def __init__(self, index: AgencyIndex, layout: Layout, corpus: str):
        self.index = index
        self.layout = layout
        self.corpus = corpus
        self.notes: list[str] = []

    def _by_lines(self, lines: list[str]) -> list[str]:
        """Keys of the bodies whose name, other name or printed header lines are *lines*."""
        joined = " ".join(lines)
        keys = []
        direct = self.index.lookup(joined)
        if direct:
            keys.append(direct)
        wanted = _key(joined)
        for key, agency in self.index.agencies.items():
            if agency.header_lines and _key(" ".join(agency.header_lines)) == wanted and key not in keys:
                keys.append(key)
        return keys

    def find(self, lines: list[Line], symbol: str | None, place: str | None) -> tuple[str, str | None]:
        """(issuer key, parent key as printed or None)."""
        texts = [line.text for line in lines]
        if not texts:
            return self._unknown_issuer(), None
        splits = list(range(len(texts)))
        bold = [line.bold for line in lines]
        if None not in bold and True in bold:
            first_bold = bold.index(True)
            splits.sort(key=lambda k: k != first_bold)
        for split in splits:
            keys = self._by_lines(texts[split:])
            if not keys:
                continue
            parent = self._by_lines(texts[:split]) if split else []
            if split and not parent:
                parent = [self._new(texts[:split], None, None, None)]
            if parent:
                keys.sort(key=lambda k: self.index.agencies[k].parent != parent[0])
            issuer = self.index.choose(keys) if len(keys) > 1 and not parent else keys[0]
            return self._printed_as(issuer, parent[0] if parent else None, texts[:split], texts[split:])
        for split in range(len(texts) - 1, 0, -1):
            parent = self._by_lines(texts[:split])
            if parent:
                issuer = self._new(texts[split:], parent[0], symbol, place)
                return self._printed_as(issuer, parent[0], texts[:split], texts[split:])
        return self._new(texts, None, symbol, place), None

    def _new(self, lines: list[str], parent: str | None, symbol: str | None, place: str | None) -> str:
        upper = upper_vi(" ".join(lines))
        name = as_written(self.corpus, upper)
        if name is None:
            name = title_case_guess(upper)
            self.notes.append(f"kiểm tra lại: tên «{name}» viết lại từ chữ in hoa ở phần đầu")
        abbr = symbol.split("-", 1)[1] if symbol and "-" in symbol else None
        fields = {"ten_dau": lines, "viet_tat": abbr, "chu_quan": parent, "dia_danh": place}
        aliases = self._aliases(name)
        if aliases:
            fields["ten_khac"] = aliases
        key = self.index.add_new(name, **{k: v for k, v in fields.items() if v})
        return key

    def _aliases(self, name: str) -> list[str]:
        """"UBND phường Cam Đường" beside "Ủy ban nhân dân phường Cam Đường", if the text writes it."""
        short = re.sub(r"^(?:Ủy|Uỷ) ban nhân dân", "UBND", name)
        if short != name and as_written(self.corpus, upper_vi(short)):
            return [as_written(self.corpus, upper_vi(short))]
        return []

    def _unknown_issuer(self) -> str:
        self.notes.append("kiểm tra lại: văn bản gốc không ghi tên cơ quan ban hành ở phần đầu, "
                          "và câu chữ không cho biết cơ quan nào")
        return self.index.add_new("…", loai="khac", ten_dau=["…"])

    def _printed_as(self, issuer: str, parent: str | None, parent_lines: list[str], lines: list[str]) -> tuple[str, str | None]:
        """Where the registry would print the header differently from the notice, the notice's own
        lines are kept (a copy of the entry in ``co_quan_them`` with its ``ten_dau``)."""
        agency = self.index.agencies[issuer]
        if [_key(x) for x in header_lines(agency, self.layout, self.layout.agency_pt, True)] != [_key(x) for x in lines]:
            self._override(issuer, ten_dau=lines)
        if parent is not None:
            printed = header_lines(self.index.agencies[parent], self.layout, self.layout.parent_agency_pt, False)
            if [_key(x) for x in printed] != [_key(x) for x in parent_lines]:
                self._override(parent, ten_dau=parent_lines)
        elif agency.parent is not None:
            self._override(issuer, chu_quan=None)
        return issuer, parent

    def _override(self, key: str, **changes) -> None:
        agency = self.index.agencies[key]
        fields = agency.model_dump(by_alias=True, exclude_defaults=True)
        fields.update(changes)
        self.index.add(key, Agency.model_validate({k: v for k, v in fields.items() if v is not None}))
