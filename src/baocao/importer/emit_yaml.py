"""Raw notice data → YAML text as a person would write it: keys in the documented order, long
text folded over readable lines (``>-``, an empty line between paragraphs), short lists inline,
quotes only where YAML needs them, and comments above the fields a clerk should look at again.

Only the shapes a notice has are written (mappings, lists, text, whole numbers); every scalar is
checked to read back as written, and anything a plain or folded scalar cannot carry is written
in double quotes.
"""
from __future__ import annotations

import json
import re

WIDTH = 100
INDENT = 2
# Words other YAML readers would take for null, a boolean or a float are quoted; whole numbers and
# ISO dates stay plain (baocao reads every value as text, "so: 15", "ngay: 2026-01-16").
RESERVED = re.compile(r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF"
                      r"|y|Y|n|N|0\d+|[-+]?\d*\.\d*(?:[eE][-+]?\d+)?|\d+(?::\d+)+|\.inf|\.nan|<<|=)$")
PLAIN_START = set("-?:,[]{}#&*!|>'\"%@` ")
# Lists written inline when short: keys and codes, not sentences.
FLOW_KEYS = {"phoi_hop", "dong_chu_tri", "thoi_han", "don_vi", "ten_khac", "ten_dau", "thay_boi", "gom", "chuc_vu"}


def _plain_ok(text: str, in_flow: bool = False) -> bool:
    if not text or text != text.strip() or "\n" in text or "\t" in text:
        return False
    if text[0] in PLAIN_START or RESERVED.match(text):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if in_flow and any(c in text for c in ",[]{}"):
        return False
    return all(c.isprintable() for c in text)


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _foldable(text: str) -> bool:
    return bool(text) and text == text.strip() and "\t" not in text and "  " not in text \
        and all(c.isprintable() for c in text.replace("\n", "")) and "\n\n" not in text \
        and all(p and p == p.strip() for p in text.split("\n"))


def _wrap(paragraph: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in paragraph.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def scalar(value, indent: int, room: int, in_flow: bool = False) -> list[str]:
    """Lines of a scalar written after a key or "- " with *room* columns left on its line."""
    if isinstance(value, bool):
        raise TypeError("no booleans in a notice")
    if isinstance(value, int):
        return [str(value)]
    text = str(value)
    if "\n" not in text and len(text) <= room and _plain_ok(text, in_flow):
        return [text]
    if in_flow:
        return [_quoted(text)]
    if "\n" not in text and len(text) <= room:
        return [_quoted(text)]
    if _foldable(text):
        pad = " " * indent
        out = [">-"]
        for k, paragraph in enumerate(text.split("\n")):
            if k:
                out.append("")
            out += [pad + line for line in _wrap(paragraph, max(40, WIDTH - indent))]
        return out
    return [_quoted(text)]


class Emitter:
    def __init__(self, notes: dict[tuple, list[str]]):
        self.notes = notes
        self.out: list[str] = []

    def comment(self, path: tuple, indent: int) -> None:
        for note in self.notes.get(path, ()):
            for line in _wrap(note, max(40, WIDTH - indent - 2)):
                self.out.append(" " * indent + "# " + line)

    def mapping(self, data: dict, path: tuple, indent: int, first_prefix: str | None = None) -> None:
        for k, (key, value) in enumerate(data.items()):
            prefix = first_prefix if (k == 0 and first_prefix is not None) else " " * indent
            if k == 0 and first_prefix is not None:
                # A comment on the first key of a list item goes above the "- ".
                pass
            else:
                self.comment((*path, key), indent)
            self.entry(prefix + f"{key}:", value, (*path, key), indent)

    def entry(self, head: str, value, path: tuple, indent: int) -> None:
        if isinstance(value, dict):
            self.out.append(head)
            self.mapping(value, path, indent + INDENT)
        elif isinstance(value, list):
            flow = self._flow(value, WIDTH - len(head) - 1) if path[-1] in FLOW_KEYS else None
            if flow is not None:
                self.out.append(f"{head} {flow}")
                return
            self.out.append(head)
            self.sequence(value, path, indent + INDENT)
        else:
            lines = scalar(value, indent + INDENT, WIDTH - len(head) - 1)
            self.out.append(f"{head} {lines[0]}")
            self.out += lines[1:]

    def _flow(self, items: list, room: int) -> str | None:
        if not items or not all(isinstance(i, (str, int)) and not isinstance(i, bool) for i in items):
            return None
        parts = [scalar(i, 0, room, in_flow=True)[0] for i in items]
        text = "[" + ", ".join(parts) + "]"
        return text if len(text) <= room and all(len(str(i)) <= 60 for i in items) else None

    def sequence(self, items: list, path: tuple, indent: int) -> None:
        pad = " " * indent
        for i, item in enumerate(items):
            item_path = (*path, i)
            self.comment(item_path, indent)
            if isinstance(item, dict):
                self.comment((*item_path, next(iter(item), None)), indent)
                self.mapping(item, item_path, indent + INDENT, first_prefix=pad + "- ")
            elif isinstance(item, list):
                raise TypeError("no nested lists in a notice")
            else:
                lines = scalar(item, indent + INDENT, WIDTH - indent - 2)
                self.out.append(f"{pad}- {lines[0]}")
                self.out += lines[1:]


def dump(data: dict, notes: dict[tuple, list[str]], head: list[str], tail: list[str]) -> str:
    emitter = Emitter(notes)
    emitter.out += [f"# {line}" if line else "#" for line in head]
    for k, (key, value) in enumerate(data.items()):
        emitter.out.append("")
        emitter.comment((key,), 0)
        emitter.entry(f"{key}:", value, (key,), 0)
    if tail:
        emitter.out.append("")
        emitter.out += [f"# {line}" if line else "#" for line in tail]
    text = "\n".join(emitter.out).lstrip("\n") + "\n"
    return text
