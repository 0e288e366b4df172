"""Settings: ``cai-dat.yaml`` beside the notices. Key ``trinh_bay``: layout, then the notice's own
``trinh_bay``, applied over the Decree 30 defaults of :mod:`baocao.documents.layout`. Key
``so_dang_ky``: the number register file, relative to the settings file (default
``so-dang-ky.sqlite`` beside it)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from baocao.data.load import LoadedDocument, format_path, load
from baocao.documents.layout import DEFAULT_LAYOUT, SETTING_KEYS, Layout
from baocao.errors import DataError, Problem

SETTINGS_FILE = "cai-dat.yaml"
TOP_KEY = "trinh_bay"
REGISTER_KEY = "so_dang_ky"
TOP_KEYS = (TOP_KEY, REGISTER_KEY)
REGISTER_DEFAULT = "so-dang-ky.sqlite"


def settings_problems(settings: Mapping[str, Any], doc: LoadedDocument, prefix: tuple = (TOP_KEY,)) -> list[Problem]:
    """Every bad key or value of a ``trinh_bay`` mapping, each at its own line."""
    from baocao.data.validate.messages import did_you_mean  # the package imports this module

    problems = []
    for key, value in settings.items():
        path = (*prefix, key)
        if key not in SETTING_KEYS:
            message = f"khóa cài đặt không có: '{key}'{did_you_mean(key, SETTING_KEYS)}"
        elif not isinstance(value, str):
            message = "cần một giá trị (số hoặc chữ)" + ("" if value is not None else ", không được để trống")
        else:
            try:
                DEFAULT_LAYOUT.with_settings({key: value})
                continue
            except ValueError as error:
                message = str(error)
        line, column = doc.mark(path) or (None, None)
        problems.append(Problem(str(doc.path), line, column, format_path(path), message))
    return problems


def load_layout(path: str | Path | None) -> Layout:
    """The layout of a settings file (``None``: the defaults). Raises DataError with lines."""
    from baocao.data.validate.messages import did_you_mean

    if path is None:
        return DEFAULT_LAYOUT
    doc = load(path)
    name = str(doc.path)
    if doc.data is None:
        return DEFAULT_LAYOUT
    if not isinstance(doc.data, dict):
        raise DataError(Problem(name, 1, 1, "", f"tệp cài đặt cần khóa '{TOP_KEY}:' ở đầu"))
    problems = [Problem(name, *(doc.mark((key,)) or (None, None)), key,
                        f"khóa không có trong tệp cài đặt: '{key}'{did_you_mean(key, TOP_KEYS)}")
                for key in doc.data if key not in TOP_KEYS]
    if REGISTER_KEY in doc.data:
        problems += _register_problems(doc)
    settings = doc.data.get(TOP_KEY) or {}
    if not isinstance(settings, dict):
        line, column = doc.mark((TOP_KEY,)) or (None, None)
        problems.append(Problem(name, line, column, TOP_KEY, "cần một bảng khóa (các dòng 'khóa: giá trị')"))
    else:
        problems += settings_problems(settings, doc)
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))
    return DEFAULT_LAYOUT.with_settings(settings)


def layout_for(notice: Any, data_dir: str | Path, source: str | Path | None = None) -> Layout:
    """The folder's ``cai-dat.yaml`` (if present) with the notice's own ``trinh_bay`` on top."""
    folder_file = Path(data_dir) / SETTINGS_FILE
    layout = load_layout(folder_file if folder_file.is_file() else None)
    try:
        return layout.with_settings(notice.settings)
    except ValueError as error:
        raise DataError(Problem(str(source or data_dir), None, None, TOP_KEY, str(error))) from None


def _register_problems(doc: LoadedDocument) -> list[Problem]:
    value = doc.data[REGISTER_KEY]
    line, column = doc.mark((REGISTER_KEY,)) or (None, None)
    if not isinstance(value, str) or not value.strip():
        message = "cần đường dẫn tệp sổ đăng ký (vd: so-dang-ky.sqlite)"
    elif Path(value).is_absolute() or value.startswith("~"):
        message = "đường dẫn sổ đăng ký viết tương đối với thư mục của cai-dat.yaml"
    elif ".." in Path(value).parts:
        message = "sổ đăng ký phải nằm trong thư mục của cai-dat.yaml (không dùng '..')"
    else:
        return []
    return [Problem(str(doc.path), line, column, REGISTER_KEY, message)]


def register_file(folder: str | Path) -> Path:
    """The number register of the notices in *folder*: ``so_dang_ky`` of its ``cai-dat.yaml``,
    else ``so-dang-ky.sqlite`` there. Raises DataError if the settings file is wrong."""
    folder = Path(folder)
    settings = folder / SETTINGS_FILE
    if settings.is_file():
        load_layout(settings)
        data = load(settings).data
        if isinstance(data, dict) and data.get(REGISTER_KEY):
            return folder / data[REGISTER_KEY]
    return folder / REGISTER_DEFAULT
