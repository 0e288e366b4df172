"""Pydantic errors → Vietnamese problems at the line of the offending field.

Pydantic reports a location (``loc``) such as ``('noi_nhan', 3, 'RecipientAgency', 'ghi_chux')``
and an English message. Here each error becomes one :class:`~baocao.errors.Problem`: the loc is
resolved against the raw data (union branch names dropped, a missing key pointing at its parent
mapping, an unknown key at its own line), and the error type is translated, with a
"có phải ý bạn là …?" hint for a misspelt key.
"""
from __future__ import annotations

import difflib
import re
import types
import typing
import unicodedata
from collections import defaultdict
from typing import Any

from pydantic import BaseModel, ValidationError

from baocao.data import model
from baocao.data.load import LoadedDocument, format_path
from baocao.data.text import shown_key
from baocao.errors import Problem

_MODELS = {name: cls for name, cls in vars(model).items()
           if isinstance(cls, type) and issubclass(cls, BaseModel)}
_BRANCH_NAMES = set(_MODELS) | {"str"}


def _short(value: Any, limit: int = 40) -> str:
    text = str(value)
    return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"


def _kind(value: Any) -> str:
    if value is None:
        return "để trống"
    if isinstance(value, dict):
        return "một bảng khóa"
    if isinstance(value, list):
        return "một danh sách"
    return f"chữ {_short(value)}"


def _folded(key: str) -> str:
    """ "Văn_Bản" → "van_ban": compare without diacritics and case."""
    text = unicodedata.normalize("NFD", key.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace(" ", "_")


def did_you_mean(word: str, choices: typing.Iterable[str]) -> str:
    """ " (có phải ý bạn là 'x'?)" for the closest choice, or "".

    >>> did_you_mean("văn_bản", ["van_ban", "luu"]), did_you_mean("THH", ["TH", "HC"])
    (" (có phải ý bạn là 'van_ban'?)", " (có phải ý bạn là 'TH'?)")
    """
    by_folded = {_folded(choice): choice for choice in choices}
    close = difflib.get_close_matches(_folded(word), list(by_folded), n=1, cutoff=0.6)
    if not close or by_folded[close[0]] == word:
        return ""
    return f" (có phải ý bạn là '{by_folded[close[0]]}'?)"


# -- walking the model classes along a loc ------------------------------------------------------

def _strip(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def _step(tp: Any, seg: Any) -> Any:
    tp = _strip(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        for field in tp.model_fields.values():
            if field.alias == seg:
                return field.annotation
        return None
    origin = typing.get_origin(tp)
    if origin is list and isinstance(seg, int):
        return typing.get_args(tp)[0]
    if origin is dict and isinstance(seg, str):
        return None if seg == "[key]" else typing.get_args(tp)[1]
    if origin in (typing.Union, types.UnionType) and seg in _MODELS:
        return _MODELS[seg]
    return None


def model_at(root: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class validating the mapping at *loc* (a pydantic loc), if any."""
    tp: Any = root
    for seg in loc:
        tp = _step(tp, seg)
        if tp is None:
            return None
    tp = _strip(tp)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def keys_of(cls: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in cls.model_fields.items()]


# -- from loc to a data path ----------------------------------------------------------------------

def _data_path(data: Any, loc: tuple) -> tuple[tuple, bool]:
    """(path into the raw data, whether the whole loc exists in the data)."""
    path: list = []
    for seg in loc:
        if seg in _BRANCH_NAMES and not (isinstance(data, dict) and seg in data):
            continue
        if seg == "[key]":
            return tuple(path), True
        if isinstance(data, dict) and seg in data:
            data = data[seg]
        elif isinstance(data, list) and isinstance(seg, int) and 0 <= seg < len(data):
            data = data[seg]
        else:
            return tuple(path + [seg]), False
        path.append(seg)
    return tuple(path), True


def _raw_at(data: Any, path: tuple) -> Any:
    for seg in path:
        data = data[seg]
    return data


def _choose_branches(errors: list[dict], data: Any) -> list[dict]:
    """Keep, for each value validated against a union, only the errors of the likely branch."""
    groups: dict[tuple, set[str]] = defaultdict(set)
    for error in errors:
        for i, seg in enumerate(error["loc"]):
            if isinstance(seg, str) and seg in _BRANCH_NAMES:
                groups[error["loc"][:i]].add(seg)
                break
    chosen: dict[tuple, str | None] = {}
    for prefix, branches in groups.items():
        path, exists = _data_path(data, prefix)
        raw = _raw_at(data, path) if exists else None
        if isinstance(raw, str):
            chosen[prefix] = "str" if "str" in branches else None
        elif isinstance(raw, dict):
            models = [b for b in branches if b in _MODELS]
            chosen[prefix] = max(models, key=lambda b: len(set(raw) & set(keys_of(_MODELS[b]))), default=None)
        else:
            chosen[prefix] = None
    kept, merged = [], set()
    for error in errors:
        loc = error["loc"]
        prefix = next((p for p in chosen if loc[: len(p)] == p and len(loc) > len(p)
                       and loc[len(p)] in _BRANCH_NAMES), None)
        if prefix is None:
            kept.append(error)
        elif chosen[prefix] is None:
            if prefix not in merged:
                merged.add(prefix)
                names = sorted(b for b in groups[prefix] if b in _MODELS)
                kept.append({"type": "union_shape", "loc": prefix, "input": error["input"],
                             "ctx": {"keys": [keys_of(_MODELS[n])[0] for n in names]}, "msg": ""})
        elif loc[len(prefix)] == chosen[prefix]:
            kept.append(error)
    return kept


# -- messages -------------------------------------------------------------------------------------

def _message(error: dict, root: type[BaseModel]) -> str:
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    loc = error["loc"]
    last = next((s for s in reversed(loc) if isinstance(s, str) and s not in _BRANCH_NAMES), "")
    if kind == "missing":
        return f"thiếu khóa bắt buộc '{loc[-1]}'"
    if kind == "extra_forbidden":
        key = shown_key(loc[-1])
        if key is None:
            return "khóa không có trong định dạng (dòng này không phải một khóa: có đúng là tệp thông báo?)"
        cls = model_at(root, loc[:-1])
        hint = did_you_mean(key, keys_of(cls)) if cls else ""
        return f"khóa không có trong định dạng: '{key}'{hint}"
    if kind == "value_error":
        return str(ctx.get("error", error.get("msg", ""))).removeprefix("Value error, ")
    if kind == "literal_error":
        allowed = str(ctx.get("expected", "")).replace(" or ", " hoặc ")
        return f"giá trị {_short(value)} không hợp lệ; chỉ nhận: {allowed}"
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == model.KEY_PATTERN:
            return (f"khóa cơ quan {_short(value)} không hợp lệ: chỉ dùng chữ thường không dấu, "
                    "chữ số và dấu '-' (vd: bo-cong-thuong)")
        if last == "ky_hieu":
            return f"ký hiệu {_short(value)} không đúng dạng (vd: TB-VPCP, TB-UBND)"
        return f"giá trị {_short(value)} không đúng dạng quy định"
    if kind == "union_shape":
        shapes = " hoặc ".join(["một dòng chữ"] + [f"bảng khóa có '{k}'" for k in ctx["keys"]])
        return f"cần {shapes}, nhận được {_kind(value)}"
    if kind in ("string_type", "str_type"):
        return "không được để trống" if value is None else f"cần một dòng chữ, nhận được {_kind(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"cần một bảng khóa (các dòng 'khóa: giá trị'), nhận được {_kind(value)}"
    if kind in ("list_type", "tuple_type"):
        return f"cần một danh sách (các dòng '- …'), nhận được {_kind(value)}"
    if kind == "too_short":
        return f"cần ít nhất {ctx.get('min_length', 1)} mục"
    if kind == "too_long":
        return (f"có {ctx.get('actual_length', '?')} mục, quá giới hạn {ctx.get('max_length')} mục "
                "(số La Mã chỉ viết được đến 3999); hãy chia thành nhiều phần")
    if kind == "string_too_short":
        return f"quá ngắn: cần ít nhất {ctx.get('min_length', 1)} ký tự"
    if kind in ("greater_than_equal", "greater_than"):
        return f"phải lớn hơn hoặc bằng {ctx.get('ge', ctx.get('gt'))}, nhận được {_short(value)}"
    if kind in ("less_than_equal", "less_than"):
        return f"phải nhỏ hơn hoặc bằng {ctx.get('le', ctx.get('lt'))}, nhận được {_short(value)}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"cần một số nguyên, nhận được {_kind(value)}"
    if kind in ("bool_parsing", "bool_type"):
        return f"cần true hoặc false, nhận được {_kind(value)}"
    if kind.startswith(("date_", "datetime_")):
        return f"ngày viết dạng YYYY-MM-DD (vd: 2026-01-16), nhận được {_kind(value)}"
    return f"giá trị không hợp lệ: {_kind(value)} (mã lỗi {kind})"


_WRAPPED_STR = re.compile(r"^function-(?:before|after|wrap|plain)\[.*, str\]$")


def _plain_branches(error: dict) -> dict:
    """A union branch of validated text ("function-before[_text(), str]") is the "str" branch."""
    loc = tuple("str" if isinstance(s, str) and _WRAPPED_STR.match(s) else s for s in error["loc"])
    return {**error, "loc": loc}


def translate(error: ValidationError, doc: LoadedDocument, root: type[BaseModel],
              prefix: tuple = ()) -> list[Problem]:
    """Every error of *error* as a Problem in *doc* (whose data at *prefix* was validated)."""
    data = _raw_at(doc.data, prefix)
    problems = []
    for item in _choose_branches([_plain_branches(e) for e in error.errors(include_url=False)], data):
        path, exists = _data_path(data, tuple(item["loc"]))
        full = prefix + path
        if exists or item["type"] == "extra_forbidden":
            mark = doc.mark(full)
        else:  # a missing key: the line of the mapping that should hold it
            mark = doc.mark(full[:-1])
        line, column = mark if mark else (None, None)
        problems.append(Problem(str(doc.path), line, column, format_path(full), _message(item, root)))
    return problems
