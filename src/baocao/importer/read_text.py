"""A plain-text notice → :class:`Source`.

Two shapes are common and both are read: one paragraph per line (a copy from a web page or a
word processor), and text hard-wrapped at the page width (``pdftotext``), where a paragraph
ends at a blank line, at a numbered line ("2.", "b)"), or at a short line ending a sentence.
Header and closing blocks laid out in two columns on shared lines (``pdftotext -layout``) are
split at runs of spaces. A text without header (only the tên loại onwards) is read too.
"""
from __future__ import annotations

import re
from pathlib import Path

from baocao.check import text as tx
from baocao.data.text import LEGACY_NAMES, decode, legacy_encoding
from baocao.errors import os_reason
from baocao.importer import guard
from baocao.importer.errors import UnreadableSource
from baocao.importer.read_layout import NOT_A_NOTICE, is_title
from baocao.importer.source import Line, Source
from baocao.vi.text import nfc

COLUMNS = re.compile(r"\s{3,}")
NUMBERED = re.compile(r"^(?:[IVXL]+\.|\d{1,2}\.|[a-zđ]\))\s")
BULLET = re.compile(r"^[-–+•]\s")
BODY_START = re.compile(r"^(?:Căn cứ|Thực hiện|Theo|Xét|Kính gửi|Ngày \d|Sau khi|Vào hồi)\b")
TERMINAL = (".", ";", ":", "!", "?", "./.")
PLACE_DATE_AT = re.compile(r"\s{3,}(?=[^\s,](?:(?!\s{3})[^,]){0,40},\s*ngày(?!\w))", re.IGNORECASE)
DRAFT_DATE = re.compile(r"^[^,]{2,40},\s*ngày[\s.…_\d]*tháng[\s.…_\d]*năm[\s.…_\d]*$", re.IGNORECASE)
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def read_text(path: Path) -> Source:
    guard.check_file(path, ".txt")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableSource(path, f"không đọc được tệp ({os_reason(exc)})") from None
    text = nfc(decode(raw, str(path)))
    legacy = legacy_encoding(text)
    if legacy:
        raise UnreadableSource(path, f"văn bản gõ bằng bảng mã cũ {LEGACY_NAMES.get(legacy, legacy)}; "
                                     "hãy chuyển sang Unicode (UTF-8) rồi nhập lại")
    text = CONTROL.sub("", text.replace("\f", "\n").replace("\u00a0", " ").replace("\t", "    "))
    return split_text(str(path), [line.rstrip() for line in text.splitlines()])


def split_text(path: str, lines: list[str]) -> Source:
    source = Source(path=path, kind="txt")
    title = next((i for i, line in enumerate(lines) if is_title(line)), None)
    if title is None:
        raise UnreadableSource(path, NOT_A_NOTICE)
    for line in lines[:title]:
        pieces = _columns(line.strip())
        for k, piece in enumerate(pieces):
            if not tx.is_rule_text(piece):
                column = "" if len(pieces) == 1 else ("left" if k == 0 else "right")
                source.header.append(Line(piece.strip(), column=column))
    start = _summary(lines, title + 1, source)
    end, signer_first = _closing_start(lines, start)
    source.body = [Line(p) for p in paragraphs(lines[start:end])]
    _closing(lines[end:], source, signer_first)
    return source


def _columns(line: str) -> list[str]:
    """A header line cut into its columns, unless the runs of spaces are the blanks of a draft
    ("Số:        /TB-UBND", "Hà Nội, ngày      tháng     năm 2026")."""
    date = PLACE_DATE_AT.search(line)
    if date and line[:date.start()].strip():
        return [line[:date.start()].strip(), line[date.end():].strip()]
    if re.match(r"Số\s*:", line, re.IGNORECASE) or DRAFT_DATE.match(line):
        return [line]
    return [p for p in COLUMNS.split(line) if p.strip()]


def _summary(lines: list[str], start: int, source: Source) -> int:
    """Reads the trích yếu; returns the index where the running text begins."""
    window = lines[start:start + 14]
    for k, line in enumerate(window):
        if tx.is_rule_text(line.strip()):
            before = [w.strip() for w in window[:k] if w.strip()]
            if before and not any(BODY_START.match(w) or len(w) > 160 for w in before):
                source.summary = [Line(w) for w in before]
                return start + k + 1
            break
    k = start
    while k < len(lines) and not lines[k].strip():
        k += 1
    while k < len(lines) and lines[k].strip() and not tx.is_rule_text(lines[k].strip()):
        line = lines[k].strip()
        if source.summary and (BODY_START.match(line) or NUMBERED.match(line) or line.endswith(":") or len(line) > 200):
            break
        source.summary.append(Line(line))
        k += 1
    return k


def _closing_start(lines: list[str], start: int) -> tuple[int, bool]:
    """Where the running text ends: "Nơi nhận:", or a signer block at the end of the file."""
    for k in range(start, len(lines)):
        left = COLUMNS.split(lines[k].strip())[0]
        if tx.is_recipients_label(left):
            return k, False
    # No Nơi nhận: a signer block ("KT. BỘ TRƯỞNG" … name) closing the text.
    tail = [k for k in range(start, len(lines)) if lines[k].strip()]
    for k in tail[-8:]:
        if tx.is_signer_head(lines[k].strip()):
            return k, True
    return len(lines), False


def _is_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped text: most lines followed by another line end in the middle of a sentence."""
    joined = [a.strip() for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]
    if len(joined) < 3:
        return False
    open_ended = sum(1 for a in joined if not a.endswith(TERMINAL))
    return open_ended >= 0.5 * len(joined)


def paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs of the running text, one per line or rebuilt from hard-wrapped lines."""
    if not _is_wrapped(lines):
        return [" ".join(line.split()) for line in lines if line.strip()]
    width = max((len(line.strip()) for line in lines), default=0)
    out: list[list[str]] = [[]]
    for line in lines:
        text = line.strip()
        if not text:
            out.append([])
            continue
        previous = out[-1][-1] if out[-1] else ""
        ended = previous.endswith(TERMINAL)
        if previous and (NUMBERED.match(text) or (BULLET.match(text) and ended)
                         or (ended and len(previous) < 0.7 * width)):
            out.append([])
        out[-1].append(text)
    return [" ".join(" ".join(p).split()) for p in out if p]


def _closing(lines: list[str], source: Source, signer_first: bool) -> None:
    """Nơi nhận entries (wrapped ones joined) and the signer lines, in one or two columns."""
    in_signer = signer_first
    entries: list[str] = []
    signer: list[str] = []
    for raw in lines:
        pieces = [p.strip() for p in COLUMNS.split(raw.strip()) if p.strip()]
        if not pieces:
            continue
        if len(pieces) > 1 and not in_signer:
            left, right = pieces[0], " ".join(pieces[1:])
            _recipient(left, entries)
            signer.append(right)
            continue
        text = " ".join(pieces)
        if tx.is_recipients_label(text):
            continue
        if in_signer or tx.is_signer_head(text):
            in_signer = True
            signer.append(text)
        elif not _recipient(text, entries):
            in_signer = True
            signer.append(text)
    source.recipients = entries
    source.signer = [Line(s, column="right") for s in signer]


def _recipient(text: str, entries: list[str]) -> bool:
    """Adds a Nơi nhận line (or the continuation of a wrapped one); False when it is not one."""
    if tx.is_recipients_label(text):
        return True
    if text.startswith(("-", "–", "+")):
        entries.append(text)
        return True
    if entries and not entries[-1].rstrip().endswith((";", ".", ":")) and not tx.is_upper(text):
        entries[-1] = f"{entries[-1].rstrip()} {text}"
        return True
    return False
