"""The ``baocao`` command: validate, schema, build, check, register. Wiring only; Vietnamese
throughout.

``main(argv, stdout, stderr)`` is callable in-process (tests pass their own streams) and returns
the exit status: a :class:`~baocao.errors.BaocaoError` maps to its ``exit_status`` with only its
Vietnamese message shown; anything unexpected is a short "lỗi nội bộ" and status 4 (the
traceback only with ``--debug``).

Each command imports only what it needs, when it runs: ``baocao --help`` and ``validate`` never
import WeasyPrint or the checker (the ``check`` parser itself is loaded only for ``check``).
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
from baocao.build import command as build_command
from baocao.errors import BaocaoError, DataError, ExitStatus, Problem
from baocao.importer import command as import_command
from baocao.project_files import REGISTRY_FILE, SETTINGS_FILE, is_progress_file

MAX_SHOWN = 20
SPECIAL_FILES = {REGISTRY_FILE: "registry", SETTINGS_FILE: "settings"}
CHECK_HELP = "kiểm tra thể thức văn bản DOCX/PDF theo Nghị định 30"

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


def _check_module() -> Any:
    from baocao.check import command

    return command


def _add_register(sub: Any) -> None:
    p = sub.add_parser("register", parents=[_common()], help="sổ đăng ký văn bản đi: lấy số, xem sổ",
                       description="Sổ đăng ký văn bản đi (SQLite): số chạy từ 01 mỗi năm, riêng cho từng cơ "
                                   "quan và loại văn bản; bản sao (SY, SL, TrS) chung một dãy số của cơ quan sao.")
    actions = p.add_subparsers(dest="action", title="việc", metavar="VIỆC", required=True)
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument("--register", metavar="TỆP", default=None,
                       help="tệp sổ đăng ký (mặc định: so_dang_ky trong <--data>/cai-dat.yaml, hoặc "
                            "<--data>/so-dang-ky.sqlite)")
    where.add_argument("--data", metavar="THƯ_MỤC", default="data", help="thư mục dữ liệu (mặc định: data)")
    where.add_argument("--json", action="store_true", help="in dạng JSON")
    where.add_argument("--year", type=int, default=None, metavar="NĂM", help="năm (mặc định: năm nay)")
    take = actions.add_parser("take", parents=[_common(), where], help="lấy số tiếp theo cho một ký hiệu",
                              description="Lấy số tiếp theo trong năm cho ký hiệu (vd: TB-VPCP) và in ra "
                                          "(vd: 05/TB-VPCP).")
    take.add_argument("symbol", metavar="KY_HIEU", help="ký hiệu văn bản: TB-VPCP, QĐ-UBND, VPCP-KGVX, TrS …")
    take.add_argument("--agency", metavar="VIẾT_TẮT", default=None,
                      help="chữ viết tắt của cơ quan sao (cần cho SY, SL, TrS)")
    take.add_argument("--note", metavar="GHI_CHÚ", default=None, help="ghi chú lưu cùng số (vd: trích yếu)")
    actions.add_parser("list", parents=[_common(), where], help="in các số đã lấy",
                       description="In các số đã lấy trong sổ, theo năm, cơ quan, loại và số.")


def build_parser(with_check: bool = True) -> tuple[_Parser, Any]:
    """The parser; the ``check`` sub-command's own parser is loaded only *with_check* (listed
    either way)."""
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
    build_command.register(sub)
    check = _check_module() if with_check else None
    if check is not None:
        check.register(sub)
    else:
        sub.add_parser("check", help=CHECK_HELP, add_help=False)
    import_command.register(sub)
    _add_register(sub)
    return parser, check


# -- helpers ------------------------------------------------------------------------------------

def _expand(items: list[str]) -> list[Path]:
    files: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.yaml") if p.is_file())
            files += found
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
    if is_progress_file(path):
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


# -- commands -----------------------------------------------------------------------------------

def cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    status = ExitStatus.OK
    for path in _expand(args.files):
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


def _register_file(args: argparse.Namespace) -> Path:
    from baocao.settings import register_file

    if args.register:
        return Path(args.register)
    if not Path(args.data).is_dir():
        raise DataError(Problem(args.data, None, None, "", "không tìm thấy thư mục dữ liệu; chỉ rõ sổ đăng ký "
                                                          "bằng --register hoặc thư mục bằng --data"))
    return register_file(args.data)


def cmd_register(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from baocao.register import Register

    register = Register(_register_file(args))
    if args.action == "take":
        entry = register.take(args.symbol, args.year, agency=args.agency, note=args.note)
        if args.json:
            print(json.dumps(entry.as_dict(), ensure_ascii=False, indent=2), file=out)
        else:
            print(entry.label, file=out)
            print(f"Đã lấy số {entry.label} (năm {entry.year}) trong sổ {register.path}", file=err)
        return ExitStatus.OK
    entries = register.entries(args.year)
    if args.json:
        print(json.dumps([e.as_dict() for e in entries], ensure_ascii=False, indent=2), file=out)
    elif not entries:
        print(f"Sổ {register.path} chưa có số nào" + (f" trong năm {args.year}." if args.year else "."), file=err)
    else:
        rows = [("Năm", "Số", "Cơ quan", "Dãy", "Tệp", "Lấy lúc", "Ghi chú")]
        rows += [(str(e.year), e.label, e.agency, e.series, e.source or "", e.taken_at, e.note or "")
                 for e in entries]
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        for row in rows:
            print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip(), file=out)
    return ExitStatus.OK


def _command_word(argv: list[str]) -> str | None:
    """The sub-command named in *argv* (the top-level options take no value)."""
    return next((a for a in argv if not a.startswith("-")), None)


def main(argv: list[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        parser, check = build_parser(with_check=_command_word(argv) == "check")
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
        debug = bool(getattr(args, "debug", False))
        if args.command == "check":
            return int(check.run(args, out, err))
        if args.command == "import":
            return int(import_command.run(args, out, err))
        command = {"validate": cmd_validate, "schema": cmd_schema, "build": build_command.run,
                   "register": cmd_register}[args.command]
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
