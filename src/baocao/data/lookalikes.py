"""Letters that stand in for other letters: Cyrillic and Greek look-alikes inside Latin words
("Cổng TTĐТСР" where Т, С and Р are Cyrillic) and the typographic ligatures ﬁ, ﬂ, ﬀ.

Text copied from web pages, OCR output and PDF text layers carries them. They look the same on
paper, but search, sorting, the agency registry and ``baocao check`` read another word; a
ligature is drawn as one glyph and read back from the PDF as two letters, so the PDF's text and
the DOCX's disagree. A Vietnamese word never mixes scripts, so a word holding Latin letters and a
look-alike from another script is a typing or copying fault.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Letters that are drawn like a Latin letter in Times New Roman, and that Latin letter.
LOOKALIKES = {
    # Cyrillic
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "Ј": "J", "К": "K", "М": "M",
    "О": "O", "Р": "P", "Ѕ": "S", "Т": "T", "Х": "X", "Ү": "Y", "Ԛ": "Q", "Ԝ": "W",
    "а": "a", "с": "c", "е": "e", "і": "i", "ј": "j", "о": "o", "р": "p", "ѕ": "s", "х": "x",
    "у": "y", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v",
}
# Latin ligatures (U+FB00–U+FB06) and the letters they stand for.
LIGATURES = {ch: unicodedata.normalize("NFKC", ch) for ch in map(chr, range(0xFB00, 0xFB07))}
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class MixedWord:
    start: int                  # where the word starts in the text
    word: str
    foreign: str                # the look-alike letters, in order of appearance, each once
    latin: str                  # the word written in Latin letters only

    def describe(self) -> str:
        names = ", ".join(f"'{ch}' (U+{ord(ch):04X} {unicodedata.name(ch, '')})" for ch in self.foreign)
        return f"từ «{self.word}» có chữ của bảng chữ khác trông giống chữ Latinh: {names}"


def _latin(ch: str) -> bool:
    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")


def mixed_words(text: str) -> list[MixedWord]:
    """Every word of *text* that holds a Latin letter and a Cyrillic or Greek look-alike."""
    found = []
    for m in _WORD.finditer(text):
        word = m.group()
        foreign = "".join(dict.fromkeys(ch for ch in word if ch in LOOKALIKES))
        if foreign and any(_latin(ch) for ch in word):
            latin = "".join(LOOKALIKES.get(ch, ch) for ch in word)
            found.append(MixedWord(m.start(), word, foreign, latin))
    return found


def to_latin(text: str) -> tuple[str, list[MixedWord]]:
    """*text* with ligatures written as their letters and the look-alikes of its mixed words in
    Latin letters, and those words."""
    text = "".join(LIGATURES.get(ch, ch) for ch in text)
    words = mixed_words(text)
    for w in reversed(words):
        text = text[:w.start] + w.latin + text[w.start + len(w.word):]
    return text, words
