"""Characters a source carries that a notice must not: invisible ones, ligatures and script
look-alikes.

Web pages, OCR layers and PDF text bring zero-width spaces, soft hyphens, bidi marks, ligatures
("ﬁ") and Cyrillic letters inside Latin words ("Cổng TTĐТСР"). The validator refuses all of
them: a reader cannot see the difference, and search cannot find the word. Import removes the
invisible ones, writes ligatures and look-alikes as the Latin letters they show, and says so in
the file's opening comment, so the YAML is valid and nothing changes without a note.
"""
from __future__ import annotations

import dataclasses
import unicodedata
from collections import Counter

from baocao.data.lookalikes import LIGATURES, to_latin
from baocao.data.text import is_invisible
from baocao.importer.source import Line, Source


class _Cleaner:
    def __init__(self):
        self.removed: Counter[str] = Counter()
        self.ligatures: Counter[str] = Counter()
        self.words: dict[str, str] = {}

    def text(self, value: str) -> str:
        if any(is_invisible(ch) for ch in value):
            self.removed.update(ch for ch in value if is_invisible(ch))
            value = "".join(ch for ch in value if not is_invisible(ch))
        self.ligatures.update(ch for ch in value if ch in LIGATURES)
        value, mixed = to_latin(value)
        for word in mixed:
            self.words.setdefault(word.word, word.latin)
        return value

    def line(self, line: Line) -> Line:
        cleaned = self.text(line.text)
        return line if cleaned == line.text else dataclasses.replace(line, text=cleaned)


def clean(source: Source) -> None:
    """Clean *source* in place; each kind of change adds a note for the clerk."""
    c = _Cleaner()
    for name in ("header", "summary", "body", "signer"):
        setattr(source, name, [c.line(line) for line in getattr(source, name)])
    source.recipients = [c.text(entry) for entry in source.recipients]
    source.after = [c.text(entry) for entry in source.after]
    if c.removed:
        names = ", ".join(f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".rstrip() + f" ×{n}"
                          for ch, n in sorted(c.removed.items()))
        source.notes.append(f"kiểm tra lại: đã bỏ các ký tự vô hình có trong văn bản gốc ({names})")
    if c.ligatures:
        names = ", ".join(f"«{ch}» ×{n} → «{LIGATURES[ch]}»" for ch, n in sorted(c.ligatures.items()))
        source.notes.append(f"kiểm tra lại: chữ ghép trong văn bản gốc đã ghi thành các chữ rời ({names})")
    for word, latin in c.words.items():
        source.notes.append(f"kiểm tra lại: từ «{word}» trong văn bản gốc có chữ Kirin hoặc Hy Lạp trông "
                            f"giống chữ Latinh; đã ghi lại bằng chữ Latinh: «{latin}»")
