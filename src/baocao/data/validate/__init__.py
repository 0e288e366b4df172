"""Raw data → a typed :class:`~baocao.data.model.Notice`, collecting every problem before failing.

``load_notice`` runs, in order: the strict loader (:mod:`baocao.data.load`), the agency registry
``co-quan.yaml`` of the notice's folder, pydantic (each error translated to Vietnamese at the
line of its field, :mod:`baocao.data.messages`), the cross-field checks
(:mod:`baocao.data.validate.refs`), the layout settings and the "6 rõ" check on every assigned task
(:mod:`baocao.data.validate.tasks`). Errors of all stages are reported together in one DataError;
warnings come back with the notice.
"""
from __future__ import annotations

import functools
from pathlib import Path
from types import SimpleNamespace
from typing import Annotated

from pydantic import TypeAdapter, ValidationError
from pydantic_core import PydanticUndefined

from baocao.data.load import LoadedDocument, format_path, load
from baocao.data.messages import translate
from baocao.data.model import Notice, Registry
from baocao.data.registry import REGISTRY_FILE, load_registry, registry_for
from baocao.data.validate.refs import cross_check
from baocao.data.validate.tasks import (
    SIX_CLEAR,
    Assignment,
    iter_assignments,
    missing_clear,
)
from baocao.errors import DataError, Problem
from baocao.settings import TOP_KEY, settings_problems

__all__ = ["REGISTRY_FILE", "Assignment", "SIX_CLEAR", "iter_assignments", "load_notice",
           "load_registry", "missing_clear", "six_clear_problems"]

NOTICE_KEYS = ("van_ban", "noi_dung", "nguoi_ky", "noi_nhan", "luu")


def _top_mapping(doc: LoadedDocument, what: str, example: str) -> dict:
    name = str(doc.path)
    if doc.data is None:
        raise DataError(Problem(name, 1, 1, "", f"tệp rỗng: {what} cần các khóa {example}"))
    if not isinstance(doc.data, dict):
        shape = "một danh sách" if isinstance(doc.data, list) else "một dòng chữ"
        raise DataError(Problem(name, 1, 1, "", f"{what} phải là một bảng khóa ({example}), "
                                                f"không phải {shape}"))
    return doc.data


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0))


def six_clear_problems(notice: Notice | SimpleNamespace, registry: Registry | None, doc: LoadedDocument,
                       strict: bool = False) -> list[Problem]:
    """One warning (an error if *strict*) per task lacking any of the "6 rõ"."""
    problems = []
    for task in iter_assignments(notice):
        missing = missing_clear(task, registry)
        if missing and not task.co_lead:          # the bodies given one task together lack the same
            line, column = doc.mark(task.path) or (None, None)
            problems.append(Problem(str(doc.path), line, column, format_path(task.path),
                                    f"{task.position}: chưa rõ {', '.join(missing)} (6 rõ)", not strict))
    return problems


def load_notice(path: str | Path, registry: Registry | None = None, *,
                strict: bool = False) -> tuple[Notice, Registry, list[Problem]]:
    """Load and check one notice. Returns (notice, registry with ``co_quan_them`` added,
    warnings); raises DataError with every error (and warning) found otherwise.

    *registry* defaults to the packaged registry plus ``co-quan.yaml`` in the notice's folder. *strict* turns the "6 rõ"
    warnings into errors.
    """
    path = Path(path)
    doc = load(path)
    data = _top_mapping(doc, "tệp thông báo", ", ".join(NOTICE_KEYS))
    problems: list[Problem] = []
    base = registry if registry is not None else registry_for(path, problems)
    notice: Notice | None = None
    try:
        notice = Notice.model_validate(data)
    except ValidationError as error:
        problems += translate(error, doc, Notice)
    settings = data.get(TOP_KEY)
    if isinstance(settings, dict):
        problems += settings_problems(settings, doc)
    parts = notice if notice is not None else _valid_parts(data)
    combined = None
    if base is not None:
        combined = Registry(agencies={**base.agencies, **(parts.agencies or {})})
        problems += cross_check(parts, doc, base, combined)
    problems += six_clear_problems(parts, combined, doc, strict)
    if any(not p.warning for p in problems) or notice is None or combined is None:
        raise DataError(_sorted(problems))
    return notice, combined, _sorted(problems)


@functools.cache
def _part_adapter(name: str) -> TypeAdapter:
    field = Notice.model_fields[name]
    return TypeAdapter(Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation)


def _valid_parts(data: dict) -> SimpleNamespace:
    """The top-level parts of a notice that validate on their own (None for the others), so the
    cross-field checks can still look at them when another part is wrong."""
    parts = {}
    for name, field in Notice.model_fields.items():
        raw = data.get(field.alias, PydanticUndefined)
        try:
            if raw is PydanticUndefined:
                parts[name] = None if field.is_required() else field.get_default(call_default_factory=True)
            else:
                parts[name] = _part_adapter(name).validate_python(raw)
        except (ValidationError, TypeError, ValueError):
            parts[name] = None
    return SimpleNamespace(**parts)

