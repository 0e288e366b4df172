"""The parts of an issued notice as read from a file, before anything is recognised.

Every reader (DOCX, PDF, plain text) ends here: the header lines (agency, number, place and
date, marks), the trích yếu, the paragraphs between the trích yếu and the closing block, the
Nơi nhận lines, the signer lines, and whatever follows the signature (an appendix). Formatting is
kept where the file tells it (bold, italic), ``None`` where it does not.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    text: str
    bold: bool | None = None
    italic: bool | None = None
    centred: bool | None = None
    column: str = ""            # "left" / "right" in the header and closing blocks, else ""


@dataclass
class Source:
    path: str
    kind: str                                   # docx | pdf | txt
    header: list[Line] = field(default_factory=list)
    summary: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)     # entries, each "- …" joined if wrapped
    signer: list[Line] = field(default_factory=list)
    after: list[str] = field(default_factory=list)          # text after the signature block
    notes: list[str] = field(default_factory=list)          # what the reader could not do cleanly
