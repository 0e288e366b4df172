"""Is this Vietnamese text? Syllables, the letters Vietnamese uses, and legacy 8-bit encodings.

Used twice: to tell text typed in a legacy font (TCVN3 "Céng hoµ", VNI "Coäng hoøa") from Unicode
symbols that merely look unusual ("m²", "25°C"), and to decide whether a PDF's text layer can be
trusted at all (a Ghostscript re-embedding without a usable ToUnicode map extracts as "&Ӝ1* HÕA",
Word 2010's export maps Ư to "Ƣ").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
SHAPES = {"\u0302", "\u0306", "\u031b"}          # circumflex, breve, horn
VOWELS = "aăâeêioôơuưy"
SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|q|r|s|t|v|x)?"
    rf"([{VOWELS}]{{1,3}})(ch|ng|nh|c|m|n|p|t)?$")
_VIET_LETTERS = set("abcdđeghiklmnopqrstuvxyăâêôơư" + "fjwz")     # f j w z in loanwords and codes
# Characters a legacy font leaves in the text and that Vietnamese Unicode never uses inside a word.
LEGACY_ONLY = set("µ¸¶·¹¨»¾¼½Æ©ÇËÌÐÎÏÑªÖ×ØÜÞßäåæçë¬îïñ÷þ¡¢§£¤¥¦\u00ad" "øûõùüÿ") - set("àáâãèéêìíòóôõùúý")
EDGE_PUNCT = "«»“”\"'‘’()[]{},.;:!?…-–—/"


def base_letters(word: str) -> tuple[str, int] | None:
    """(the word without tone marks, number of tone marks) for a lower-case word."""
    nfd = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in nfd if ch in TONES)
    kept = unicodedata.normalize("NFC", "".join(ch for ch in nfd if ch not in TONES))
    return kept, tones


@lru_cache(maxsize=8192)
def is_syllable(word: str) -> bool:
    """A well-formed Vietnamese syllable (lenient: the shape, not a dictionary)."""
    kept, tones = base_letters(word)
    return tones <= 1 and SYLLABLE.match(kept) is not None


@lru_cache(maxsize=4096)
def is_vietnamese_letter(ch: str) -> bool:
    nfd = unicodedata.normalize("NFD", ch.lower())
    base = nfd[0]
    marks = set(nfd[1:])
    if base == "đ" or ch.lower() == "đ":
        return True
    return base in _VIET_LETTERS and marks <= (TONES | SHAPES)


def _legacy_only() -> set[str]:
    return {ch for ch in LEGACY_ONLY if not is_vietnamese_letter(ch)}


def legacy_word(word: str) -> bool:
    """A word typed in a TCVN3 (ABC) or VNI font: legacy code points among its letters."""
    core = word.strip(EDGE_PUNCT)
    if not any(ch.isalpha() for ch in core):
        return False
    if any(0xE000 <= ord(ch) <= 0xF8FF for ch in core):
        return True
    return any(ch in _LEGACY for ch in core)


@dataclass
class TextQuality:
    words: int            # alphabetic words
    foreign: int          # words with letters Vietnamese does not use (Ƣ, Cyrillic, …)
    broken: int           # words mixing letters with stray symbols, or impossible syllables
    examples: list[str]

    @property
    def trusted(self) -> bool:
        if self.words < 20:
            return self.foreign + self.broken <= max(2, self.words // 4)
        bad = self.foreign + self.broken
        return self.foreign < 3 and bad <= 0.08 * self.words


WORD = re.compile(r"\S+")


def assess(texts) -> TextQuality:
    """How much of the extracted text reads as Vietnamese (or plain Latin: codes, abbreviations)."""
    words = foreign = broken = 0
    examples: list[str] = []
    for text in texts:
        for raw in WORD.findall(text):
            word = raw.strip(EDGE_PUNCT)
            if not word or not any(ch.isalpha() for ch in word):
                continue
            words += 1
            letters = [ch for ch in word if ch.isalpha()]
            if any(not is_vietnamese_letter(ch) for ch in letters):
                foreign += 1
                if len(examples) < 3:
                    examples.append(raw)
                continue
            if word.isascii():
                continue            # codes, abbreviations, Latin words: VLNCN, QCVN, BTCT
            inner = re.sub(r"[\w]", "", word.replace("-", "").replace("/", "").replace(".", ""))
            if inner or not all(is_syllable(part) for part in re.split(r"[-/.]", word) if part
                                and not part.isdigit() and not part.isascii()):
                broken += 1
                if len(examples) < 3:
                    examples.append(raw)
    return TextQuality(words, foreign, broken, examples)


_LEGACY = _legacy_only()
