"""The ``baocao`` command: validate, schema, build, check. Wiring only; Vietnamese throughout.

``main(argv, stdout, stderr)`` is callable in-process (tests pass their own streams) and returns
the exit status: a :class:`~baocao.errors.BaocaoError` maps to its ``exit_status`` with only its
Vietnamese message shown; anything unexpected is a short "lỗi nội bộ" and status 4 (the
traceback only with ``--debug``).
"""
from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import traceback
from pathlib import Path
from typing import Any, TextIO

from baocao import __version__
from baocao.check import command as check_command
from baocao.importer import command as import_command
from baocao.errors import BaocaoError, DataError, ExitStatus, Problem

MAX_SHOWN = 20
SPECIAL_FILES = {"co-quan.yaml": "registry", "cai-dat.yaml": "settings"}
PROGRESS_SUFFIX = ".tien-do.yaml"    # data/<tên>.tien-do.yaml: the progress of data/<tên>.yaml

_ARGPARSE_VI = (
    (r"the following arguments are required: (.*)", r"thiếu đối số bắt buộc: \1"),
    (r"unrecognized arguments: (.*)", r"đối số không hiểu: \1"),
    (r"argument (.*?): invalid choice: (.*) \(choose from (.*)\)", r"\1: lựa chọn không có: \2 (chọn một trong: \3)"),
    (r"argument (.*?): expected one argument", r"\1: cần một giá trị"),
    (r"argument (.*?): expected at least one argument", r"\1: cần ít nhất một giá trị"),
    (r"argument (.*?): ignored explicit argument (.*)", r"\1: không nhận giá trị \2"),
    (r"argument (.*?): not allowed with argument (.*)", r"\1: không dùng cùng \2"),
    (r"ambiguous option: (.*) could match (.*)", r"tùy chọn không rõ: \1 có thể là \2"),
    (r"argument (.*?): invalid (.*) value: (.*)", r"\1: giá trị không hợp lệ: \3"),
    (r"one of the arguments (.*) is required", r"cần một trong các đối số: \1"),
    (r"argument (.*?): (.*)", r"\1: \2"),
)


class UsageError(Exception):
    def __init__(self, message: str, usage: str):
        super().__init__(message)
        self.usage = usage


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "Cách dùng: ")


class _Parser(argparse.ArgumentParser):
    """ArgumentParser speaking Vietnamese: usage, section titles, -h and error messages."""

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "đối số"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="in hướng dẫn này rồi thoát")

    def error(self, message: str) -> Any:  # type: ignore[override]
        for pattern, replacement in _ARGPARSE_VI:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, replacement, message)
                break
        raise UsageError(message, self.format_usage())


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="in chi tiết kỹ thuật (traceback) khi có lỗi nội bộ")
    return common


def build_parser() -> tuple[_Parser, Any]:
    parser = _Parser(prog="baocao", description="Thông báo kết luận theo Nghị định 30/2020/NĐ-CP, "
                                                "dựng từ dữ liệu YAML ra DOCX và PDF.")
    parser.add_argument("--version", action="version", version=f"baocao {__version__}",
                        help="in phiên bản rồi thoát")
    parser.add_argument("--debug", action="store_true", default=False,
                        help="in chi tiết kỹ thuật (traceback) khi có lỗi nội bộ")
    sub = parser.add_subparsers(dest="command", title="lệnh", metavar="LỆNH", required=True)
    p = sub.add_parser("validate", parents=[_common()], help="kiểm tra tệp dữ liệu",
                       description="Kiểm tra tệp thông báo (và co-quan.yaml, cai-dat.yaml); in OK hoặc các lỗi.")
    p.add_argument("files", nargs="+", metavar="TỆP", help="tệp .yaml hoặc thư mục chứa chúng")
    p.add_argument("--strict", action="store_true", help="coi cảnh báo \"6 rõ\" là lỗi")
    p = sub.add_parser("schema", parents=[_common()], help="in JSON Schema của định dạng thông báo",
                       description="In JSON Schema của tệp thông báo ra đầu ra chuẩn (dùng cho trình soạn thảo).")
    p = sub.add_parser("build", parents=[_common()], help="dựng DOCX và PDF",
                       description="Kiểm tra mọi thông báo rồi dựng DOCX và PDF; dữ liệu sai thì không ghi gì.")
    p.add_argument("sources", nargs="+", metavar="TỆP_HOẶC_THƯ_MỤC", help="tệp thông báo hoặc thư mục data/")
    p.add_argument("--out", default="output", metavar="THƯ_MỤC", help="thư mục kết quả (mặc định: output)")
    p.add_argument("--verify", action="store_true", help="kiểm tra văn bản vừa dựng theo Nghị định 30")
    p.add_argument("--templates", metavar="THƯ_MỤC", default=None,
                   help="thư mục mẫu của dự án, thay các mẫu có sẵn cùng tên (mặc định: thu_muc_mau trong cai-dat.yaml)")
    p.add_argument("--strict", action="store_true", help="coi cảnh báo \"6 rõ\" là lỗi")
    p.add_argument("--as-of", "--tinh-den", dest="as_of", metavar="NGÀY", type=_day, default=None,
                   help="báo cáo tóm tắt tính tình trạng nhiệm vụ đến ngày này (YYYY-MM-DD; "
                        "mặc định: hôm nay theo giờ Việt Nam)")
    p.add_argument("--sap-den-han", dest="soon_days", metavar="SỐ_NGÀY", type=_days, default=None,
                   help="nhiệm vụ còn không quá từng này ngày đến hạn là \"sắp đến hạn\" (mặc định: 7)")
    check_command.register(sub)
    import_command.register(sub)
    return parser, check_command


# -- helpers ------------------------------------------------------------------------------------

def _day(text: str) -> Any:
    import datetime as dt

    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(f"ngày viết dạng YYYY-MM-DD (vd: 2026-03-31), nhận được '{text}'")


def _days(text: str) -> int:
    if not re.fullmatch(r"\d{1,3}", text):
        raise argparse.ArgumentTypeError(f"cần số ngày từ 0 đến 999, nhận được '{text}'")
    return int(text)


def _expand(items: list[str], notices_only: bool) -> list[Path]:
    files: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.yaml") if p.is_file())
            files += [p for p in found if not (notices_only and (p.name in SPECIAL_FILES or p.name.endswith(PROGRESS_SUFFIX)))]
        else:
            files.append(path)
    return files


def _show(problems: list[Problem], stream: TextIO, header: str | None = None) -> None:
    if header:
        print(header, file=stream)
    for problem in problems[:MAX_SHOWN]:
        print(problem.format(), file=stream)
    if len(problems) > MAX_SHOWN:
        print(f"… và {len(problems) - MAX_SHOWN} vấn đề khác", file=stream)


def _header(path: Path, problems: list[Problem]) -> str:
    errors = sum(not p.warning for p in problems)
    warnings = len(problems) - errors
    return f"{path}: {errors} lỗi" + (f", {warnings} cảnh báo" if warnings else "")


def _check_file(path: Path, strict: bool) -> tuple[Any, list[Problem]]:
    from baocao.data.validate import load_notice, load_registry
    from baocao.settings import load_layout

    kind = SPECIAL_FILES.get(path.name)
    if kind == "registry":
        return load_registry(path), []
    if kind == "settings":
        return load_layout(path), []
    if path.name.endswith(PROGRESS_SUFFIX):
        return _check_progress_file(path), []
    notice, registry, warnings = load_notice(path, strict=strict)
    return (notice, registry), warnings


def _check_progress_file(path: Path) -> Any:
    """A ``<tên>.tien-do.yaml`` checked against the tasks of its notice ``<tên>.yaml``."""
    from baocao.data.progress import load_progress, notice_of
    from baocao.data.validate import load_notice
    from baocao.documents.tasks import notice_tasks
    from baocao.settings import layout_for, templates_for

    source = notice_of(path)
    if not source.is_file():
        raise DataError(Problem(str(path), None, None, "", f"không có tệp thông báo {source.name} đi kèm tệp tiến độ này"))
    notice, registry, _warnings = load_notice(source)
    doc = _notice_document(notice, registry, layout_for(notice, source.parent, source), source,
                           templates_for(source.parent))
    return load_progress(path, notice_tasks(notice, registry, doc), notice)


def _notice_document(notice: Any, registry: Any, layout: Any, source: Path, templates: Any) -> Any:
    from baocao.documents.notice import build_document
    from baocao.documents.wording import Wording, templates_dir

    return build_document(notice, registry, layout, Wording(templates_dir(templates)), source.parent)


def _status_options(args: argparse.Namespace) -> Any:
    """``--as-of`` (default: the day of SOURCE_DATE_EPOCH if set, else today in Việt Nam) and
    ``--sap-den-han``."""
    import datetime as dt
    import os

    from baocao.documents.status import DEFAULT_SOON_DAYS, VN_TZ, StatusOptions, today_vn

    as_of = getattr(args, "as_of", None)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if as_of is None:
        as_of = (dt.datetime.fromtimestamp(int(epoch), tz=VN_TZ).date() if epoch.isdigit() else today_vn())
    soon = getattr(args, "soon_days", None)
    return StatusOptions(as_of, DEFAULT_SOON_DAYS if soon is None else soon)


# -- commands -----------------------------------------------------------------------------------

def cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    status = ExitStatus.OK
    for path in _expand(args.files, notices_only=False):
        try:
            _result, warnings = _check_file(path, args.strict)
        except DataError as error:
            _show(error.problems, err, _header(path, error.problems))
            status = ExitStatus.DATA_ERROR
            continue
        _show(warnings, err)
        print(f"OK: {path}" + (f" ({len(warnings)} cảnh báo)" if warnings else ""), file=out)
    return status


def cmd_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from baocao.data.validate.schema import notice_schema

    print(json.dumps(notice_schema(), ensure_ascii=False, indent=2), file=out)
    return ExitStatus.OK


def cmd_build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    files = _expand(args.sources, notices_only=True)
    if not files:
        print(f"không tìm thấy tệp thông báo (*.yaml) trong: {', '.join(args.sources)}", file=err)
        return ExitStatus.DATA_ERROR
    from baocao.documents.wording import templates_dir
    from baocao.settings import layout_for, templates_for

    options = _status_options(args)
    checked, briefings, failed = [], [], False
    for path in files:
        try:
            (notice, registry), warnings = _check_file(path, args.strict)
            layout = layout_for(notice, path.parent, path)
            templates = templates_dir(args.templates or templates_for(path.parent))
            briefing = _briefing(notice, registry, layout, path, templates, options)
        except DataError as error:
            _show(error.problems, err, _header(Path(error.first.file), error.problems))
            failed = True
            continue
        checked.append((path, notice, registry, layout, templates, warnings))
        briefings += [briefing] if briefing is not None else []
    if failed:
        print("Dữ liệu có lỗi: không dựng văn bản nào, thư mục kết quả giữ nguyên.", file=err)
        return ExitStatus.DATA_ERROR
    from baocao.build.outputs import render_notice
    from baocao.build.write import write_all

    # Render every notice in memory first: a failure in any of them leaves output/ untouched.
    rendered: dict[Path, bytes] = {}
    for path, notice, registry, layout, templates, warnings in checked:
        _announce_templates(templates, err, getattr(args, "debug", False))
        files = render_notice(notice, registry, layout, path, Path(args.out), templates, briefing=options)
        rendered.update(files)
        note = f", {len(warnings)} cảnh báo 6 rõ" if warnings else ""
        print(f"Đã dựng {path}: {len(files)} tệp trong {Path(args.out)}{note}", file=err)
    if briefings and any(Path(s).is_dir() for s in args.sources):
        from baocao.build.briefing import SUMMARY_DIR, summary_files

        summary = summary_files(briefings, Path(args.out), checked[0][4], options)
        rendered.update(summary)
        print(f"Báo cáo tổng hợp {len(briefings)} thông báo: {len(summary)} tệp trong "
              f"{Path(args.out) / SUMMARY_DIR}", file=err)
    write_all(rendered)
    outputs = sorted(rendered)
    if args.verify:
        from baocao.build.briefing import is_briefing_output

        return args.run_check([str(p) for p in outputs if p.suffix in (".docx", ".pdf") and not is_briefing_output(p)])
    return ExitStatus.OK


def _briefing(notice: Any, registry: Any, layout: Any, path: Path, templates: Any, options: Any) -> Any:
    """The briefing of one notice, which loads (and checks) its progress file."""
    from baocao.build.briefing import notice_briefing

    doc = _notice_document(notice, registry, layout, path, templates)
    return notice_briefing(notice, registry, doc, path, options)


def _announce_templates(templates: Any, err: TextIO, debug: bool) -> None:
    """Say when a project's templates replace the packaged ones, and (with --debug) where every
    template comes from."""
    replaced = templates.overridden()
    if replaced:
        print(f"Dùng mẫu của dự án ({templates.override}): {', '.join(replaced)}", file=err)
    if debug:
        for name in ("wording.j2", "notice.html.j2", "style.css.j2"):
            print(f"mẫu {name}: {templates.source(name)}", file=err)


def _verify(parser: _Parser, check: Any, files: list[str], out: TextIO, err: TextIO) -> int:
    """``build --verify``: run ``baocao check`` on the files just written, as if typed."""
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        args = parser.parse_args(["check", *files])
    return int(check.run(args, out, err))


def main(argv: list[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        parser, check = build_parser()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
        debug = bool(getattr(args, "debug", False))
        if args.command == "check":
            return int(check.run(args, out, err))
        if args.command == "import":
            return int(import_command.run(args, out, err))
        if args.command == "build":
            args.run_check = lambda files: _verify(parser, check, files, out, err)
        command = {"validate": cmd_validate, "schema": cmd_schema, "build": cmd_build}[args.command]
        return int(command(args, out, err))
    except UsageError as error:
        print(f"{error.usage.rstrip()}\nbaocao: lỗi: {error}", file=err)
        return int(ExitStatus.USAGE)
    except SystemExit as done:  # --help, --version
        return int(done.code or 0) if isinstance(done.code, int) or done.code is None else int(ExitStatus.USAGE)
    except BaocaoError as error:
        print(str(error), file=err)
        return int(error.exit_status)
    except KeyboardInterrupt:
        print("đã dừng theo yêu cầu", file=err)
        return 130
    except BrokenPipeError:
        return int(ExitStatus.OK)
    except Exception as error:
        if debug:
            traceback.print_exc(file=err)
        print(f"lỗi nội bộ: {type(error).__name__}: {error}"
              + ("" if debug else " (chạy lại với --debug để xem chi tiết)"), file=err)
        return int(ExitStatus.RENDER_ERROR)
