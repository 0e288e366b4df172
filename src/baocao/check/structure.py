"""Which paragraph is which: Quốc hiệu, agency, Số, date, tên loại, trích yếu, body, signer, Nơi nhận.

Works on the neutral Document only, so a DOCX and the PDF made from it are read the same way.
Recognition is deliberately lenient (diacritics and case ignored): the rules then judge the exact
text and formatting of what was found.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from baocao.check import text as tx
from baocao.check.model import (
    BODY,
    CLOSING_LEFT,
    CLOSING_RIGHT,
    HEADER_LEFT,
    HEADER_RIGHT,
    Document,
    Para,
)

TYPE_NAMES = {
    "thong bao": "TB", "quyet dinh": "QĐ", "nghi quyet": "NQ", "chi thi": "CT", "quy che": "QC",
    "quy dinh": "QyĐ", "thong cao": "TC", "huong dan": "HD", "chuong trinh": "CTr", "ke hoach": "KH",
    "phuong an": "PA", "de an": "ĐA", "du an": "DA", "bao cao": "BC", "bien ban": "BB", "to trinh": "TTr",
    "hop dong": "HĐ", "cong dien": "CĐ", "ban ghi nho": "BGN", "ban thoa thuan": "BTT",
    "giay uy quyen": "GUQ", "giay moi": "GM", "giay gioi thieu": "GGT", "giay nghi phep": "GNP",
    "phieu gui": "PG", "phieu chuyen": "PC", "phieu bao": "PB",
}
ABBREVIATIONS = set(TYPE_NAMES.values()) | {"SY", "TrS", "SL"}
SECTION_HEADING = re.compile(r"^(Phần|Chương|Mục|Tiểu mục)\s+\S+\s*$", re.I)
SIGNED_MARK = re.compile(r"^\(?\s*(đã ký|đã ký và đóng dấu|ký tên|ký, ghi rõ họ tên).*\)?$", re.I)


@dataclass
class Entry:
    """One recipient: a line starting with "-", with its continuation lines."""

    text: str
    paras: list[Para]


@dataclass
class Closing:
    signer: list[Para] = field(default_factory=list)          # title lines then the name
    label: Para | None = None                                   # "Nơi nhận:"
    entries: list[Entry] = field(default_factory=list)

    @property
    def titles(self) -> list[Para]:
        return self.signer[:-1] if len(self.signer) > 1 else []

    @property
    def name(self) -> Para | None:
        return self.signer[-1] if len(self.signer) > 1 else None


@dataclass
class CopyBlock:
    heading: Para                                # "TRÍCH SAO"
    before: Para | None                          # last copied paragraph
    agency: list[Para] = field(default_factory=list)
    number: Para | None = None
    place_date: Para | None = None
    closing: Closing = field(default_factory=Closing)
    paras: list[Para] = field(default_factory=list)


@dataclass
class Structure:
    kind: str
    quoc_hieu: Para | None = None
    tieu_ngu: Para | None = None
    parent_agency: list[Para] = field(default_factory=list)
    agency: list[Para] = field(default_factory=list)
    number: Para | None = None
    place_date: Para | None = None
    doc_type: Para | None = None
    summary: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    closing: Closing = field(default_factory=Closing)
    copy: CopyBlock | None = None
    sig_box: list[Para] = field(default_factory=list)       # 10 pt signature-information text
    header_paras: list[Para] = field(default_factory=list)

    @property
    def signing(self) -> Closing:
        """The closing the signature rules look at (the copy block's for an extract without one)."""
        if self.closing.signer or self.closing.label or self.copy is None:
            return self.closing
        return self.copy.closing


def _max_size(p: Para) -> float:
    return max(p.sizes(), default=0.0)


def _entries(paras: list[Para]) -> list[Entry]:
    out: list[Entry] = []
    for p in paras:
        if p.is_empty:
            continue
        t = p.clean
        if t.startswith(("-", "–", "+", "•")) or not out:
            out.append(Entry(t, [p]))
        else:
            out[-1].text += " " + t
            out[-1].paras.append(p)
    return out


def _closing(left: list[Para], right: list[Para]) -> Closing:
    c = Closing()
    left = [p for p in left if not p.is_empty]
    right = [p for p in right if not p.is_empty and not SIGNED_MARK.match(p.clean)]
    label_i = next((i for i, p in enumerate(left) if tx.is_recipients_label(p.text)), None)
    if label_i is not None:
        c.label = left[label_i]
        c.entries = _entries(left[label_i + 1:])
    c.signer = right
    return c


def detect_kind(doc: Document) -> str:
    return "trich-sao" if any(tx.is_trich_sao(p.text) for p in doc.paras) else "thong-bao"


def analyse(doc: Document, kind: str | None = None) -> Structure:
    kind = kind or detect_kind(doc)
    paras = list(doc.paras)
    st = Structure(kind=kind)
    copy_at = None
    if kind == "trich-sao":
        copy_at = next((i for i, p in enumerate(paras) if tx.is_trich_sao(p.text)), None)
    original = paras if copy_at is None else paras[:copy_at]

    # ---- header
    header = [p for p in original if p.region in (HEADER_LEFT, HEADER_RIGHT) and not p.is_empty]
    st.sig_box = [p for p in header if 0 < _max_size(p) <= 10.5]
    header = [p for p in header if p not in st.sig_box]
    st.header_paras = header
    pool = header or [p for p in original[:20] if not p.is_empty]
    st.quoc_hieu = next((p for p in pool if tx.is_quoc_hieu(p.text)), None)
    st.tieu_ngu = next((p for p in pool if tx.is_tieu_ngu(p.text)), None)
    st.number = next((p for p in pool if tx.is_number_line(p.text)), None)
    st.place_date = next((p for p in pool if tx.is_place_date(p.text)), None)
    known = {id(x) for x in (st.quoc_hieu, st.tieu_ngu, st.number, st.place_date) if x is not None}

    # ---- tên loại and trích yếu
    body_paras = [p for p in original if p.region == BODY and not p.is_empty and id(p) not in known]
    doc_type_i = next((i for i, p in enumerate(body_paras[:12]) if tx.fold(p.text) in TYPE_NAMES), None)
    if doc_type_i is not None:
        st.doc_type = body_paras[doc_type_i]
        rest = body_paras[doc_type_i + 1:]
        for p in rest[:5]:
            if p.align != "center":      # the trích yếu is centred; the body is not
                break
            st.summary.append(p)
            if p.rules_below:
                break
        start = doc_type_i + 1 + len(st.summary)
        st.body = body_paras[start:]
    else:
        before_header = [p for p in body_paras if p.region == BODY]
        st.body = before_header
    # agency: left header lines above "Số"
    if header:
        left = [p for p in header if p.region == HEADER_LEFT and id(p) not in known]
        if st.number is not None and st.number.region == HEADER_LEFT:
            left = [p for p in left if p.index < st.number.index]
    else:
        left = [p for p in pool if id(p) not in known and tx.is_upper(p.text)
                and (st.doc_type is None or p.index < st.doc_type.index)]
    agency = list(left)
    parent: list[Para] = []
    while len(agency) > 1 and not agency[0].all_bold() and any(p.all_bold() for p in agency[1:]):
        parent.append(agency.pop(0))
    st.agency, st.parent_agency = agency, parent

    # ---- closing (original)
    cl_left = [p for p in original if p.region == CLOSING_LEFT]
    cl_right = [p for p in original if p.region == CLOSING_RIGHT]
    if cl_left or cl_right:
        st.closing = _closing(cl_left, cl_right)
    else:
        st.closing, st.body = _closing_from_paragraphs(st.body)
    # the body stops at the sentence ending "./." when more paragraphs follow it
    if st.body:
        end = max((i for i, p in enumerate(st.body) if p.clean.endswith("./.")), default=None)
        if end is not None and end < len(st.body) - 1 and not (cl_left or cl_right):
            st.body = st.body[:end + 1]

    # ---- copy block
    if copy_at is not None:
        heading = paras[copy_at]
        before = next((p for p in reversed(original) if not p.is_empty), None)
        block = [p for p in paras[copy_at + 1:] if not p.is_empty]
        cb = CopyBlock(heading=heading, before=before, paras=block)
        cb.number = next((p for p in block if tx.is_number_line(p.text)), None)
        cb.place_date = next((p for p in block if tx.is_place_date(p.text)), None)
        taken = {id(x) for x in (cb.number, cb.place_date) if x is not None}
        label = next((p for p in block if tx.is_recipients_label(p.text)), None)
        upto = cb.number.index if cb.number is not None else (label.index if label else 10 ** 9)
        cb.agency = [p for p in block if p.index < upto and id(p) not in taken and tx.is_upper(p.text)
                     and p.region != CLOSING_RIGHT and not tx.is_signer_head(p.text)]
        taken |= {id(p) for p in cb.agency}
        left_side = [p for p in block if id(p) not in taken and p.region in (CLOSING_LEFT, BODY)]
        right_side = [p for p in block if id(p) not in taken and p.region == CLOSING_RIGHT]
        if not right_side:
            # written as paragraphs: the signer lines are what is not Nơi nhận
            right_side = [p for p in left_side if label is None or p.index < label.index]
            left_side = [p for p in left_side if p not in right_side]
        cb.closing = _closing(left_side, right_side)
        st.copy = cb
    return st


def _closing_from_paragraphs(body: list[Para]) -> tuple[Closing, list[Para]]:
    """A closing typed as plain paragraphs (no table): signer lines and Nơi nhận after the body."""
    c = Closing()
    label_i = next((i for i, p in enumerate(body) if tx.is_recipients_label(p.text)), None)
    end = max((i for i, p in enumerate(body) if p.clean.endswith("./.")), default=None)
    first_signer = next((i for i, p in enumerate(body) if tx.is_signer_head(p.text)), None)
    cut_candidates = [i for i in (label_i, first_signer) if i is not None]
    if end is not None:
        cut_candidates.append(end + 1)
    if not cut_candidates:
        return c, body
    cut = min(cut_candidates)
    rest = body[cut:]
    body = body[:cut]
    if label_i is not None:
        li = label_i - cut
        c.label = rest[li]
        entries: list[Para] = []
        signer = [p for p in rest[:li]]
        done = False
        for p in rest[li + 1:]:
            dash = p.clean.startswith(("-", "–", "+"))
            if not done and (dash or (entries and not signer_like(p))):
                entries.append(p)
                done = p.clean.endswith(".")
            else:
                done = True
                signer.append(p)
        c.entries = _entries(entries)
        c.signer = [p for p in signer if not SIGNED_MARK.match(p.clean)]
    else:
        c.signer = [p for p in rest if not SIGNED_MARK.match(p.clean)]
    return c, body


def signer_like(p: Para) -> bool:
    return tx.is_signer_head(p.text) or (tx.is_upper(p.text) and bool(p.all_bold()))
