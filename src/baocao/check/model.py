"""The neutral picture of a document that every rule reads, whatever the file format.

A DOCX reader fills it from the XML (effective formatting, section settings, computed widths); a PDF
reader fills it from measured glyphs and drawn lines. Lengths are millimetres from the page's left
and top edges; font sizes and paragraph spacing are points. ``None`` always means "this format (or
this file) does not tell", and a rule that needs the value reports SKIP instead of guessing.
"""
from __future__ import annotations

from dataclasses import dataclass, field

MM_PER_PT = 25.4 / 72

# Regions a paragraph can sit in.
BODY = "body"                 # the running text area (outside any header/closing table)
HEADER_LEFT = "header-left"   # the 2-column header block on page 1
HEADER_RIGHT = "header-right"
CLOSING_LEFT = "closing-left"     # a 2-column block after the body (Nơi nhận | signer)
CLOSING_RIGHT = "closing-right"
TABLE = "table"               # any other table cell
PAGE_HEADER = "page-header"   # the page's top margin (DOCX header part)
PAGE_FOOTER = "page-footer"


@dataclass
class Span:
    """A stretch of text with one font, size, weight, slant and colour."""

    text: str
    font: str | None              # family (DOCX) or base font name without subset tag (PDF)
    size: float | None            # points
    bold: bool = False
    italic: bool = False
    color: str | None = None      # "RRGGBB"; None = automatic / black
    embedded: bool | None = None  # PDF: is the font program in the file
    script: bool = False          # raised or lowered small text: a footnote mark, a drafter's initials


@dataclass
class Line:
    """One measured line of text (PDF)."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float


@dataclass
class HRule:
    """A horizontal line drawn on the page (border, shape, stroke or a row of underscores)."""

    length_mm: float
    kind: str                     # border-top | border-bottom | shape | line | rect | underline | text
    solid: bool = True
    x0_mm: float | None = None
    y_mm: float | None = None
    page: int | None = None
    center_mm: float | None = None

    @property
    def x1_mm(self) -> float | None:
        return None if self.x0_mm is None else self.x0_mm + self.length_mm


@dataclass
class Para:
    """A paragraph (DOCX) or a reconstructed paragraph / line (PDF), in reading order."""

    index: int
    text: str
    spans: list[Span]
    region: str
    page: int | None = None
    align: str | None = None      # left | center | right | both | None (unknown)
    first_indent_mm: float | None = None
    left_indent_mm: float | None = None
    right_indent_mm: float | None = None
    space_before_pt: float | None = None
    space_after_pt: float | None = None
    line_spacing: float | None = None      # multiple of a single line
    line_exact_pt: float | None = None     # "exactly" / "at least" spacing in points
    container: tuple[float, float] | None = None   # x0, x1 of the column the text flows in (mm)
    center_mm: float | None = None         # horizontal centre of the text (mm)
    line_widths_mm: list[float] | None = None      # width of each line of text
    lines: list[Line] = field(default_factory=list)
    rules_below: list[HRule] = field(default_factory=list)
    cell: tuple[int, int, int] | None = None       # DOCX: table number, row, column
    cell_para: int | None = None                   # DOCX: index of the paragraph in its cell
    cell_rank: int | None = None                   # DOCX: index among the cell's non-empty paragraphs
    style: str | None = None
    page_break_before: bool = False
    gap_before_pt: float | None = None     # PDF: measured space between this and the previous paragraph
    contextual_spacing: bool = False       # DOCX: spacing suppressed between same-style paragraphs
    top_mm: float | None = None
    bottom_mm: float | None = None
    source_index: int | None = None        # DOCX: paragraph number in the file's body
    section: int | None = None             # DOCX: section number, from 1
    mark_size_pt: float | None = None      # DOCX: size of the paragraph mark (the height of an empty line)

    @property
    def clean(self) -> str:
        return " ".join(self.text.split())

    @property
    def visible_spans(self) -> list[Span]:
        """Spans with ink, footnote marks and subscript initials left out (they follow no size rule)."""
        return [s for s in self.spans if s.text.strip() and not s.script]

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()

    @property
    def longest_line_mm(self) -> float | None:
        return max(self.line_widths_mm) if self.line_widths_mm else None

    def sizes(self) -> set[float]:
        return {round(s.size, 2) for s in self.visible_spans if s.size is not None}

    def all_bold(self) -> bool | None:
        spans = self.visible_spans
        return all(s.bold for s in spans) if spans else None

    def any_italic(self) -> bool:
        return any(s.italic for s in self.visible_spans)

    def all_italic(self) -> bool | None:
        spans = self.visible_spans
        return all(s.italic for s in spans) if spans else None


@dataclass
class Section:
    """Page geometry: a DOCX section, or one PDF page (then margins are measured)."""

    number: int                   # section number (DOCX) or page number (PDF), from 1
    width_mm: float
    height_mm: float
    margin_top_mm: float | None = None
    margin_bottom_mm: float | None = None
    margin_left_mm: float | None = None
    margin_right_mm: float | None = None
    measured: bool = False        # PDF: margins come from where the text sits
    top_is_minimum: bool = False  # measured top is only "text starts at least here"
    bottom_is_minimum: bool = True
    holds_only_table: bool = False
    label: str = ""               # "mục 1" / "trang 1" for messages
    pushed: dict = field(default_factory=dict)   # DOCX: header/footer → (margin set, where the text starts)


@dataclass
class PageMark:
    """A page number found in a page header or footer."""

    location: str                 # header | footer
    page: int | None              # PDF: the page; DOCX: 1 for a first-page header, None otherwise
    text: str                     # the digits shown (PDF) or "PAGE" for a field (DOCX)
    is_field: bool = False
    number_format: str | None = None   # decimal | upperRoman | ... (DOCX field switch / pgNumType)
    start: int | None = None
    align: str | None = None
    center_mm: float | None = None
    size: float | None = None
    bold: bool = False
    italic: bool = False
    section: int | None = None
    font: str | None = None


@dataclass
class PageNumbering:
    """What the document says about page numbers.

    PDF: ``marks`` lists what each page shows. DOCX: ``first_page_marks`` is what the first page of
    each section shows, ``later_marks`` what its other pages show (None for a section when unknown).
    """

    page_count: int | None = None
    marks: list[PageMark] = field(default_factory=list)             # PDF
    first_page_marks: dict[int, list[PageMark]] = field(default_factory=dict)   # DOCX, per section
    later_marks: dict[int, list[PageMark]] = field(default_factory=dict)        # DOCX, per section
    # DOCX with different odd and even pages: what the odd (default) and the even headers show
    odd_even_marks: dict[int, tuple[list[PageMark], list[PageMark]]] = field(default_factory=dict)
    text_center_mm: float | None = None


@dataclass
class Image:
    page: int | None
    format: str | None            # png | jpeg | ...
    has_alpha: bool | None
    mean_rgb: tuple[float, float, float] | None   # mean colour of the opaque, non-white pixels
    x0: float | None = None
    x1: float | None = None
    top: float | None = None
    bottom: float | None = None
    para_index: int | None = None

    @property
    def width_mm(self) -> float | None:
        return None if self.x0 is None or self.x1 is None else self.x1 - self.x0

    @property
    def height_mm(self) -> float | None:
        return None if self.top is None or self.bottom is None else self.bottom - self.top


@dataclass
class TableInfo:
    number: int
    first_para: int | None        # index of the table's first paragraph in Document.paras
    rows: int
    cols: int
    has_borders: bool | None      # visible cell borders


@dataclass
class Document:
    path: str
    fmt: str                      # docx | pdf
    paras: list[Para]
    sections: list[Section]
    numbering: PageNumbering
    images: list[Image] = field(default_factory=list)
    rules: list[HRule] = field(default_factory=list)
    tables: list[TableInfo] = field(default_factory=list)
    fonts: dict[str, bool] = field(default_factory=dict)   # font name -> embedded (PDF)
    text_left_mm: float | None = None
    text_right_mm: float | None = None
    body_line_pitch_pt: dict[float, float] = field(default_factory=dict)  # PDF: size -> single pitch
    vertical_lines_in_header: int = 0     # PDF: cell borders seen around the header block
    notes: list[str] = field(default_factory=list)
    untrusted: str | None = None          # PDF: why its text layer cannot be read as the page shows
    read_by_ocr: str | None = None        # PDF: the words come from OCR (no fonts, sizes, weights)
    metadata: dict[str, str] = field(default_factory=dict)   # PDF: Creator and Keywords of the file

    @property
    def text_center_mm(self) -> float | None:
        if self.text_left_mm is None or self.text_right_mm is None:
            return None
        return (self.text_left_mm + self.text_right_mm) / 2

    @property
    def text_width_mm(self) -> float | None:
        if self.text_left_mm is None or self.text_right_mm is None:
            return None
        return self.text_right_mm - self.text_left_mm

    def all_spans(self):
        for para in self.paras:
            for span in para.spans:
                yield para, span
