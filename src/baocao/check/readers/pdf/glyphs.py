"""Glyphs measured on a PDF page, and the segments of a row they are grouped into."""
from __future__ import annotations

from dataclasses import dataclass, field

from baocao.check.model import Line, Span


@dataclass(slots=True)
class Glyph:
    """One character drawn on a page (slots: a long document holds hundreds of thousands)."""

    text: str
    font: str
    size: float
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    color: str | None
    page: int
    embedded: bool | None = None
    bold_hint: bool = False       # from the font descriptor (flags, weight)
    italic_hint: bool = False


@dataclass
class Segment:
    """Glyphs of one row that belong together (one column)."""

    glyphs: list[Glyph]
    page: int
    soft_split: bool = False     # cut from the previous segment only by a change of style
    in_body: bool = False        # running text has begun (set while building paragraphs)
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    baseline: float = 0.0
    size: float = 0.0
    spans: list[Span] = field(default_factory=list)

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    def as_line(self) -> Line:
        return Line(self.text, self.page, self.x0, self.x1, self.top, self.bottom, self.baseline, self.size)
