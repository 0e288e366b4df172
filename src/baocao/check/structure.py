"""Which paragraph is which: Quốc hiệu, agency, Số, date, tên loại, trích yếu, body, signer, Nơi nhận.

Works on the neutral Document only, so a DOCX and the PDF made from it are read the same way.
Recognition is deliberately lenient (diacritics and case ignored): the rules then judge the exact
text and formatting of what was found. Lines that are not running text get a role of their own and
are kept out of the body rules: "Kính gửi:" and its recipients, the issuer's title line and the
centred "QUYẾT ĐỊNH:" of a Quyết định, centred headings, and whatever follows the signature
(appendices, tables).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from baocao.check import text as tx
from baocao.check.closing import Closing, closing_from_columns, closing_from_paragraphs
from baocao.check.copy_block import CopyBlock, split
from baocao.check.kinds import KINDS, TYPE_NAMES, Kind, title_type
from baocao.check.model import (
    BODY,
    CLOSING_LEFT,
    CLOSING_RIGHT,
    HEADER_LEFT,
    HEADER_RIGHT,
    Document,
    Para,
)

SECTION_HEADING = re.compile(r"^(Phần|Chương|Mục|Tiểu mục)\s+\S+\s*$", re.I)
DECISION_LINE = re.compile(r"^(quyet dinh|quyet nghi|chi thi|ban hanh)\s*:$")
ISSUER_TITLED = {"QĐ", "NQ", "CT", "QC", "QyĐ"}    # kinds whose body opens with "THỦ TRƯỞNG …"


@dataclass
class Structure:
    kind: str
    info: Kind | None = None
    quoc_hieu: Para | None = None
    tieu_ngu: Para | None = None
    parent_agency: list[Para] = field(default_factory=list)
    agency: list[Para] = field(default_factory=list)
    number: Para | None = None
    place_date: Para | None = None
    doc_type: Para | None = None
    summary: list[Para] = field(default_factory=list)
    recipients_to: list[Para] = field(default_factory=list)    # "Kính gửi:" and its recipients
    issuer_title: Para | None = None                           # "GIÁM ĐỐC SỞ …" of a Quyết định
    decision_line: Para | None = None                          # the centred "QUYẾT ĐỊNH:"
    headings: list[Para] = field(default_factory=list)         # centred headings inside the body
    body: list[Para] = field(default_factory=list)
    closing: Closing = field(default_factory=Closing)
    appendix: list[Para] = field(default_factory=list)         # after the signature
    copy: CopyBlock | None = None
    after_signature_index: int | None = None                   # paragraphs past this one follow the signature
    sig_box: list[Para] = field(default_factory=list)       # 10 pt signature-information text
    header_paras: list[Para] = field(default_factory=list)

    @property
    def signing(self) -> Closing:
        """The closing the signature rules look at (the copy block's for an extract without one)."""
        if self.closing.signer or self.closing.label or self.copy is None:
            return self.closing
        return self.copy.closing

    @property
    def running_text(self) -> list[Para]:
        """Body paragraphs the text-layout rules (R23–R26) judge: headings left out."""
        skip = {id(p) for p in self.headings}
        return [p for p in self.body if id(p) not in skip]


def _max_size(p: Para) -> float:
    return max(p.sizes(), default=0.0)


def detect_kind(doc: Document) -> str:
    """The kind a document declares: TRÍCH SAO block, else its tên loại, else a Công văn."""
    if any(tx.is_trich_sao(p.text) for p in doc.paras):
        return "trich-sao"
    for p in doc.paras[:60]:
        if p.region in (HEADER_LEFT, HEADER_RIGHT) or p.is_empty:
            continue
        t = title_type(p.text) if tx.is_upper(p.text) else None
        if t is not None:
            key = next((k.key for k in KINDS.values() if k.title and tx.fold(k.title) == t and not k.extract), None)
            return key or "van-ban"
    if any(tx.fold(p.text).startswith("v/v") for p in doc.paras[:40]):
        return "cong-van"
    number = next((p for p in doc.paras[:30] if tx.is_number_line(p.text)), None)
    if number is not None:
        m = re.search(r"/\s*([^-\s/]+)", number.clean)
        if m and m.group(1) not in TYPE_NAMES.values():
            return "cong-van"
    return "thong-bao"


def kind_info(kind: str, doc_type: Para | None) -> Kind:
    title = doc_type.clean if doc_type is not None else None
    abbr = TYPE_NAMES.get(title_type(title) or "") if title else None
    if kind in KINDS and KINDS[kind].extract and abbr:
        # an extract of any kind of document: its own tên loại and ký hiệu are the rule
        return Kind(kind, KINDS[kind].name, title, abbr, extract=True)
    if kind in KINDS:
        return KINDS[kind]
    return Kind(kind, "văn bản có tên loại", title, abbr)


def analyse(doc: Document, kind: str | None = None) -> Structure:
    kind = kind or detect_kind(doc)
    paras = list(doc.paras)
    st = Structure(kind=kind)
    found = split(doc) if kind == "trich-sao" else None
    original = paras if found is None else found[0]
    known = _header(st, original)
    _title(st, original, known, kind)
    st.info = kind_info(kind, st.doc_type)
    _agency(st, known)
    _closing_and_appendix(st, original)
    _roles(st)
    closing_paras = st.closing.signer + ([st.closing.label] if st.closing.label else []) + \
        [p for e in st.closing.entries for p in e.paras]
    if closing_paras and found is None:
        st.after_signature_index = max(p.index for p in closing_paras)
    if found is not None:
        st.copy = found[1]
    for e in st.closing.entries + (st.copy.closing.entries if st.copy else []):
        for p in e.paras:
            mark_initials(p)
    return st


def _header(st: Structure, original: list[Para]) -> set[int]:
    header = [p for p in original if p.region in (HEADER_LEFT, HEADER_RIGHT) and not p.is_empty]
    st.sig_box = [p for p in header if 0 < _max_size(p) <= 10.5 and not tx.is_number_line(p.text)]
    header = [p for p in header if p not in st.sig_box]
    st.header_paras = header
    pool = header or [p for p in original[:20] if not p.is_empty]
    st.quoc_hieu = next((p for p in pool if tx.is_quoc_hieu(p.text)), None)
    st.tieu_ngu = next((p for p in pool if tx.is_tieu_ngu(p.text)), None)
    st.number = next((p for p in pool if tx.is_number_line(p.text)), None)
    st.place_date = next((p for p in pool if tx.is_place_date(p.text)), None)
    if st.number is not None:
        # a Công văn's "V/v …" under the Số, in the same column
        after = [p for p in header if p.region == st.number.region and p.index > st.number.index]
        for p in after:
            if st.summary or tx.fold(p.text).startswith("v/v"):
                if tx.is_recipients_label(p.text) or tx.fold(p.text).startswith("kinh gui"):
                    break
                st.summary.append(p)
    return {id(x) for x in (st.quoc_hieu, st.tieu_ngu, st.number, st.place_date) if x is not None} | \
        {id(p) for p in st.summary}


def _title(st: Structure, original: list[Para], known: set[int], kind: str):
    body_paras = [p for p in original if p.region == BODY and not p.is_empty and id(p) not in known]
    doc_type_i = None
    for i, p in enumerate(body_paras[:12]):
        if tx.fold(p.text).startswith(("kinh gui", "v/v")):
            break
        if title_type(p.text) is not None and (tx.is_upper(p.text) or tx.fold(p.text) in TYPE_NAMES):
            doc_type_i = i
            break
    if doc_type_i is None:
        st.body = body_paras
        return
    st.doc_type = body_paras[doc_type_i]
    rest = body_paras[doc_type_i + 1:]
    if not st.summary:
        for p in rest[:5]:
            if p.align != "center" or tx.fold(p.text).startswith("kinh gui"):
                break       # the trích yếu is centred; the body and "Kính gửi" are not
            if st.summary and (tx.is_upper(p.text) and not tx.is_upper(st.summary[-1].text)):
                break       # the issuer's title line of a Quyết định
            st.summary.append(p)
            if p.rules_below:
                break
    start = doc_type_i + 1 + sum(1 for p in st.summary if p in rest)
    st.body = body_paras[start:]


def _agency(st: Structure, known: set[int]):
    header = st.header_paras
    if header:
        left = [p for p in header if p.region == HEADER_LEFT and id(p) not in known]
        if st.number is not None and st.number.region == HEADER_LEFT:
            left = [p for p in left if p.index < st.number.index]
    else:
        pool = st.body[:12]
        left = [p for p in pool if id(p) not in known and tx.is_upper(p.text)
                and (st.doc_type is None or p.index < st.doc_type.index)]
        st.body = [p for p in st.body if p not in left]
    agency = [p for p in left if not tx.fold(p.text).startswith("kinh gui")]
    parent: list[Para] = []
    while len(agency) > 1 and not agency[0].all_bold() and any(p.all_bold() for p in agency[1:]):
        parent.append(agency.pop(0))
    st.agency, st.parent_agency = agency, parent


def _closing_and_appendix(st: Structure, original: list[Para]):
    cl_left = [p for p in original if p.region == CLOSING_LEFT]
    cl_right = [p for p in original if p.region == CLOSING_RIGHT]
    if cl_left or cl_right:
        st.closing = closing_from_columns(cl_left, cl_right)
        first = min(p.index for p in cl_left + cl_right)
        last = max(p.index for p in cl_left + cl_right)
        st.appendix = [p for p in st.body if p.index > last]
        st.body = [p for p in st.body if p.index < first]
    else:
        st.closing, st.body, st.appendix = closing_from_paragraphs(st.body)
    # an appendix typed before the closing table never happens; after "./." what is not the
    # closing is an appendix too
    if st.body:
        end = max((i for i, p in enumerate(st.body) if p.clean.endswith("./.")), default=None)
        if end is not None and end < len(st.body) - 1 and not (cl_left or cl_right):
            st.appendix = st.body[end + 1:] + st.appendix
            st.body = st.body[:end + 1]


def _roles(st: Structure):
    """Kính gửi, issuer title, "QUYẾT ĐỊNH:", centred headings: not running text."""
    body = list(st.body)
    out: list[Para] = []
    i = 0
    if body and tx.fold(body[0].text).startswith("kinh gui"):
        st.recipients_to.append(body[0])
        i = 1
        while i < len(body):
            p, prev = body[i], st.recipients_to[-1]
            dash = p.clean.startswith(("-", "–", "+", "•"))
            open_entry = not prev.clean.endswith((";", ".", ":")) or prev is body[0]
            if dash or (open_entry and not _looks_like_body(p)):
                st.recipients_to.append(p)
                i += 1
            else:
                break
    for p in body[i:]:
        f = tx.fold(p.text)
        if st.issuer_title is None and not out and tx.is_upper(p.text) and p.align == "center" \
                and st.info is not None and st.info.abbr in ISSUER_TITLED and not SECTION_HEADING.match(p.clean):
            st.issuer_title = p
            continue
        if DECISION_LINE.match(f) and p.align in ("center", None):
            st.decision_line = p
            continue
        if p.align == "center" and len(p.line_widths_mm or [0]) <= 2 and \
                (tx.is_upper(p.text) or p.all_bold() or SECTION_HEADING.match(p.clean)):
            st.headings.append(p)
        out.append(p)
    st.body = out


INITIALS = re.compile(r"^\s*\(?[\w.\s]{1,24}\)?[.;]?\s*$")


def mark_initials(p: Para) -> None:
    """Drafter's initials typed small after an entry, "- Lưu: VT, CN(Dũng).": a mark, not entry text."""
    sizes = [s.size for s in p.spans if s.text.strip() and s.size]
    if not sizes:
        return
    main = max(set(sizes), key=sizes.count)
    for s in p.spans:
        if s.size and s.size < main - 0.5 and "(" in s.text + "".join(x.text for x in p.spans) \
                and INITIALS.match(s.text):
            s.script = True


def _looks_like_body(p: Para) -> bool:
    return p.first_indent_mm is not None and 9.0 <= p.first_indent_mm <= 14.0 and p.align == "both"
