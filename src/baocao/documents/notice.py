"""Notice → document model: every word and number the renderers print, already formatted.

The DOCX and the PDF renderer read only this model and the Layout, so both say the same thing.
All Vietnamese formatting (dates, numbering, deadlines) and all wording (templates/wording.j2)
happen here, once.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from baocao import vi
from baocao.data.model import (
    PLACEHOLDER,
    SECRECY_TEXT,
    URGENCY_TEXT,
    Item,
    Notice,
    RecipientAgency,
    RecipientGroup,
    Registry,
)
from baocao.documents import metrics
from baocao.documents.layout import Layout
from baocao.documents.wording import Wording

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DOC_TYPE_NAMES = {"TB": "THÔNG BÁO"}
TERMINAL = tuple(".:;!?…")
VN_TZ = dt.timezone(dt.timedelta(hours=7))


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    role: str                      # opening | section | clause | point | closing
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Header:
    parent_agency: str | None
    agency_lines: tuple[str, ...]
    agency_rule_mm: float
    number_line: str
    national_title: str
    motto: str
    motto_rule_mm: float
    place_date: str
    marks: tuple[str, ...]          # boxed: urgency; then secrecy
    circulation: str | None


@dataclass(frozen=True)
class SignerBlock:
    lines: tuple[str, ...]
    name: str
    signature: Path | None
    seal: Path | None


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    language: str
    created: dt.datetime


@dataclass(frozen=True)
class NoticeDocument:
    layout: Layout
    header: Header
    doc_type: str
    summary_lines: tuple[str, ...]
    summary_rule_mm: float
    body: tuple[Paragraph, ...]
    signer: SignerBlock
    recipients_label: str
    recipients: tuple[str, ...]
    meta: Metadata

    @property
    def text(self) -> str:
        """All visible text in reading order, for tests and for comparison with a source text."""
        parts = [*self.header.agency_lines, self.header.number_line, self.doc_type, *self.summary_lines]
        parts += [p.text for p in self.body]
        parts += [self.recipients_label, *self.recipients, *self.signer.lines, self.signer.name]
        return "\n".join(parts)


def build_document(notice: Notice, registry: Registry, layout: Layout, wording: Wording,
                   source_dir: Path | None = None) -> NoticeDocument:
    names = _AgencyNames(notice, registry)
    doc = notice.document
    agency = names.agency(doc.agency)
    summary = vi.sentence_case(doc.summary or wording.summary(notice.meeting))
    width = layout.text_width_mm
    summary_lines = metrics.balanced_wrap(summary, width, layout.summary_pt, bold=True)
    return NoticeDocument(
        layout=layout,
        header=_header(notice, names, layout),
        doc_type=DOC_TYPE_NAMES[doc.doc_type],
        summary_lines=tuple(summary_lines),
        summary_rule_mm=round(layout.summary_rule_fraction * max(
            metrics.text_width_mm(line, layout.summary_pt, bold=True) for line in summary_lines), 2),
        body=tuple(_body(notice, names, wording, agency.name)),
        signer=_signer(notice, source_dir),
        recipients_label="Nơi nhận:",
        recipients=tuple(_recipients(notice, names)),
        meta=Metadata(title=summary, author=agency.name, subject=f"{DOC_TYPE_NAMES[doc.doc_type].capitalize()} "
                      f"{_number_symbol(notice, names)}", language="vi-VN", created=document_time(notice)),
    )


def document_time(notice: Notice) -> dt.datetime:
    """Fixed time stamped into files: SOURCE_DATE_EPOCH if set, else the issue (or meeting) date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).astimezone(VN_TZ)
    day = notice.document.date or notice.meeting.date
    return dt.datetime.combine(day, dt.time(8, 0), tzinfo=VN_TZ)


class _AgencyNames:
    def __init__(self, notice: Notice, registry: Registry):
        self.agencies = {**registry.agencies, **notice.agencies}

    def agency(self, key: str):
        return self.agencies[key]

    def name(self, key: str) -> str:
        return self.agencies[key].name

    def member(self, text: str) -> str:
        """A group member: "@key" gives the short name ("Các Bộ: Ngoại giao, Công Thương")."""
        return self.agencies[text[1:]].display_short if text.startswith("@") else text


def _number_symbol(notice: Notice, names: _AgencyNames) -> str:
    doc = notice.document
    symbol = doc.symbol or f"{doc.doc_type}-{names.agency(doc.agency).abbr}"
    number = f"{doc.number:02d}" if doc.number else " " * 8
    return f"{number}/{symbol}"


def _header(notice: Notice, names: _AgencyNames, layout: Layout) -> Header:
    doc = notice.document
    agency = names.agency(doc.agency)
    parent_key = doc.parent_agency or agency.parent
    agency_lines = metrics.balanced_wrap(vi.upper_vi(agency.name), layout.header_left_mm, layout.agency_pt, bold=True)
    agency_width = max(metrics.text_width_mm(line, layout.agency_pt, bold=True) for line in agency_lines)
    place = doc.place or agency.place or layout.central_place
    marks = tuple(text for text in (URGENCY_TEXT.get(doc.urgency or ""), SECRECY_TEXT.get(doc.secrecy or "")) if text)
    return Header(
        parent_agency=vi.upper_vi(names.name(parent_key)) if parent_key else None,
        agency_lines=tuple(agency_lines),
        agency_rule_mm=round(layout.agency_rule_fraction * agency_width, 2),
        number_line=f"Số: {_number_symbol(notice, names)}",
        national_title=NATIONAL_TITLE,
        motto=MOTTO,
        motto_rule_mm=round(metrics.text_width_mm(MOTTO, layout.motto_pt, bold=True), 2),
        place_date=vi.format_place_date(place, doc.date, doc.issue_year),
        marks=marks,
        circulation=vi.upper_vi(doc.circulation) if doc.circulation else None,
    )


def _body(notice: Notice, names: _AgencyNames, wording: Wording, agency_name: str):
    yield Paragraph("opening", (Run(wording.opening(notice.meeting)),))
    body = notice.body
    if body.sections:
        for i, section in enumerate(body.sections, 1):
            yield Paragraph("section", (Run(f"{vi.section_label(i)} {vi.upper_vi(section.title)}", bold=True),))
            if section.text:
                yield Paragraph("clause", (Run(section.text),))
            yield from _clauses(section.clauses, names, wording)
    else:
        yield from _clauses(body.clauses, names, wording)
    yield Paragraph("closing", (Run(wording.closing(agency_name, notice.document.audience)),))


def _clauses(clauses: list[Item], names: _AgencyNames, wording: Wording):
    for i, clause in enumerate(clauses, 1):
        label = vi.khoan_label(i)
        text = _inline(clause, names, wording, None)
        if clause.title:
            yield Paragraph("clause", (Run(f"{label} {clause.title}", bold=True),))
            if text:
                yield Paragraph("clause", (Run(text),))
        else:
            yield Paragraph("clause", (Run(f"{label} {_first_upper(text)}"),))
        for j, point in enumerate(clause.points, 1):
            text = _first_upper(_inline(point, names, wording, None))
            yield Paragraph("point", (Run(f"{vi.diem_label(j)} {text}"),))


def _first_upper(text: str) -> str:
    """A numbered paragraph or ý starts with a capital, whatever the data or a lead-in begins with."""
    return text[:1].upper() + text[1:]


def _inline(item: Item, names: _AgencyNames, wording: Wording, inherited_lead: str | None) -> str:
    """One item as one run of text: lead-in, text with deadlines, sub-points (i) (ii) …, tail."""
    text = _with_deadlines(item, wording)
    pieces = []
    if item.sub_points:
        subs = [_inline(sub, names, wording, item.lead or inherited_lead) for sub in item.sub_points]
        if item.sub_points_numbered:
            subs = [f"{vi.sub_point_label(k)} {_first_upper(s)}" for k, s in enumerate(subs, 1)]
        pieces = subs + ([item.tail] if item.tail else [])
    elif item.tail:
        pieces = [item.tail]
    joined = "; ".join(pieces)
    if joined and not joined.rstrip("”\"')").endswith(TERMINAL):
        joined += "."
    if item.lead and item.lead != inherited_lead:
        lead = wording.lead_in(names.name(item.lead), [names.name(k) for k in item.coordinators],
                               item.coordinators_extra, item.lead_style)
        if item.lead_style == "ten":
            head = f"{lead}: {text}".rstrip() if text else f"{lead}:"
        else:
            head = f"{lead} {text}" if text else (f"{lead}:" if item.sub_points_numbered else lead)
    else:
        head = text
    return " ".join(part for part in (head, joined) if part)


def _with_deadlines(item: Item, wording: Wording) -> str:
    text = item.text or ""
    phrases = [wording.deadline(d) for d in item.deadlines]
    if not phrases:
        return text
    if PLACEHOLDER.search(text):
        return PLACEHOLDER.sub(lambda m: phrases[int(m.group(1) or 1) - 1], text)
    return f"{text} {phrases[0]}" if text else phrases[0]


def _signer(notice: Notice, source_dir: Path | None) -> SignerBlock:
    signer = notice.signer
    lines = []
    if signer.authority:
        lines.append(f"{signer.authority}. {vi.upper_vi(signer.on_behalf or '')}")
    lines += [vi.upper_vi(t) for t in signer.titles]
    base = source_dir or Path.cwd()
    return SignerBlock(
        lines=tuple(lines),
        name=signer.name,
        signature=(base / signer.signature) if signer.signature else None,
        seal=(base / signer.seal) if signer.seal else None,
    )


def _recipients(notice: Notice, names: _AgencyNames) -> list[str]:
    entries = []
    for r in notice.recipients:
        if isinstance(r, RecipientAgency):
            entries.append(names.name(r.agency) + (f" ({r.note})" if r.note else ""))
        elif isinstance(r, RecipientGroup):
            entries.append(f"{r.label}: " + ", ".join(names.member(m) for m in r.members))
        else:
            entries.append(r)
    lines = [f"- {re.sub(r'[;.]+$', '', e.strip())};" for e in entries]
    archive = notice.archive
    keep = ", ".join(["VT", *archive.units])
    if archive.copies:
        keep += f" ({archive.copies})"
    if archive.drafter:
        keep += f" {archive.drafter}"
    lines.append(f"- Lưu: {keep}.")
    return lines
