"""Text widths in Times New Roman metrics, for DOCX files (which carry no layout).

Liberation Serif and Tinos are metric-compatible with Times New Roman: same advance width for every
glyph, so a width computed from them is the width Word and LibreOffice lay out. When none of these
fonts is installed, widths are unknown (None) and the rules that need them report SKIP.
"""
from __future__ import annotations

import glob
import os
from functools import lru_cache

from baocao.check.model import MM_PER_PT

_FAMILIES = ("TimesNewRoman", "Times New Roman", "LiberationSerif", "Tinos")
_STYLE_FILES = {
    (False, False): ("Regular", "", "times.ttf"),
    (True, False): ("Bold", "bd", "timesbd.ttf"),
    (False, True): ("Italic", "i", "timesi.ttf"),
    (True, True): ("BoldItalic", "bi", "timesbi.ttf"),
}
_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", os.path.expanduser("~/.fonts"),
              os.path.expanduser("~/.local/share/fonts"), "/Library/Fonts", "C:/Windows/Fonts")


@lru_cache(maxsize=None)
def _font_file(bold: bool, italic: bool) -> str | None:
    style, _, win_name = _STYLE_FILES[(bold, italic)]
    names = [f"LiberationSerif-{style}.ttf", f"Tinos-{style}.ttf", win_name]
    for root in _FONT_DIRS:
        if not os.path.isdir(root):
            continue
        for name in names:
            hits = glob.glob(os.path.join(root, "**", name), recursive=True)
            if hits:
                return sorted(hits)[0]
    return None


@lru_cache(maxsize=None)
def _metrics(bold: bool, italic: bool):
    path = _font_file(bold, italic)
    if path is None:
        return None
    try:
        from fontTools.ttLib import TTFont
    except ImportError:  # pragma: no cover - fonttools comes with weasyprint
        return None
    font = TTFont(path, lazy=True)
    return font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm


def available() -> bool:
    return _metrics(False, False) is not None


@lru_cache(maxsize=65536)
def text_width_mm(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float | None:
    """Advance width of ``text`` set in Times New Roman at ``size_pt``; None without metrics."""
    m = _metrics(bold, italic)
    if m is None:
        return None
    cmap, hmtx, upem = m
    fallback = cmap.get(ord("n"))
    units = 0
    for ch in text:
        glyph = cmap.get(ord(ch), fallback)
        units += hmtx[glyph][0] if glyph in hmtx else upem // 2
    return units / upem * size_pt * MM_PER_PT


def wrap_widths(pieces: list[tuple[str, float, bool, bool]], avail_mm: float | None) -> list[float] | None:
    """Widths of the lines a paragraph breaks into (greedy, at spaces, "\\n" forces a break).

    ``pieces`` are (text, size, bold, italic) runs. Trailing spaces do not count in a line's width.
    """
    if not available():
        return None
    # Split into words keeping their formatting; a word is a list of (text, fmt) parts.
    lines: list[float] = []
    words: list[list[tuple[str, float, bool, bool]]] = [[]]
    breaks_after: set[int] = set()
    for text, size, bold, italic in pieces:
        chunk = ""
        for ch in text:
            if ch == "\n":
                if chunk:
                    words[-1].append((chunk, size, bold, italic))
                    chunk = ""
                breaks_after.add(len(words) - 1)
                words.append([])
            elif ch == " ":
                if chunk:
                    words[-1].append((chunk, size, bold, italic))
                    chunk = ""
                words[-1].append((" ", size, bold, italic))
                words.append([])
            else:
                chunk += ch
        if chunk:
            words[-1].append((chunk, size, bold, italic))

    # Running widths: the whole line, and its trailing spaces (which do not count).
    current = False                     # the line under construction holds something
    total = trailing = 0.0

    def measure(parts) -> tuple[float, float]:
        """(width, width of the trailing spaces) of *parts* appended to nothing."""
        width = spaces = 0.0
        for part in parts:
            w = text_width_mm(*part) or 0.0
            width += w
            spaces = spaces + w if part[0] == " " else 0.0
        return width, spaces

    for i, word in enumerate(words):
        word_width, word_spaces = measure(word)
        if word_width == word_spaces:       # only spaces (or nothing): they extend the trailing run
            trial_total, trial_trailing = total + word_width, trailing + word_width
        else:
            trial_total, trial_trailing = total + word_width, word_spaces
        if current and avail_mm is not None and trial_total - trial_trailing > avail_mm + 0.05:
            lines.append(total - trailing)
            current, total, trailing = bool(word), word_width, word_spaces
        else:
            current, total, trailing = current or bool(word), trial_total, trial_trailing
        if i in breaks_after:
            lines.append(total - trailing)
            current, total, trailing = False, 0.0, 0.0
    if current or not lines:
        lines.append(total - trailing)
    return lines
