"""Which notices a build covers, and the output folder each one gets.

A notice is any ``*.yaml`` file under the given paths (folders searched recursively, hidden
folders and the output folder skipped) except the agency registry ``co-quan.yaml``, the settings
``cai-dat.yaml`` and progress files ``<notice>.tien-do.yaml``. Its outputs go to
``<out>/<slug>/`` where the slug is the file name without ``.yaml`` made into lower-case ASCII
letters, digits and hyphens; a name that gives no slug, or two files giving the same slug, is an
error naming the files, so no notice can overwrite another's outputs or write outside ``--out``.
"""
from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from baocao.project_files import PROGRESS_SUFFIX, REGISTRY_FILE, SETTINGS_FILE, progress_path

NOTICE_SUFFIX = ".yaml"
RESERVED = {"tong-hop": "báo cáo tổng hợp"}   # output folders that are not a notice's


def is_notice_file(name: str) -> bool:
    return (name.endswith(NOTICE_SUFFIX) and name not in (REGISTRY_FILE, SETTINGS_FILE)
            and not name.endswith(PROGRESS_SUFFIX))


def slug_of(path: Path) -> str:
    """The output folder name of a notice file: ASCII, lower case, hyphens ("đ" becomes "d").

    >>> slug_of(Path("data/Thông báo 15 TB-VPCP.yaml"))
    'thong-bao-15-tb-vpcp'
    >>> slug_of(Path("data/...yaml"))
    ''
    """
    from slugify import slugify

    return slugify(unicodedata.normalize("NFC", path.name[: -len(NOTICE_SUFFIX)]))


@dataclass(frozen=True)
class NoticeSource:
    """One notice file and the files beside it that its outputs depend on."""

    path: Path      # as given or found, for messages
    slug: str

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def registry_file(self) -> Path:
        return self.folder / REGISTRY_FILE

    @property
    def settings_file(self) -> Path:
        return self.folder / SETTINGS_FILE

    @property
    def progress_file(self) -> Path:
        return progress_path(self.path)


class SourceError(Exception):
    """A path or file name problem found before anything is read; ``paths`` are the files named."""

    def __init__(self, message: str, paths: tuple[Path, ...] = ()):
        super().__init__(message)
        self.paths = paths


def _walk(folder: Path, skip: Path | None) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and (skip is None or os.path.abspath(here / d) != str(skip)))
        found += [here / name for name in sorted(files) if is_notice_file(name)]
    return found


def discover(items: list[str], out: Path) -> tuple[list[NoticeSource], list[SourceError]]:
    """The notices under *items* in a stable order, and the problems that keep some from being
    built (a missing path, a name without a slug, two names with one slug)."""
    skip = Path(os.path.abspath(out))
    problems: list[SourceError] = []
    paths: list[Path] = []
    seen: set[str] = set()
    for item in items:
        path = Path(item)
        if path.is_dir():
            candidates = _walk(path, skip)
        elif path.is_file():
            candidates = [path] if is_notice_file(path.name) or not path.name.endswith(NOTICE_SUFFIX) else []
        else:
            problems.append(SourceError(f"{item}: không tìm thấy tệp hoặc thư mục", (path,)))
            continue
        for candidate in candidates:
            key = os.path.realpath(candidate)
            if key not in seen:
                seen.add(key)
                paths.append(candidate)
    by_slug: dict[str, list[Path]] = {}
    for path in paths:
        if not path.name.endswith(NOTICE_SUFFIX):
            problems.append(SourceError(f"{path}: tệp thông báo phải có đuôi .yaml", (path,)))
            continue
        slug = slug_of(path)
        if slug in RESERVED:
            problems.append(SourceError(f"{path}: tên '{slug}' dành cho thư mục kết quả {RESERVED[slug]}; hãy đổi "
                                        "tên tệp", (path,)))
            continue
        if not slug:
            problems.append(SourceError(
                f"{path}: tên tệp không cho được tên thư mục kết quả (cần có chữ hoặc số); hãy đổi tên tệp",
                (path,)))
            continue
        by_slug.setdefault(slug, []).append(path)
    sources = []
    for slug, group in by_slug.items():
        if len(group) > 1:
            names = " và ".join(str(p) for p in group)
            problems.append(SourceError(
                f"{names} cùng cho thư mục kết quả '{slug}/': đổi tên một tệp để kết quả không ghi đè lên nhau",
                tuple(group)))
            continue
        sources.append(NoticeSource(group[0], slug))
    return sorted(sources, key=lambda s: str(s.path)), problems
