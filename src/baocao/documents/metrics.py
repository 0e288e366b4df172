"""Text widths measured with the metric twin of Times New Roman.

Liberation Serif and Tinos share Times New Roman's advance widths, so a width measured here is the
width Word gives the same text in Times New Roman. The renderers use it to size the short lines
under the agency name, the Tiêu ngữ and the trích yếu, and to know where a title wraps, so the DOCX
and the PDF draw the same lengths.
"""
from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from baocao.errors import RenderError

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/croscore"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
)
FACE_FILES = {
    (False, False): ("LiberationSerif-Regular.ttf", "Tinos-Regular.ttf"),
    (True, False): ("LiberationSerif-Bold.ttf", "Tinos-Bold.ttf"),
    (False, True): ("LiberationSerif-Italic.ttf", "Tinos-Italic.ttf"),
    (True, True): ("LiberationSerif-BoldItalic.ttf", "Tinos-BoldItalic.ttf"),
}
PT_TO_MM = 25.4 / 72


def font_file(bold: bool = False, italic: bool = False) -> Path:
    for name in FACE_FILES[(bold, italic)]:
        for folder in FONT_DIRS:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    raise RenderError(
        "Không tìm thấy phông Liberation Serif hoặc Tinos (tương thích Times New Roman). "
        "Cài gói fonts-liberation2 hoặc fonts-croscore (bash scripts/run.sh build tự cài)."
    )


def pdf_family() -> str:
    """The family the PDF is drawn in: Liberation Serif, or Tinos where only it is installed."""
    return "Tinos" if font_file().name.startswith("Tinos") else "Liberation Serif"


@functools.lru_cache(maxsize=1)
def covered_code_points() -> frozenset[int]:
    """Code points all four faces of the PDF's font draw: text outside them would be drawn with a
    fallback font or not at all."""
    from fontTools.ttLib import TTFont

    faces = [set(TTFont(font_file(bold, italic), lazy=True).getBestCmap()) for bold, italic in FACE_FILES]
    return frozenset(set.intersection(*faces))


@functools.lru_cache(maxsize=4)
def _advances(bold: bool, italic: bool) -> tuple[dict[int, int], int, int]:
    from fontTools.ttLib import TTFont

    font = TTFont(font_file(bold, italic), lazy=True)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"].metrics
    widths = {code: hmtx[glyph][0] for code, glyph in cmap.items()}
    missing = hmtx[".notdef"][0] if ".notdef" in hmtx else font["head"].unitsPerEm // 2
    return widths, font["head"].unitsPerEm, missing


def text_width_pt(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
    """Width of one line of text in points, without kerning (Word's default for body text)."""
    widths, units, missing = _advances(bold, italic)
    total = sum(widths.get(ord(ch), missing) for ch in unicodedata.normalize("NFC", text))
    return total * size_pt / units


def text_width_mm(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
    return text_width_pt(text, size_pt, bold, italic) * PT_TO_MM


def wrap(text: str, width_mm: float, size_pt: float, bold: bool = False, italic: bool = False) -> list[str]:
    """Greedy line breaking at spaces, as Word and WeasyPrint do for a left/centre aligned line."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and text_width_mm(trial, size_pt, bold, italic) > width_mm:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


# Balancing is dynamic programming over (first word, lines left): cheap for a title, but a block of
# hundreds of lines would cost minutes and recurse past Python's limit. Past this, wrap greedily.
MAX_BALANCED_LINES = 8

# Words a title line is best broken before: clerks break "… Phạm Minh Chính / tại Hội nghị …".
GOOD_BREAKS = frozenset("tại về và của với ở trong đối để năm giai".split())
BAD_BREAK_MM = 25.0


def _capital(word: str) -> bool:
    return word[:1].isupper()


def break_penalty(words: list[str], cut: int, all_caps: bool = False) -> float:
    """The cost of breaking a title before ``words[cut]``: nothing before a linking word or after
    a comma; most inside a name or a title ("Phó / Bí thư Tỉnh ủy", "Cụm / công nghiệp", "Cam
    Đường / 1"), where a capitalised word that does not open the text starts or continues it."""
    before, after = words[cut - 1], words[cut]
    if after.lower() in GOOD_BREAKS or before.endswith((",", ";", ":")):
        return 0.0
    if not all_caps and cut - 1 > 0 and _capital(before):
        return 3 * BAD_BREAK_MM
    if after[:1].isdigit() or (not all_caps and _capital(before) and _capital(after)):
        return 2 * BAD_BREAK_MM
    return BAD_BREAK_MM


def balanced_wrap(text: str, width_mm: float, size_pt: float, bold: bool = False, italic: bool = False) -> list[str]:
    """As few lines as greedy wrapping needs, balanced, and broken before a linking word if possible.

    Titles and agency names are broken by hand this way in issued documents: "BỘ NÔNG NGHIỆP /
    VÀ MÔI TRƯỜNG" rather than "BỘ NÔNG NGHIỆP VÀ MÔI / TRƯỜNG". The cost of a layout is its longest
    line plus a penalty for every break that does not fall before a linking word.
    """
    words = text.split()
    greedy = wrap(text, width_mm, size_pt, bold, italic)
    count = len(greedy)
    if count <= 1:
        return [" ".join(words)]
    if count > MAX_BALANCED_LINES:
        return greedy       # a block this long is running text, not a title to balance
    caps = text.upper() == text

    def width(i: int, j: int) -> float:
        return text_width_mm(" ".join(words[i:j]), size_pt, bold, italic)

    def penalty(cut: int) -> float:
        return break_penalty(words, cut, caps)

    @functools.lru_cache(maxsize=None)
    def best(start: int, lines: int) -> tuple[float, float, tuple[int, ...]]:
        """(longest line, penalties, cuts) of the cheapest layout of words[start:] in `lines` lines."""
        if lines == 1:
            return width(start, len(words)), 0.0, ()
        result: tuple[float, float, tuple[int, ...]] = (float("inf"), 0.0, ())
        for cut in range(start + 1, len(words) - lines + 2):
            head = width(start, cut)
            if head > width_mm:
                break
            longest, penalties, cuts = best(cut, lines - 1)
            candidate = (max(head, longest), penalties + penalty(cut), (cut, *cuts))
            if candidate[0] + candidate[1] < result[0] + result[1]:
                result = candidate
        return result

    *_, cuts = best(0, count)
    bounds = [0, *cuts, len(words)]
    return [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:])]
