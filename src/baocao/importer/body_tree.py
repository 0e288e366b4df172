"""The running text as a tree: phần "I.", khoản "1.", điểm "a)", "- " and "+ " items, and the
unnumbered paragraphs in the node they belong to, and "(1)", "(2)" … paragraphs (kept with their
number in their words, as unnumbered paragraphs that may hold "- " items).

A numbered paragraph opens a node only where the format can print the same number again: the
next khoản of its phần, the next letter of its khoản, a phần only at the top. Anything else (a
list restarting at "1." inside a điểm, "a." with a full stop, "1.1.") stays a paragraph, its
number written in its words, so nothing is renumbered. An unnumbered paragraph belongs to the
node above it, except after an item that ended its sentence, where it goes back to the
enclosing node; paragraphs that would sit between two children of one node go to the child
before them, which prints them in the same place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from baocao.importer.source import Line
from baocao.vi.numbering import diem_letter, roman

MARKER = re.compile(r"^(?:(?P<phan>[IVXL]+)\.|(?P<khoan>\d{1,2})\.|(?P<diem>[a-zđ])\)|\((?P<doan>\d{1,2})\)"
                    r"|(?P<gach>[-–])|(?P<cong>\+))[ \t]+(?P<rest>\S.*)$", re.S)
# "(1) Bộ Y tế …" paragraphs: the format has no such numbering, so each is an unnumbered
# paragraph (doan) that keeps "(1)" in its words, with its "- " items under it.
LEVEL = {"body": 0, "phan": 1, "khoan": 2, "diem": 3, "doan": 3.5, "gach": 4, "cong": 5}
ENDS_SENTENCE = (".", ";", "!", "?", "./.")


@dataclass
class Node:
    kind: str
    head: Line | None = None                      # the text after the number, on the same line
    entries: list = field(default_factory=list)   # ("text", Line) or ("node", Node), in order
    counts: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def children(self) -> list["Node"]:
        return [e for k, e in self.entries if k == "node"]

    def texts_before(self) -> list[Line]:
        out = []
        for kind, entry in self.entries:
            if kind == "node":
                break
            out.append(entry)
        return out

    def texts_after(self) -> list[Line]:
        out: list[Line] = []
        for kind, entry in reversed(self.entries):
            if kind == "node":
                break
            out.insert(0, entry)
        return out if self.children() else []


def _expected(parent: Node, kind: str) -> str:
    n = parent.counts.get(kind, 0) + 1
    return {"phan": roman(n), "khoan": str(n), "diem": diem_letter(n) if n <= 23 else "",
            "doan": str(n)}.get(kind, "")


def _opens(parent: Node, kind: str, number: str, line: Line) -> bool:
    if kind == "phan":
        # A phần title is in capitals or bold, or at least a short line that ends no sentence
        # (baocao prints it in capitals either way).
        title = line.text.split(None, 1)[-1]
        return parent.kind == "body" and not parent.counts.get("khoan") and number == _expected(parent, kind) \
            and (line.bold or _mostly_upper(line.text) or (len(title.split()) <= 20 and not title.endswith(ENDS_SENTENCE + (":",))))
    if kind == "khoan":
        return parent.kind in ("body", "phan") and number == _expected(parent, kind)
    if kind == "diem":
        return parent.kind == "khoan" and number == _expected(parent, kind)
    if kind == "doan":
        return number == _expected(parent, kind)
    return True


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.6 * len(letters)


def build(lines: list[Line]) -> Node:
    root = Node("body")
    stack = [root]
    for line in lines:
        m = MARKER.match(line.text)
        if m:
            kind = next(k for k in LEVEL if k != "body" and m.group(k) is not None)
            path = list(stack)
            while LEVEL[path[-1].kind] >= LEVEL[kind]:
                path.pop()
            parent = path[-1]
            if _opens(parent, kind, m.group(kind), line):
                head = line.text.strip() if kind == "doan" else m.group("rest").strip()
                node = Node(kind, Line(head, line.bold, line.italic, line.centred))
                parent.entries.append(("node", node))
                parent.counts[kind] = parent.counts.get(kind, 0) + 1
                stack = [*path, node]
                continue
            if kind in ("phan", "khoan", "diem", "doan"):
                stack[-1].notes.append(f"«{line.text[:40]}…»: số thứ tự không nối tiếp mục trước, giữ nguyên như "
                                       "một đoạn văn (số ghi trong câu chữ)")
        while len(stack) > 1 and _closed(stack[-1]):
            stack.pop()
        stack[-1].entries.append(("text", line))
    _settle(root)
    return root


def _closed(node: Node) -> bool:
    """An item whose own line ended its sentence takes no further paragraphs."""
    return node.head is not None and not node.children() and not node.texts_before() \
        and node.head.text.endswith(ENDS_SENTENCE) and node.kind in ("gach", "cong")


def _settle(node: Node) -> None:
    """Paragraphs between two children go to the child before them (printed in the same place)."""
    out: list = []
    pending: list = []
    last: Node | None = None
    for kind, entry in node.entries:
        if kind == "node":
            if pending and last is not None:
                last.entries += pending
            elif pending:
                out += pending
            pending = []
            out.append((kind, entry))
            last = entry
        elif last is None:
            out.append((kind, entry))
        else:
            pending.append((kind, entry))
    node.entries = out + pending
    for child in node.children():
        _settle(child)
