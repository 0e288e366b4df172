"""One file in, the YAML text out, checked by baocao's own validator before anyone writes it."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from baocao.errors import DataError, Problem, RenderError
from baocao.importer.clean import clean
from baocao.importer.emit_yaml import dump
from baocao.importer.errors import UnreadableSource
from baocao.importer.recognise import Imported, recognise
from baocao.importer.repair import settle
from baocao.importer.source import Source
from baocao.project_files import SETTINGS_FILE
from baocao.vi.text import nfc

READERS = (".docx", ".pdf", ".txt")


def read_source(path: Path, ocr: bool = False) -> Source:
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise UnreadableSource(path, "chỉ nhập được tệp .docx, .pdf hoặc .txt")
    if suffix == ".docx":
        from baocao.importer.read_docx import read_docx

        return read_docx(path)
    if suffix == ".pdf":
        from baocao.importer.read_pdf import read_pdf

        return read_pdf(path, ocr=ocr)
    from baocao.importer.read_text import read_text

    return read_text(path)


def _project(target: Path | None):
    """Registry, layout and templates of the project the YAML goes into (packaged ones without)."""
    from baocao.data.registry import national_registry, registry_for
    from baocao.documents.layout import DEFAULT_LAYOUT
    from baocao.documents.wording import templates_dir
    from baocao.settings import load_layout, templates_for

    if target is None:
        return national_registry(), DEFAULT_LAYOUT, templates_dir(None)
    problems: list[Problem] = []
    registry = registry_for(target, problems)
    if registry is None:
        raise DataError(problems)
    settings = target.parent / SETTINGS_FILE
    layout = load_layout(settings) if settings.is_file() else DEFAULT_LAYOUT
    return registry, layout, templates_dir(templates_for(target.parent))


def import_notice(path: Path, target: Path | None = None, ocr: bool = False) -> tuple[str, Imported]:
    """The YAML text of the notice in *path*, valid for a file at *target* (its folder's
    ``co-quan.yaml`` and settings apply), and what was recognised."""
    source = read_source(Path(path), ocr=ocr)
    clean(source)
    registry, layout, templates = _project(target)
    imported = recognise(source, registry, layout, templates)
    settle(imported, registry)
    text = nfc(dump(imported.data, imported.notes, imported.head, imported.tail))
    return text, imported


def _plain(value):
    """The data as the strict loader gives it back: every scalar text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value)


def validate(path: Path, imported: Imported, shown_as: str) -> list[Problem]:
    """Check the notice file at *path* with baocao's validator, as if it were *shown_as*: raises
    DataError if it is not valid, returns the warnings otherwise."""
    from baocao.data.load import load
    from baocao.data.validate import load_notice

    try:
        if load(path).data != _plain(imported.data):
            raise RenderError("lỗi nội bộ: YAML viết ra đọc lại không đúng dữ liệu đã nhận ra; xin báo lại lỗi này")
        _notice, _registry, warnings = load_notice(path)
    except DataError as error:
        raise DataError([_renamed(p, shown_as) for p in error.problems]) from None
    return [_renamed(p, shown_as) for p in warnings]


def write_checked(text: str, imported: Imported, target: Path, force: bool) -> list[Problem]:
    """Write *text* to *target* only once it validates: a temporary file in the target's folder
    (so its co-quan.yaml applies), checked, then renamed over (``force``) or linked beside an
    absent target. Nothing is left behind on failure."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        warnings = validate(Path(tmp), imported, str(target))
        if force:
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise UnreadableSource(target, "tệp đã có; dùng --force để ghi đè") from None
            except OSError:          # a file system without hard links
                if target.exists():
                    raise UnreadableSource(target, "tệp đã có; dùng --force để ghi đè") from None
                os.replace(tmp, target)
        return warnings
    finally:
        Path(tmp).unlink(missing_ok=True)


def check_to_stdout(text: str, imported: Imported) -> list[Problem]:
    """Validate *text* against the packaged registry alone (no project folder)."""
    with tempfile.TemporaryDirectory(prefix="baocao-nhap-") as folder:
        path = Path(folder) / "thong-bao.yaml"
        path.write_text(text, encoding="utf-8")
        return validate(path, imported, "<đầu ra>")


def _renamed(problem: Problem, name: str) -> Problem:
    return Problem(name, problem.line, problem.column, problem.field, problem.message, problem.warning)
