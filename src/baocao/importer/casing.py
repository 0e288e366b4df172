"""Titles written in capitals ("KẾT LUẬN CUỘC HỌP VỀ ĐỀ ÁN … TẠI VIỆT NAM"), given back the case
the same words have in the notice's own running text ("… về Đề án … tại Việt Nam"). baocao prints
a trích yếu in sentence case and a phần title in capitals, so the words come out the same either
way; the data reads as a person would write it."""
from __future__ import annotations

import re

from baocao.importer.names import searchable
from baocao.vi.text import DEFAULT_ACRONYMS, sentence_case


def mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


class Recaser:
    def __init__(self, corpus: str):
        self.text = " ".join(corpus.split())
        self.low = searchable(self.text)

    def _as_written(self, words: list[str]) -> str | None:
        phrase = searchable(" ".join(words))
        start = 0
        while True:
            at = self.low.find(phrase, start)
            if at < 0:
                return None
            end = at + len(phrase)
            bounded = (at == 0 or not self.low[at - 1].isalnum()) and (end == len(self.low) or not self.low[end].isalnum())
            found = self.text[at:end]
            if bounded and not mostly_upper(found):
                return found
            start = at + 1

    @staticmethod
    def _word(word: str) -> str:
        """A word the running text does not have: kept if it is a known abbreviation or a Roman
        numeral, else lower case."""
        bare = word.strip(".,;:()“”\"")
        return word if bare in DEFAULT_ACRONYMS or re.fullmatch(r"[IVX]+", bare) else word.lower()

    def recase(self, text: str) -> str:
        """*text* as the running text writes its words, when *text* is in capitals."""
        if not mostly_upper(text):
            return text
        words = text.split()
        out: list[str] = []
        i = 0
        while i < len(words):
            for n in range(len(words) - i, 1, -1):
                found = self._as_written(words[i:i + n])
                if found:
                    out.append(found)
                    i += n
                    break
            else:
                out.append(self._word(words[i]))
                i += 1
        return sentence_case(" ".join(out))
