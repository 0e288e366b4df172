"""The Jinja environment: templates only from the templates folder, strict about undefined names.

Wording macros (templates/wording.j2) return plain text for the document model; the HTML template
(notice.html.j2) is rendered with autoescape on.
"""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

import jinja2
from babel.lists import format_list

from baocao import vi
from baocao.errors import TemplateError

PACKAGE_TEMPLATES = Path(__file__).resolve().parents[3] / "templates"


def templates_dir(explicit: str | os.PathLike | None = None) -> Path:
    """An explicit folder, else ./templates, else the project's own templates folder."""
    for candidate in (explicit, Path.cwd() / "templates", PACKAGE_TEMPLATES):
        if candidate and (Path(candidate) / "wording.j2").is_file():
            return Path(candidate).resolve()
    raise TemplateError(f"Không tìm thấy thư mục mẫu (templates/) có wording.j2: {explicit or PACKAGE_TEMPLATES}")


def join_vi(items: list[str]) -> str:
    """"A, B và C" as CLDR's vi list pattern says."""
    items = [str(i) for i in items if i]
    return format_list(items, locale="vi") if items else ""


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


@functools.lru_cache(maxsize=8)
def environment(folder: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2", "xml"), default=False),
        keep_trailing_newline=False,
    )
    env.filters.update(vi.FILTERS)
    env.filters.update(join_vi=join_vi, capitalize_first=capitalize_first)
    env.globals.update(vi.FILTERS)
    return env


def _fold(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text)).strip()


class Wording:
    """Calls the macros of wording.j2, turning template failures into TemplateError."""

    def __init__(self, folder: Path):
        self.folder = folder
        try:
            self._module = environment(folder).get_template("wording.j2").module
        except jinja2.TemplateError as exc:
            raise TemplateError(_describe(exc, folder)) from None

    def __getattr__(self, name: str):
        macro = getattr(self._module, name, None)
        if macro is None:
            raise TemplateError(f"{self.folder / 'wording.j2'}: thiếu macro '{name}'")

        def call(*args: Any) -> str:
            try:
                return _fold(macro(*args))
            except jinja2.TemplateError as exc:
                raise TemplateError(_describe(exc, self.folder)) from None

        return call


def render_template(folder: Path, name: str, **context: Any) -> str:
    try:
        return environment(folder).get_template(name).render(**context)
    except jinja2.TemplateError as exc:
        raise TemplateError(_describe(exc, folder)) from None


def _describe(exc: jinja2.TemplateError, folder: Path) -> str:
    where = getattr(exc, "filename", None) or str(folder)
    line = getattr(exc, "lineno", None)
    loc = f"{where}:{line}" if line else where
    return f"Lỗi mẫu văn bản {loc}: {exc.message or exc}"
