"""Settings of a folder of notices: ``cai-dat.yaml`` beside them.

``trinh_bay``: layout settings, then the notice's own ``trinh_bay``, applied over the Decree 30
defaults of :mod:`baocao.documents.layout`. ``thu_muc_mau``: the project's templates folder
(relative to the settings file, inside the project), whose files replace the packaged templates
of the same name. ``trich_sao``: who signs the extracts of each copying agency and the members
of a group (:mod:`baocao.documents.extract.settings`; the one-value extract options are
``trich_sao_*`` keys of ``trinh_bay``). ``so_dang_ky``: the number register file (relative to the
settings file, inside the project; default ``so-dang-ky.sqlite`` beside it).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from baocao.data.load import LoadedDocument, format_path, load
from baocao.data.text import shown_key
from baocao.documents.layout import DEFAULT_LAYOUT, SETTING_KEYS, Layout
from baocao.errors import DataError, Problem
from baocao.project_files import SETTINGS_FILE

TOP_KEY = "trinh_bay"
TEMPLATES_KEY = "thu_muc_mau"
EXTRACT_KEY = "trich_sao"
REGISTER_KEY = "so_dang_ky"
TOP_KEYS = (TOP_KEY, TEMPLATES_KEY, EXTRACT_KEY, REGISTER_KEY)
REGISTER_DEFAULT = "so-dang-ky.sqlite"


def settings_problems(settings: Mapping[str, Any], doc: LoadedDocument, prefix: tuple = (TOP_KEY,)) -> list[Problem]:
    """Every bad key or value of a ``trinh_bay`` mapping, each at its own line."""
    from baocao.data.messages import did_you_mean  # with the model: paid only when reporting

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
    from baocao.data.messages import did_you_mean  # with the model: paid only when reporting

    if path is None:
        return DEFAULT_LAYOUT
    doc = load(path)
    name = str(doc.path)
    if doc.data is None:
        return DEFAULT_LAYOUT
    if not isinstance(doc.data, dict):
        raise DataError(Problem(name, 1, 1, "", f"tệp cài đặt cần khóa '{TOP_KEY}:' ở đầu"))
    unknown = [key for key in doc.data if key not in TOP_KEYS]
    if unknown and len(unknown) == len(doc.data) and any(shown_key(key) is None for key in unknown):
        # not a settings file at all (given by mistake, or /etc/shadow): say so once, quote nothing
        raise DataError(Problem(name, 1, 1, "", f"đây không phải tệp cài đặt: không có khóa "
                                                f"'{TOP_KEY}' hay '{TEMPLATES_KEY}'"))
    problems = [Problem(name, *(doc.mark((key,)) or (None, None)), format_path((key,)),
                        f"khóa không có trong tệp cài đặt: '{shown_key(key)}'{did_you_mean(key, TOP_KEYS)}"
                        if shown_key(key) else "dòng này không phải một khóa của tệp cài đặt")
                for key in unknown]
    for key, check in ((TEMPLATES_KEY, templates_folder), (REGISTER_KEY, register_path)):
        if key in doc.data:
            try:
                check(doc.path, doc.data[key])
            except ValueError as error:
                problems.append(Problem(name, *(doc.mark((key,)) or (None, None)), key, str(error)))
    if EXTRACT_KEY in doc.data:
        from baocao.documents.extract.settings import read_structured

        problems += read_structured(doc)[1]
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


def templates_folder(settings_file: Path, value: Any) -> Path:
    """The folder ``thu_muc_mau`` names: relative to the settings file, an existing folder inside
    the project (the folder that holds the data folder). ValueError (Vietnamese) otherwise."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError("cần đường dẫn tới thư mục mẫu (vd: ../templates)")
    if Path(value).is_absolute():
        raise ValueError(f"đường dẫn thư mục mẫu phải là đường dẫn tương đối, không phải '{value}'")
    base = Path(settings_file).resolve().parent
    folder = (base / value).resolve()
    project = base.parent
    if not folder.is_relative_to(project):
        raise ValueError(f"thư mục mẫu '{value}' nằm ngoài dự án ({project})")
    if not folder.is_dir():
        raise ValueError(f"không có thư mục mẫu '{value}'")
    return folder


def templates_for(data_dir: str | Path) -> Path | None:
    """The project's templates folder named in the folder's ``cai-dat.yaml``, if any."""
    settings = Path(data_dir) / SETTINGS_FILE
    if not settings.is_file():
        return None
    doc = load(settings)
    value = doc.data.get(TEMPLATES_KEY) if isinstance(doc.data, dict) else None
    return templates_folder(settings, value) if value is not None else None


def register_path(settings_file: Path, value: Any) -> Path:
    """The file ``so_dang_ky`` names: relative to the settings file, inside the project (the
    folder that holds the data folder). ValueError (Vietnamese) otherwise."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"cần đường dẫn tới tệp sổ đăng ký (vd: {REGISTER_DEFAULT})")
    if Path(value).is_absolute():
        raise ValueError(f"đường dẫn sổ đăng ký phải là đường dẫn tương đối, không phải '{value}'")
    base = Path(settings_file).resolve().parent
    path = (base / value).resolve()
    if not path.is_relative_to(base.parent):
        raise ValueError(f"sổ đăng ký '{value}' nằm ngoài dự án ({base.parent})")
    if path.is_dir():
        raise ValueError(f"sổ đăng ký '{value}' là một thư mục; cần tên tệp (vd: {REGISTER_DEFAULT})")
    return path


def register_file(data_dir: str | Path) -> Path:
    """The number register of the notices in *data_dir*: ``so_dang_ky`` of its ``cai-dat.yaml``,
    else ``so-dang-ky.sqlite`` there. DataError (with the line) if the setting is wrong."""
    settings = Path(data_dir) / SETTINGS_FILE
    value = None
    if settings.is_file():
        doc = load(settings)
        value = doc.data.get(REGISTER_KEY) if isinstance(doc.data, dict) else None
    if value is None:
        return Path(data_dir) / REGISTER_DEFAULT
    try:
        return register_path(settings, value)
    except ValueError:
        load_layout(settings)  # reports the problem at its line
        raise
