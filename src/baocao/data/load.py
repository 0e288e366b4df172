"""Strict YAML → plain data (dicts, lists, str, None) with the source position of every field.

The loader trusts nothing: every scalar stays text (no YAML 1.1 typing, so ``so: 012`` stays
"012" and ``NO`` stays "NO"; an empty plain value becomes None), and it refuses what a clerk's
editor can produce by mistake or an attacker on purpose: duplicate keys, anchors and aliases
(the "billion laughs"), explicit tags, non-text keys, deep nesting, huge files, tabs used for
indentation, bytes that are not UTF-8, characters XML 1.0 cannot hold (the DOCX would be
corrupt) and Vietnamese typed in the legacy TCVN3 (ABC) or VNI encodings. Text comes out in
Unicode NFC. Every refusal is a :class:`~baocao.errors.DataError` naming file, line and column.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from baocao.data.text import check_text, check_value, decode, guess_field, shown_key, unprintable
from baocao.errors import DataError, Problem, os_reason
from baocao.files import NotRegularFile, open_regular

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40

Path_ = tuple[str | int, ...]
Mark = tuple[int, int]


@dataclass(frozen=True)
class LoadedDocument:
    """One loaded file: ``data`` is plain Python data, ``marks`` maps a field path such as
    ``("noi_dung", "khoan", 3, "diem", 1, "van_ban")`` (0-based list indexes) to the 1-based
    (line, column) of its key, or of the item itself inside a list. ``()`` is the whole file."""

    path: Path
    data: Any
    marks: dict[Path_, Mark] = field(default_factory=dict)

    def mark(self, path: Path_) -> Mark | None:
        """The mark of *path*, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path)


def format_path(path: Path_) -> str:
    """A field path as the user reads it: list positions are 1-based.

    >>> format_path(("noi_dung", "khoan", 3, "diem", 1, "van_ban"))
    'noi_dung.khoan[4].diem[2].van_ban'
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + (shown_key(part) or "…")
    return out


class _Refused(Exception):
    def __init__(self, message: str, mark: Any, path: Path_ = ()):
        super().__init__(message)
        self.message, self.mark, self.path = message, mark, path


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without implicit typing, aliases, anchors, tags or duplicate keys."""

    yaml_implicit_resolvers: dict = {}

    def __init__(self, stream: str):
        super().__init__(stream)
        self.field_marks: dict[Path_, Mark] = {}
        self._path: list[str | int] = []
        self._depth = 0

    # -- composing: refuse anchors, aliases, tags and depth before anything is built ---------
    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Refused(f"không dùng bí danh YAML ('*{event.anchor}'); hãy viết lại nội dung đầy đủ",
                           event.start_mark)
        if isinstance(event, NodeEvent) and event.anchor is not None:
            raise _Refused(f"không dùng mỏ neo YAML ('&{event.anchor}')", event.start_mark)
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise _Refused(f"không dùng thẻ kiểu YAML ('{tag}'); mọi giá trị đều được đọc là chữ",
                           event.start_mark)
        if not isinstance(event, CollectionStartEvent):
            return super().compose_node(parent, index)
        if self._depth >= MAX_DEPTH:
            raise _Refused(f"dữ liệu lồng quá sâu (tối đa {MAX_DEPTH} mức)", event.start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    # -- constructing: plain data, marks, checks ----------------------------------------------
    def construct_document(self, node: Node) -> Any:
        self.field_marks[()] = (node.start_mark.line + 1, node.start_mark.column + 1)
        return self._build(node)

    def _build(self, node: Node) -> Any:
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            items = []
            for i, child in enumerate(node.value):
                self._path.append(i)
                self.field_marks[tuple(self._path)] = (child.start_mark.line + 1, child.start_mark.column + 1)
                items.append(self._build(child))
                self._path.pop()
            return items
        assert isinstance(node, MappingNode)
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or not key_node.value.strip():
                raise _Refused("khóa phải là một tên khóa bằng chữ, không rỗng", key_node.start_mark,
                               tuple(self._path))
            key = self._scalar(key_node)
            if key in mapping:
                first = self.field_marks[(*self._path, key)]
                raise _Refused(f"khóa '{key}' bị lặp (đã có ở dòng {first[0]})", key_node.start_mark,
                               (*self._path, key))
            self._path.append(key)
            self.field_marks[tuple(self._path)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            mapping[key] = self._build(value_node)
            self._path.pop()
        return mapping

    def _scalar(self, node: ScalarNode) -> str | None:
        if node.style is None and node.value == "":
            return None
        problem = check_value(node.value)
        if problem:
            raise _Refused(problem, node.start_mark, tuple(self._path))
        value = unicodedata.normalize("NFC", node.value)
        found = unprintable(value)
        if found:
            index, message = found
            raise _Refused(message, self._mark_of(value[index], node), tuple(self._path))
        return value

    def _mark_of(self, ch: str, node: ScalarNode) -> Any:
        """The place of *ch* in the source when it is written there as is (not as an escape)."""
        where = self.buffer.find(ch, node.start_mark.index, node.end_mark.index)
        if where < 0:
            return node.start_mark
        line = self.buffer.count("\n", 0, where)
        return SimpleNamespace(line=line, column=where - (self.buffer.rfind("\n", 0, where) + 1))


_YAML_MESSAGES = (
    (re.compile(r"mapping values are not allowed here"),
     "dấu ':' không được phép ở đây; một giá trị chứa ': ' phải đặt trong ngoặc kép"),
    (re.compile(r"could not find expected ':'"), "thiếu dấu ':' sau tên khóa"),
    (re.compile(r"found character '\\t' that cannot start any token"),
     "ký tự Tab trong giá trị; hãy thay bằng dấu cách (hoặc đặt giá trị trong ngoặc kép)"),
    (re.compile(r"found character '(.)' that cannot start any token"),
     "giá trị không được bắt đầu bằng ký tự '{0}'; hãy đặt cả giá trị trong ngoặc kép (vd: \"{0}…\")"),
    (re.compile(r"expected <block end>, but found '<block mapping start>'"), "thụt lề không khớp với các dòng trên"),
    (re.compile(r"expected <block end>, but found '-'"), "thụt lề của mục danh sách '-' không khớp"),
    (re.compile(r"expected <block end>|did not find expected key|did not find expected '-' indicator"),
     "thụt lề hoặc cấu trúc không khớp với các dòng trên"),
    (re.compile(r"found unexpected end of stream"), "hết tệp mà chưa đóng dấu ngoặc kép/ngoặc vuông"),
    (re.compile(r"expected a single document"), "tệp chỉ được chứa một tài liệu YAML (bỏ dòng '---' thừa)"),
    (re.compile(r"found unknown escape character"), "chuỗi trong ngoặc kép có ký tự thoát '\\' không hợp lệ"),
    (re.compile(r"expected ',' or '\]'|expected ',' or '}'"),
     "danh sách/bảng viết trên một dòng thiếu dấu phẩy hoặc dấu đóng"),
    (re.compile(r"found unexpected ':'"), "dấu ':' không đúng chỗ"),
)


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    text = f"{error.context or ''} {error.problem or ''}"
    for pattern, message in _YAML_MESSAGES:
        m = pattern.search(text)
        if m:
            return "lỗi cú pháp YAML: " + message.format(*m.groups())
    return f"lỗi cú pháp YAML ({(error.problem or error.context or '').strip()})"


def load_text(text: str, path: str | Path = "<dữ liệu>") -> LoadedDocument:
    """Parse YAML text already decoded; see :func:`load`."""
    name = str(path)

    def fail(message: str, mark: Any = None, where: Path_ = ()) -> DataError:
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        field_name = format_path(where) or (guess_field(text, line) if line else "")
        return DataError(Problem(name, line, column, field_name, message))

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    check_text(text, name)
    loader = _StrictLoader(text)
    try:
        data = loader.get_single_data()
    except _Refused as refused:
        raise fail(refused.message, refused.mark, refused.path) from None
    except yaml.MarkedYAMLError as error:
        raise fail(_yaml_message(error), error.problem_mark or error.context_mark,
                   tuple(loader._path)) from None
    except yaml.YAMLError as error:  # reader errors carry no mark object
        raise fail(f"lỗi đọc YAML ({error})") from None
    finally:
        loader.dispose()
    return LoadedDocument(Path(path), data, loader.field_marks)


def load(path: str | Path) -> LoadedDocument:
    """Load one YAML file strictly. Raises DataError (never reads more than 2 MiB)."""
    name = str(path)
    try:
        stream, info = open_regular(path)
        with stream:
            if info.st_size > MAX_BYTES:
                raise DataError(Problem(name, None, None, "", _too_big(info.st_size)))
            raw = stream.read(MAX_BYTES + 1)
    except NotRegularFile as error:
        raise DataError(Problem(name, None, None, "", f"đây là {error.kind}, không phải tệp YAML thường")) from None
    except FileNotFoundError:
        raise DataError(Problem(name, None, None, "", "không tìm thấy tệp")) from None
    except IsADirectoryError:
        raise DataError(Problem(name, None, None, "", "đây là thư mục, không phải tệp YAML")) from None
    except OSError as error:
        raise DataError(Problem(name, None, None, "", f"không đọc được tệp ({os_reason(error)})")) from None
    if len(raw) > MAX_BYTES:
        raise DataError(Problem(name, None, None, "", _too_big(len(raw))))
    return load_text(decode(raw, name), path)


def _too_big(size: int) -> str:
    return (f"tệp quá lớn ({size / 1024 / 1024:.1f} MiB); tệp dữ liệu tối đa "
            f"{MAX_BYTES // 1024 // 1024} MiB")
