"""Where a line must not break: inside a document number or a date ("525/QĐ-UBND",
"57-NQ/TW", "2021-2030", "Quý I/2026").

Word and LibreOffice, like WeasyPrint, may break a line after "/" or "-"; a clerk never splits a
number that way. Both renderers keep these tokens whole: the DOCX with non-breaking hyphens, the
PDF with a span that does not wrap. The characters printed stay the same.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

# A token (no spaces) holding a digit and a "/" or "-" between two characters.
TOKEN = re.compile(r"(?=\S*\d)\S*\w[/-]\w\S*")


def segments(text: str) -> Iterator[tuple[str, bool]]:
    """*text* cut into (piece, keep_whole) pieces, in order.

    >>> list(segments("theo Quyết định số 525/QĐ-UBND ngày 25/02/2026"))
    [('theo Quyết định số ', False), ('525/QĐ-UBND', True), (' ngày ', False), ('25/02/2026', True)]
    >>> list(segments("Lào Cai – Hà Nội"))
    [('Lào Cai – Hà Nội', False)]
    """
    last = 0
    for m in TOKEN.finditer(text):
        if m.start() > last:
            yield text[last:m.start()], False
        yield m.group(0), True
        last = m.end()
    if last < len(text):
        yield text[last:], False
