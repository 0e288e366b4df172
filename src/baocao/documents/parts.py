"""The document model of a notice: every word and number the renderers print, already formatted.

The DOCX and the PDF renderer read only this model and the Layout, so both say the same thing.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from baocao.documents.layout import Layout


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Piece:
    """A stretch of a paragraph's text that belongs to one node of the data (an ý inside the
    paragraph of its điểm has its own piece)."""

    path: tuple
    text: str


@dataclass(frozen=True)
class Paragraph:
    role: str                      # opening | section | clause | point | dash | plus | prose | closing
    runs: tuple[Run, ...]
    path: tuple = ()               # data path of the node the paragraph belongs to
    pieces: tuple[Piece, ...] = ()
    heading: bool = False          # a heading on a line of its own: kept with what follows it

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Header:
    parent_agency: tuple[str, ...]
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
        parts = [*self.header.parent_agency, *self.header.agency_lines, self.header.number_line, self.doc_type,
                 *self.summary_lines]
        parts += [p.text for p in self.body]
        parts += [self.recipients_label, *self.recipients, *self.signer.lines, self.signer.name]
        return "\n".join(parts)

    def paragraphs_of(self, path: tuple) -> tuple[Paragraph, ...]:
        """The paragraphs printed for the node at *path* and the nodes under it."""
        return tuple(p for p in self.body if p.path[:len(path)] == path and p.path)
