"""The agency registry: the national one that ships with baocao, extended by a project's own.

The packaged files (``src/baocao/registry/*.yaml``) hold the Government, the ministries and
ministerial-level agencies, VPCP's units, the provinces and their People's Committees — the
current ones and those that existed before the 2025 reorganisation, each with its validity dates.
A project's ``co-quan.yaml`` beside its notices adds bodies and overrides packaged ones key by
key; a notice file outside any project validates against the packaged registry alone.
"""
from __future__ import annotations

import functools
from pathlib import Path

from pydantic import ValidationError

from baocao.data.load import LoadedDocument, format_path, load
from baocao.data.messages import did_you_mean, translate
from baocao.data.model import Registry
from baocao.errors import DataError, Problem
from baocao.project_files import REGISTRY_FILE

PACKAGED = Path(__file__).resolve().parents[1] / "registry"


def _top_mapping(doc: LoadedDocument) -> dict:
    name = str(doc.path)
    if not isinstance(doc.data, dict):
        shape = "tệp rỗng" if doc.data is None else ("một danh sách" if isinstance(doc.data, list) else "một dòng chữ")
        raise DataError(Problem(name, 1, 1, "", f"danh mục cơ quan phải là một bảng khóa ('co_quan:'), không phải {shape}"))
    return doc.data


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0))


def check_links(registry: Registry, known: dict, doc: LoadedDocument) -> list[Problem]:
    """Parents (chu_quan) and successors (thay_boi) must be known bodies; dates in order."""
    problems = []

    def report(path: tuple, message: str) -> None:
        line, column = doc.mark(path) or (None, None)
        problems.append(Problem(str(doc.path), line, column, format_path(path), message))

    for key, agency in registry.agencies.items():
        if agency.parent is not None and agency.parent not in known:
            report(("co_quan", key, "chu_quan"),
                   f"cơ quan chủ quản '{agency.parent}' không có trong danh mục{did_you_mean(agency.parent, known)}")
        if agency.parent == key:
            report(("co_quan", key, "chu_quan"), "một cơ quan không thể là chủ quản của chính nó")
        for i, successor in enumerate(agency.successors):
            if successor not in known:
                report(("co_quan", key, "thay_boi", i),
                       f"cơ quan '{successor}' không có trong danh mục{did_you_mean(successor, known)}")
        if agency.valid_from and agency.valid_to and agency.valid_from > agency.valid_to:
            report(("co_quan", key, "den_ngay"), "'den_ngay' trước 'tu_ngay'")
    return problems


def _read(path: Path) -> tuple[Registry, LoadedDocument]:
    doc = load(path)
    try:
        return Registry.model_validate(_top_mapping(doc)), doc
    except ValidationError as error:
        raise DataError(_sorted(translate(error, doc, Registry))) from None


@functools.cache
def national_registry() -> Registry:
    """The packaged registry (read once per process)."""
    agencies: dict = {}
    docs = []
    for path in sorted(PACKAGED.glob("*.yaml")):
        registry, doc = _read(path)
        agencies.update(registry.agencies)
        docs.append((registry, doc))
    problems = [p for registry, doc in docs for p in check_links(registry, agencies, doc)]
    if problems:
        raise DataError(_sorted(problems))
    return Registry(agencies=agencies)


def load_registry(path: str | Path, base: Registry | None = None) -> Registry:
    """A project's registry file over *base* (default: the packaged registry); DataError listing
    every problem of the file."""
    base = national_registry() if base is None else base
    registry, doc = _read(Path(path))
    merged = {**base.agencies, **registry.agencies}
    problems = check_links(registry, merged, doc)
    if problems:
        raise DataError(_sorted(problems))
    return Registry(agencies=merged)


def registry_for(notice_path: Path, problems: list[Problem]) -> Registry | None:
    """The packaged registry plus the ``co-quan.yaml`` beside *notice_path*, if there is one.
    Problems of that file are added to *problems* (and None returned)."""
    project = notice_path.parent / REGISTRY_FILE
    try:
        if project.is_file():
            return load_registry(project)
        return national_registry()
    except DataError as error:
        problems.extend(error.problems)
        return None
