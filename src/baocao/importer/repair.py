"""What the validator refuses in recognised data is taken back, not guessed again.

Recognition reads leads, coordinators, deadlines and Nơi nhận bodies from words; when baocao's
own checks disagree (a coordinator the words name in a form the check does not see, a body that
did not exist on the notice's day as a Nơi nhận entry …), the datum is dropped, the words stay
as written, and a ``# kiểm tra lại`` comment says what was dropped and why. Only such data is
ever removed; any other refusal is reported as it is.
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from baocao.data.model import Registry
from baocao.errors import DataError, Problem
from baocao.importer.emit_yaml import dump
from baocao.importer.recognise import Imported

ROUNDS = 4


def parse_field(field: str) -> tuple:
    """'noi_dung.khoan[4].phoi_hop[2]' → ("noi_dung", "khoan", 3, "phoi_hop", 1)."""
    return tuple(int(i) - 1 if i else key for key, i in re.findall(r"([^.\[\]]+)|\[(\d+)\]", field))


def _errors(imported: Imported, registry: Registry) -> list[Problem]:
    from baocao.data.validate import load_notice

    with tempfile.TemporaryDirectory(prefix="baocao-nhap-") as folder:
        path = Path(folder) / "thong-bao.yaml"
        path.write_text(dump(imported.data, {}, [], []), encoding="utf-8")
        try:
            load_notice(path, registry)
        except DataError as error:
            return [p for p in error.problems if not p.warning]
    return []


def _node(data, path: tuple):
    for part in path:
        if isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        elif isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return None
    return data


def _drop(imported: Imported, path: tuple, why: str, names: dict[str, str]) -> bool:
    *where, key = path if not isinstance(path[-1], int) else path[:-1]
    index = path[-1] if isinstance(path[-1], int) else None
    node = _node(imported.data, tuple(where))
    if not isinstance(node, dict) or key not in node:
        return False
    note = (tuple(where), [])
    if key == "chu_tri":
        dropped = [node.pop(k) for k in ("chu_tri", "phoi_hop", "phoi_hop_them") if k in node][0]
        note[1].append(f"kiểm tra lại: đã bỏ cơ quan chủ trì «{dropped}» đọc được từ câu chữ ({why})")
    elif key in ("phoi_hop", "thoi_han") and isinstance(node[key], list) and index is not None:
        dropped = node[key].pop(index)
        if not node[key]:
            del node[key]
        note[1].append(f"kiểm tra lại: đã bỏ «{dropped}» khỏi {key} ({why})")
    elif key in ("phoi_hop", "thoi_han", "bao_cao", "ky_hieu"):
        dropped = node.pop(key)
        note[1].append(f"kiểm tra lại: đã bỏ {key} «{dropped}» ({why})")
    elif key == "co_quan" and where and where[0] == "noi_nhan":
        parent = _node(imported.data, tuple(where[:-1]))
        name = names.get(node["co_quan"], node["co_quan"])
        parent[where[-1]] = f"{name} ({node['ghi_chu']})" if node.get("ghi_chu") else name
        note = (tuple(where[:-1]), [f"kiểm tra lại: mục Nơi nhận ghi bằng chữ ({why})"])
    else:
        return False
    imported.notes.setdefault(note[0], []).extend(note[1])
    return True


def settle(imported: Imported, registry: Registry) -> None:
    """Take back the recognised data the validator refuses, a few rounds at most."""
    added = imported.data.get("co_quan_them", {})
    names = {**{k: a.name for k, a in registry.agencies.items()}, **{k: a["ten"] for k, a in added.items()}}
    for _ in range(ROUNDS):
        errors = _errors(imported, registry)
        dropped = [_drop(imported, parse_field(p.field), p.message, names) for p in errors if p.field]
        if not any(dropped):
            return
