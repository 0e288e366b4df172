"""Walking the body of a notice: every node with its data path, its kind and its ancestors.

Kinds, from the outside in: ``phan`` (I.), ``khoan`` (1.), ``diem`` (a)), ``gach`` ("- "),
``cong`` ("+ "), ``y`` ((i), inline) and ``doan`` (an unnumbered paragraph that may carry an
assignment of its own). Children are visited in the order the document prints them: ý first
(they continue the node's paragraph), then the other lists in the order the data writes them.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from baocao.data.model import Body, Item, Notice, _Node
from baocao.vi.numbering import diem_letter, roman, sub_point_label

# (YAML key, attribute, kind) of the child lists, in print order.
CHILDREN = (("y", "sub_points", "y"), ("doan", "paragraphs", "doan"), ("khoan", "clauses", "khoan"),
            ("diem", "points", "diem"), ("gach", "dashes", "gach"), ("cong", "pluses", "cong"))
KIND_WORDS = {"phan": "phần", "khoan": "khoản", "diem": "điểm", "gach": "ý gạch đầu dòng", "cong": "ý dấu cộng",
              "y": "ý", "doan": "đoạn"}


@dataclass(frozen=True)
class Visit:
    """One node: ``path`` is its data path (``("noi_dung", "khoan", 4, "diem", 1)``), ``index``
    its 1-based place among its siblings of the same kind, ``position`` the same for a reader
    ("khoản 5, điểm b, ý (i)"), ``parents`` the nodes around it, outermost first."""

    node: _Node
    kind: str
    index: int
    path: tuple
    position: tuple[str, ...]
    parents: tuple[_Node, ...]

    @property
    def item(self) -> Item | None:
        return self.node if isinstance(self.node, Item) else None


def label(kind: str, index: int) -> str:
    """The number printed before a node: "I.", "1.", "a)", "(i)", "-", "+"; nothing for a paragraph."""
    if kind == "phan":
        return f"{roman(index)}."
    if kind == "khoan":
        return f"{index}."
    if kind == "diem":
        return f"{diem_letter(index)})" if index <= 23 else f"{index})"
    if kind == "y":
        return sub_point_label(index)
    return {"gach": "-", "cong": "+"}.get(kind, "")


def _word(kind: str, index: int) -> str:
    if kind == "phan":
        return f"phần {roman(index)}"
    if kind in ("gach", "cong", "doan"):
        return f"{KIND_WORDS[kind]} thứ {index}"
    return f"{KIND_WORDS[kind]} {label(kind, index).rstrip('.)')}" if kind != "y" else f"ý {label(kind, index)}"


def children(node: _Node) -> Iterator[tuple[str, str, int, _Node]]:
    """(YAML key, kind, 1-based index, child) of every child of *node*, in print order: ý first
    (they continue the node's paragraph), then the lists in the order the data writes them."""
    by_key = {key: (attr, kind) for key, attr, kind in CHILDREN}
    written = [k for k in node.child_order if k != "y"]
    order = ["y", *written, *(key for key, _a, _k in CHILDREN if key != "y" and key not in written)]
    for key in order:
        attr, kind = by_key[key]
        for i, child in enumerate(getattr(node, attr, None) or (), 1):
            yield key, kind, i, child


def walk_node(node: _Node, kind: str, index: int, path: tuple, position: tuple[str, ...],
              parents: tuple[_Node, ...]) -> Iterator[Visit]:
    yield Visit(node, kind, index, path, position, parents)
    for key, child_kind, i, child in children(node):
        yield from walk_node(child, child_kind, i, (*path, key, i - 1), (*position, _word(child_kind, i)),
                             (*parents, node))


def walk(notice: Notice | object) -> Iterator[Visit]:
    """Every node of the body, in document order (the body itself not included)."""
    body: Body | None = getattr(notice, "body", None)
    if body is None:  # a namespace of validated parts without a valid body
        return
    root = ("noi_dung",)
    for i, section in enumerate(body.sections, 1):
        yield from walk_node(section, "phan", i, (*root, "phan", i - 1), (_word("phan", i),), (body,))
    for key, kind, i, child in children(body):
        yield from walk_node(child, kind, i, (*root, key, i - 1), (_word(kind, i),), (body,))
