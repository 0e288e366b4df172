"""Real notices as text, and the same parts read back from a built DOCX and PDF.

A source file (tests/resources/real/*.txt, format in its PROVENANCE.md) holds one paragraph per
line: the header lines, "THÔNG BÁO", the trích yếu, the body, "Nơi nhận:" with its entries, and
the signer block. Seed 003 (a copy of shared/seeds/003_…) is a PDF extraction without header, wrapped at the
page width: its paragraphs are rebuilt from blank lines and the numbering at the start of a line.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

MM = 72 / 25.4


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@dataclass
class Source:
    header: list[str] = field(default_factory=list)
    summary: str = ""
    body: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer: list[str] = field(default_factory=list)


def read_source(path: Path) -> Source:
    """A transcription in the tests/resources/real format."""
    lines = [norm(line) for line in path.read_text(encoding="utf-8").splitlines()]
    title = lines.index("THÔNG BÁO")
    out = Source(header=[line for line in lines[:title] if line])
    rest = lines[title + 1:]
    first_blank = rest.index("")
    out.summary = " ".join(rest[:first_blank])
    rest = rest[first_blank:]
    end = rest.index("Nơi nhận:") if "Nơi nhận:" in rest else len(rest)
    out.body = [line for line in rest[:end] if line]
    tail = [line for line in rest[end + 1:] if line]
    out.recipients = [line for line in tail if line.startswith("- ")]
    out.signer = [line for line in tail if not line.startswith("- ")]
    return out


MARKER = re.compile(r"^\s*(\d+\.|[a-zđ]\))\s")


def read_seed(path: Path) -> Source:
    """Seed 003: the body (opening to closing) and the Nơi nhận / signer, paragraphs rebuilt."""
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    head, rest = text.split("\nNgày ", 1)
    summary_lines = [line for line in head.splitlines()[1:] if line.strip() and not set(line.strip()) <= {"_"}]
    body_text, tail = ("Ngày " + rest).split("Nơi nhận:", 1)
    paragraphs: list[list[str]] = []
    for line in body_text.splitlines():
        if not line.strip():
            if paragraphs and paragraphs[-1]:
                paragraphs.append([])
            continue
        if MARKER.match(line) and paragraphs and paragraphs[-1]:
            paragraphs.append([])
        if not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(line)
    recipients, signer = [], []
    for chunk in re.split(r"\n\s*\n", tail):
        for entry in re.split(r"\n(?=- )", chunk.strip()):
            if not entry.strip():
                continue
            if entry.startswith("- "):
                recipients.append(norm(entry))
            elif recipients and not recipients[-1].endswith((";", ".")):
                recipients[-1] = norm(recipients[-1] + " " + entry)
            else:
                signer += [norm(line) for line in entry.splitlines() if line.strip()]
    return Source(summary=norm(" ".join(summary_lines)), body=[norm(" ".join(p)) for p in paragraphs if p],
                  recipients=recipients, signer=signer)


# --- built files ----------------------------------------------------------------------------

def docx_parts(path: Path) -> Source:
    """Header cells, trích yếu, body paragraphs, Nơi nhận and signer of a built DOCX."""
    from docx import Document

    document = Document(str(path))
    header = document.tables[0]
    cells = [norm(line) for row in header.rows for cell in row.cells for p in cell.paragraphs
             for line in p.text.split("\n") if line.strip()]
    paragraphs = document.paragraphs
    title = next(i for i, p in enumerate(paragraphs) if p.text == "THÔNG BÁO")
    summary = norm(paragraphs[title + 1].text.replace("\n", " "))
    body = [norm(p.text) for p in paragraphs[title + 2:] if p.text.strip()]
    closing = document.tables[-1]
    left, right = closing.cell(0, 0), closing.cell(0, 1)
    recipients = [norm(p.text) for p in left.paragraphs if p.text.strip()][1:]
    signer = [norm(p.text) for p in right.paragraphs if p.text.strip()]
    return Source(header=cells, summary=summary, body=body, recipients=recipients, signer=signer)


def pdf_body(path: Path, layout, summary: str) -> list[str]:
    """Body paragraphs of a built PDF: the lines between the trích yếu and "Nơi nhận:", a new
    paragraph at every line that starts at the first-line indent."""
    import pdfplumber

    indent = (layout.margin_left_mm + layout.first_line_indent_cm * 10 - 2) * MM
    top_margin = layout.margin_top_mm * MM
    rows: list[tuple[float, str]] = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            for line in page.extract_text_lines(keep_blank_chars=True):
                if line["top"] >= top_margin - 1:
                    rows.append((line["x0"], norm(line["text"])))
    end = next(i for i, (_x, text) in enumerate(rows) if text.startswith("Nơi nhận:"))
    summary = norm(summary).lower()
    start = next(i for i, (_x, text) in enumerate(rows[:end]) if summary.endswith(text.lower())) + 1
    paragraphs: list[list[str]] = []
    for x0, text in rows[start:end]:
        if x0 >= indent or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(text)
    return [norm(" ".join(p)) for p in paragraphs]


def read_body(path: Path, first: str) -> Source:
    """The body of a transcription in the same format that is not a Thông báo (a Công văn): the
    paragraphs from the one starting with *first* to the one ending "./.", then Nơi nhận and signer."""
    lines = [norm(line) for line in path.read_text(encoding="utf-8").splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    end = next(i for i, line in enumerate(lines) if i >= start and line.endswith("./."))
    out = Source(body=[line for line in lines[start:end + 1] if line])
    tail = [line for line in lines[end + 1:] if line and line != "Nơi nhận:"]
    out.recipients = [line for line in tail if line.startswith("- ")]
    out.signer = [line for line in tail if not line.startswith("- ")]
    return out
