"""The running text of a notice → ``mo_dau``, ``noi_dung`` and the closing, as baocao data.

The opening is every paragraph up to the one that announces the content ("… kết luận như
sau:", "… thông báo:"), or the "Căn cứ …" paragraphs before the first khoản; the closing is the
run of paragraphs at the end that say the notice is given ("… thông báo để … biết, thực
hiện./."). Between them, the tree of :mod:`body_tree` becomes nodes whose words are kept as
written (``cach_giao: nguyen-van``) and whose assignments (:mod:`recognise_tasks`) become data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from baocao.importer import sub_points
from baocao.importer.body_tree import Node, build
from baocao.importer.casing import Recaser
from baocao.importer.recognise_tasks import TaskReader
from baocao.importer.source import Line

OPENING_END = re.compile(r"(?:như\s+sau|sau\s+đây|thông\s+báo|kết\s+luận|chỉ\s+đạo|cụ\s+thể|sau)\s*:$", re.IGNORECASE)
OPENING_WORDS = re.compile(r"^(?:Căn cứ|Thực hiện|Theo|Xét|Kính gửi|Ngày \d|Vào|Sau khi|Tham dự)(?!\w)")
CLOSING = re.compile(r"(?<!\w)thông\s+báo(?!\w).*(?<!\w)(?:biết|thực\s+hiện)(?!\w)|trân\s+trọng\s+thông\s+báo"
                     r"|xin\s+thông\s+báo|thông\s+báo\s*\./\.$", re.IGNORECASE | re.S)
HEADING_WORDS = 30
KEYS = {"phan": "phan", "khoan": "khoan", "diem": "diem", "gach": "gach", "cong": "cong", "doan": "doan"}
DEFAULT_STYLE = {"phan": "dam", "khoan": "dam"}
ENDS = (".", ";", ":", "!", "?", "…")


@dataclass
class Body:
    opening: list[str] = field(default_factory=list)
    content: dict = field(default_factory=dict)
    closing: list[str] = field(default_factory=list)
    notes: dict = field(default_factory=dict)           # data path → comments
    tasks: int = 0


def split_frame(lines: list[Line]) -> tuple[list[Line], list[Line], list[Line]]:
    """(opening, content, closing) paragraphs of the running text."""
    lines = list(lines)
    closing: list[Line] = []
    while len(lines) > 1 and len(closing) < 3 and CLOSING.search(lines[-1].text) and len(lines[-1].text.split()) <= 70:
        closing.insert(0, lines.pop())
    numbered = next((i for i, line in enumerate(lines) if re.match(r"^(?:[IVX]+|\d{1,2})\.\s", line.text)), len(lines))
    announce = next((i for i, line in enumerate(lines[:numbered]) if OPENING_END.search(line.text)), None)
    if announce is not None and announce + 1 < len(lines):
        cut = announce + 1
    elif numbered < len(lines) and all(OPENING_WORDS.match(line.text) for line in lines[:numbered]):
        cut = numbered
    else:
        cut = 1 if lines and lines[0].text.startswith("Kính gửi") and len(lines) > 1 else 0
    return lines[:cut], lines[cut:], closing


def style_of(line: Line) -> str | None:
    if line.bold is None and line.italic is None:
        return None
    bold, italic = bool(line.bold), bool(line.italic)
    return "dam-nghieng" if bold and italic else "dam" if bold else "nghieng" if italic else "thuong"


class BodyReader:
    def __init__(self, reader: TaskReader, recaser: Recaser):
        self.reader = reader
        self.recaser = recaser
        self.notes: dict[tuple, list[str]] = {}
        self.tasks = 0

    def note(self, path: tuple, text: str) -> None:
        self.notes.setdefault(path, []).append(text)

    def read(self, lines: list[Line]) -> Body:
        opening, content, closing = split_frame(lines)
        body = Body(opening=[line.text for line in opening], closing=[line.text for line in closing])
        if opening and opening[0].text.startswith("Kính gửi"):
            self.note(("mo_dau",), "kiểm tra lại: dòng «Kính gửi» không có chỗ riêng trong định dạng thông báo; "
                                   "giữ nguyên văn ở đầu phần mở đầu")
        root = build(content)
        data = {"cach_giao": "nguyen-van"}
        data.update(self.node(root, ("noi_dung",), None))
        body.content = data
        body.notes = self.notes
        body.tasks = self.tasks
        return body

    # --- one node -----------------------------------------------------------------------------
    def node(self, node: Node, path: tuple, inherited: str | None) -> dict:
        for text in node.notes:
            self.note(path, "kiểm tra lại: " + text)
        data: dict = {}
        before, after, children = node.texts_before(), node.texts_after(), node.children()
        has_more = bool(before or children or after)
        own: list[str] = []
        title_line = None
        if node.head is not None and node.head.text:
            if node.kind == "phan" or self._heading(node.head, node.kind, has_more):
                title_line = node.head
            else:
                own.append(node.head.text)
        as_paragraphs = any(self.reader.lead(line.text) for line in before) or \
            (node.kind == "body" and any(sub_points.split(line.text) for line in before))
        if not as_paragraphs:
            own += [line.text for line in before]
        split = None
        if own and node.kind not in ("body", "phan") and not (after and self._needs_paragraphs(after)):
            split = sub_points.split(own[-1], self._new_subject)
            if split is not None:
                own[-1] = split.head
        title = None
        if title_line is not None:
            title = self.recaser.recase(title_line.text) if node.kind == "phan" else title_line.text
            data["tieu_de"] = title
            style = style_of(title_line)
            if style and node.kind != "phan" and style != DEFAULT_STYLE.get(node.kind, "thuong"):
                data["kieu_tieu_de"] = style
        if own:
            data["van_ban"] = own if len(own) > 1 else own[0]
        lead = self._assignment(data, [*([title] if title else []), *own], path, inherited)
        current = lead or inherited
        if split is not None:
            data["y"] = [self._point(p, (*path, "y", i), current) for i, p in enumerate(split.points)]
        paragraphs = [Node("doan", line) for line in before] if as_paragraphs else []
        groups: dict[str, list[Node]] = {}
        if paragraphs:
            groups["doan"] = paragraphs
        for child in children:
            groups.setdefault(KEYS[child.kind], []).append(child)
        tail = [split.tail] if split is not None and split.tail else []
        if after:
            if self._needs_paragraphs(after) and "doan" not in groups:
                groups["doan"] = [Node("doan", line) for line in after]
            else:
                tail += [line.text for line in after]
                if self._needs_paragraphs(after):
                    self.note(path, "kiểm tra lại: đoạn sau các mục con có giao việc nhưng được giữ như câu văn (sau)")
        if node.kind == "body" and not (groups or own or tail):
            data["van_ban"] = "…"
            self.note(path, "kiểm tra lại: văn bản gốc không có nội dung giữa phần mở đầu và câu kết")
        for key, nodes in groups.items():
            data[key] = [self._child(child, (*path, key, i), current) for i, child in enumerate(nodes)]
        if tail:
            data["sau"] = tail if len(tail) > 1 else tail[0]
        return data

    def _child(self, node: Node, path: tuple, inherited: str | None):
        data = self.node(node, path, inherited)
        return data["van_ban"] if set(data) == {"van_ban"} and isinstance(data["van_ban"], str) else data

    def _point(self, text: str, path: tuple, inherited: str | None):
        data: dict = {"van_ban": text}
        self._assignment(data, [text], path, inherited)
        return text if len(data) == 1 else data

    # --- decisions ------------------------------------------------------------------------------
    def _heading(self, line: Line, kind: str, has_more: bool) -> bool:
        """Is the node's first line a heading over what follows rather than its first paragraph?"""
        text = line.text
        if not has_more or len(text.split()) > HEADING_WORDS or re.search(r"\(i\)\s", text):
            return False
        if line.bold or line.italic:
            return True
        if text.endswith(":"):
            return kind not in ("khoan", "phan") or line.bold is False
        return not text.endswith(ENDS) and len(text.split()) <= 25

    def _needs_paragraphs(self, lines: list[Line]) -> bool:
        return any(self.reader.lead(line.text) for line in lines)

    def _new_subject(self, rest: str) -> bool:
        lead = self.reader.lead(rest)
        return lead is not None and not lead[2]

    def _assignment(self, data: dict, texts: list[str], path: tuple, inherited: str | None) -> str | None:
        if not texts:
            return None
        found = self.reader.read("\n".join(texts), inherited)
        current = found.lead or inherited
        if found.lead:
            data["chu_tri"] = found.lead
            if found.co_leads:
                data["dong_chu_tri"] = found.co_leads
            if found.coordinators:
                data["phoi_hop"] = found.coordinators
            if found.extra:
                data["phoi_hop_them"] = found.extra
        if found.deadlines:
            if current:
                data["thoi_han"] = [str(d) for d in found.deadlines] if len(found.deadlines) > 1 else str(found.deadlines[0])
            else:
                self.note(path, "kiểm tra lại: có thời hạn ("
                          + ", ".join(d.phrase() for d in found.deadlines) + ") nhưng không rõ cơ quan chủ trì")
        if found.report_to and current and found.report_to != current:
            data["bao_cao"] = found.report_to
        if current and (found.lead or found.deadlines):
            self.tasks += 1
        return found.lead
