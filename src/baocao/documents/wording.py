"""Templates: the packaged defaults, a project's own folder over them file by file, in a sandbox.

Wording macros (wording.j2) return plain text for the document model; the HTML templates
(notice.html.j2 …) are rendered with autoescape on. Every template runs in Jinja's
:class:`~jinja2.sandbox.SandboxedEnvironment` with undefined names as errors, so a template from
a pull request can produce text and nothing else (no attribute of a Python internal, no call
that reaches the system). Templates come from two places only: the project's folder, when one is
configured (``--templates`` or ``thu_muc_mau`` in ``cai-dat.yaml``), then the defaults that ship
with baocao — never from the current directory by accident.
"""
from __future__ import annotations

import functools
import re
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from baocao import vi
from baocao.documents import breaks
from baocao.errors import TemplateError

PACKAGE_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


@dataclass(frozen=True)
class Templates:
    """Where templates come from: *override* (the project's folder, optional), then the package."""

    override: Path | None = None

    @property
    def folders(self) -> tuple[Path, ...]:
        return tuple(f for f in (self.override, PACKAGE_TEMPLATES) if f is not None)

    def source(self, name: str) -> Path:
        """The file template *name* is read from."""
        for folder in self.folders:
            if (folder / name).is_file():
                return folder / name
        raise TemplateError(f"Không có mẫu '{name}' trong {', '.join(map(str, self.folders))}")

    def overridden(self) -> list[str]:
        """The names of the packaged templates the project's folder replaces."""
        if self.override is None:
            return []
        return sorted(p.name for p in self.override.iterdir() if (PACKAGE_TEMPLATES / p.name).is_file())


def templates_dir(explicit: "str | Path | Templates | None" = None) -> Templates:
    """The templates to use: *explicit* (a project's folder) over the packaged defaults."""
    if isinstance(explicit, Templates):
        return explicit
    if explicit is None:
        return Templates()
    folder = Path(explicit).resolve()
    if not folder.is_dir():
        raise TemplateError(f"Không tìm thấy thư mục mẫu '{explicit}'")
    return Templates(folder)


def join_vi(items: list[str]) -> str:
    """"A, B và C" as CLDR's vi list pattern says."""
    from babel.lists import format_list

    items = [str(i) for i in items if i]
    return format_list(items, locale="vi") if items else ""


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def keep_numbers(text: str) -> Markup:
    """HTML of *text* (escaped) with every number that must not break ("525/QĐ-UBND") in a
    ``<span class="nb">`` the stylesheet keeps on one line."""
    return Markup("").join(Markup('<span class="nb">{}</span>').format(piece) if whole else escape(piece)
                           for piece, whole in breaks.segments(str(text)))


@functools.lru_cache(maxsize=8)
def environment(templates: Templates) -> jinja2.Environment:
    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(f)) for f in templates.folders]),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2", "xml", "svg", "svg.j2"),
                                            default=False),
        keep_trailing_newline=False,
    )
    env.filters.update(vi.FILTERS)
    env.filters.update(join_vi=join_vi, capitalize_first=capitalize_first, keep_numbers=keep_numbers)
    env.globals.update(vi.FILTERS)
    return env


def _fold(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text)).strip()


class Wording:
    """Calls the macros of wording.j2, turning template failures into TemplateError."""

    def __init__(self, templates: Templates):
        self.templates = templates
        try:
            self._module = environment(templates).get_template("wording.j2").module
        except jinja2.TemplateError as exc:
            raise TemplateError(_describe(exc, templates)) from None
        except jinja2.exceptions.SecurityError as exc:  # pragma: no cover - subclass of TemplateError
            raise TemplateError(_describe(exc, templates)) from None

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        macro = getattr(self._module, name, None)
        if macro is None:
            raise TemplateError(f"{self.templates.source('wording.j2')}: thiếu macro '{name}'")

        def call(*args: Any) -> str:
            try:
                return _fold(macro(*args))
            except jinja2.TemplateError as exc:
                raise TemplateError(_describe(exc, self.templates)) from None

        return call


def render_template(templates: Templates, name: str, **context: Any) -> str:
    try:
        return environment(templates).get_template(name).render(**context)
    except jinja2.TemplateError as exc:
        raise TemplateError(_describe(exc, templates)) from None


def _describe(exc: jinja2.TemplateError, templates: Templates) -> str:
    name = getattr(exc, "name", None) or getattr(exc, "filename", None)
    where = str(templates.source(name)) if name and not str(name).startswith("/") else str(name or templates.folders[0])
    line = getattr(exc, "lineno", None)
    message = exc.message or str(exc)
    if line is None:
        # raised while rendering, without a place: Jinja maps the template's frames to its lines
        for frame, frame_line in traceback.walk_tb(exc.__traceback__):
            filename = frame.f_code.co_filename
            if any(Path(filename).parent == folder for folder in templates.folders):
                where, line = filename, frame_line
    if isinstance(exc, SecurityError):
        unsafe = re.fullmatch(r"access to attribute '(.+?)' of '(.+?)' object is unsafe\.?", message)
        what = f"thuộc tính '{unsafe[1]}' của đối tượng '{unsafe[2]}'" if unsafe else message
        message = f"mẫu dùng phần nội bộ của Python ({what}), điều hộp cát (sandbox) của mẫu không cho phép"
    elif isinstance(exc, UndefinedError):
        message = f"mẫu dùng tên hoặc thuộc tính không có ({message})"
    loc = f"{where}:{line}" if line else where
    return f"Lỗi mẫu văn bản {loc}: {message}"
