"""Notice → document model (:mod:`baocao.documents.parts`): header, title, body, signer, Nơi nhận.

All Vietnamese formatting (dates, numbering, deadlines) and all wording (wording.j2) happen here
and in :mod:`baocao.documents.body`, once; the renderers only lay the words out.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from baocao import vi
from baocao.data.model import (
    SECRECY_TEXT,
    URGENCY_TEXT,
    Notice,
    RecipientAgency,
    RecipientGroup,
    Registry,
    Signer,
)
from baocao.documents import metrics
from baocao.documents.agencies import AgencyNames
from baocao.documents.body import BodyWriter
from baocao.documents.layout import Layout
from baocao.documents.parts import (
    Header,
    Metadata,
    NoticeDocument,
    SignerBlock,
)
from baocao.documents.wording import Wording

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DOC_TYPE_NAMES = {"TB": "THÔNG BÁO"}
VN_TZ = dt.timezone(dt.timedelta(hours=7))


def build_document(notice: Notice, registry: Registry, layout: Layout, wording: Wording,
                   source_dir: Path | None = None) -> NoticeDocument:
    names = AgencyNames(notice, registry)
    doc = notice.document
    agency = names.agency(doc.agency)
    # A line break in the trích yếu is a line break of the title; long lines wrap further.
    summary = vi.sentence_case(doc.summary or wording.summary(notice.meeting))
    width = layout.text_width_mm
    summary_lines = [line for given in summary.split("\n") if given.strip()
                     for line in metrics.balanced_wrap(given.strip(), width, layout.summary_pt, bold=True)]
    return NoticeDocument(
        layout=layout,
        header=_header(notice, names, layout),
        doc_type=DOC_TYPE_NAMES[doc.doc_type],
        summary_lines=tuple(summary_lines),
        summary_rule_mm=round(layout.summary_rule_fraction * max(
            metrics.text_width_mm(line, layout.summary_pt, bold=True) for line in summary_lines), 2),
        body=tuple(BodyWriter(notice, names, wording).paragraphs()),
        signer=_signer(notice, source_dir),
        recipients_label="Nơi nhận:",
        recipients=tuple(_recipients(notice, names)),
        meta=Metadata(title=" ".join(summary_lines), author=agency.name,
                      subject=f"{DOC_TYPE_NAMES[doc.doc_type].capitalize()} {number_symbol(notice, names)}",
                      language="vi-VN", created=document_time(notice)),
    )


def document_time(notice: Notice) -> dt.datetime:
    """Fixed time stamped into files: SOURCE_DATE_EPOCH if set, else the issue (or meeting) date,
    else 1 January of a draft's year."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).astimezone(VN_TZ)
    day = notice.document.date or (notice.meeting.date if notice.meeting else None) \
        or dt.date(notice.document.issue_year, notice.document.month or 1, 1)
    return dt.datetime.combine(day, dt.time(8, 0), tzinfo=VN_TZ)


def number_symbol(notice: Notice, names: AgencyNames) -> str:
    """"15/TB-VPCP", or a draft's blank number before the ký hiệu."""
    doc = notice.document
    symbol = doc.symbol or f"{doc.doc_type}-{names.agency(doc.agency).abbr}"
    number = f"{doc.number:02d}" if doc.number else " " * 8
    return f"{number}/{symbol}"


def header_lines(agency, layout: Layout, size: float, bold: bool) -> list[str]:
    """The lines of an agency's name in the header: as the registry writes them, else upper case
    balanced over the left column."""
    if agency.header_lines:
        return [vi.upper_vi(line) for line in agency.header_lines]
    return metrics.balanced_wrap(vi.upper_vi(agency.name), layout.header_left_mm, size, bold=bold)


def _header(notice: Notice, names: AgencyNames, layout: Layout) -> Header:
    doc = notice.document
    agency = names.agency(doc.agency)
    parent_key = doc.parent_agency or agency.parent
    agency_lines = header_lines(agency, layout, layout.agency_pt, True)
    agency_width = max(metrics.text_width_mm(line, layout.agency_pt, bold=True) for line in agency_lines)
    place = doc.place or agency.place or layout.central_place
    marks = tuple(text for text in (URGENCY_TEXT.get(doc.urgency or ""), SECRECY_TEXT.get(doc.secrecy or "")) if text)
    parent = names.agency(parent_key) if parent_key else None
    return Header(
        parent_agency=tuple(header_lines(parent, layout, layout.parent_agency_pt, False)) if parent else (),
        agency_lines=tuple(agency_lines),
        agency_rule_mm=round(layout.agency_rule_fraction * agency_width, 2),
        number_line=f"Số: {number_symbol(notice, names)}",
        national_title=NATIONAL_TITLE,
        motto=MOTTO,
        motto_rule_mm=round(metrics.text_width_mm(MOTTO, layout.motto_pt, bold=True), 2),
        place_date=vi.format_place_date(place, doc.date, doc.issue_year if doc.date is None else None, doc.month),
        marks=marks,
        circulation=vi.upper_vi(doc.circulation) if doc.circulation else None,
    )


def _signer(notice: Notice, source_dir: Path | None) -> SignerBlock:
    return signer_block(notice.signer, source_dir)


def signer_block(signer: Signer, source_dir: Path | None) -> SignerBlock:
    """The lines of a signer's block: quyền hạn with the head's title, the signer's titles, the name."""
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


def _recipients(notice: Notice, names: AgencyNames) -> list[str]:
    entries = []
    for r in notice.recipients:
        if isinstance(r, RecipientAgency):
            entries.append(names.name(r.agency) + (f" ({r.note})" if r.note else ""))
        elif isinstance(r, RecipientGroup):
            entries.append(f"{r.label}: " + ", ".join(names.member(m) for m in r.members))
        else:
            entries.append(r)
    # An entry keeps the punctuation it is written with; one written without any gets ";".
    lines = [f"- {e.strip()}" if e.strip().endswith((";", ".", ":")) else f"- {e.strip()};" for e in entries]
    archive = notice.archive
    if isinstance(archive, str):
        lines.append(f"- Lưu: {archive}")
        return lines
    keep = ", ".join(["VT", *archive.units])
    if archive.copies:
        keep += f" ({archive.copies})"
    if archive.drafter:
        keep += f" {archive.drafter}"
    lines.append(f"- Lưu: {keep}.")
    return lines
