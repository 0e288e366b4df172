"""The ``baocao check`` sub-command: wiring only (argparse in, report text or JSON out)."""
from __future__ import annotations

import argparse
import sys
from typing import TextIO

from baocao.check import isolate
from baocao.check.checker import KINDS, check_file
from baocao.check.errors import UnreadableFile
from baocao.check.limits import DEFAULT_LIMITS
from baocao.check.report import Report, format_json, format_text
from baocao.documents.layout import DEFAULT_LAYOUT
from baocao.errors import BaocaoError, ExitStatus

DESCRIPTION = (
    "Kiểm tra thể thức văn bản (.docx, .pdf) theo Nghị định 30/2020/NĐ-CP: in từng quy tắc R1–R43 "
    "với kết quả PASS (đạt), FAIL (không đạt) hoặc SKIP (không kiểm được, kèm lý do). "
    "Mã thoát: 0 khi không có quy tắc nào không đạt, 1 khi có, 2 khi không đọc được tệp."
)


def register(subparsers) -> argparse.ArgumentParser:
    """Add ``check`` to an argparse sub-parsers object."""
    parser = subparsers.add_parser("check", help="kiểm tra thể thức văn bản DOCX/PDF theo Nghị định 30",
                                   description=DESCRIPTION)
    parser.add_argument("files", nargs="+", metavar="TỆP", help="tệp .docx hoặc .pdf cần kiểm tra")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON cho máy đọc")
    parser.add_argument("--kind", choices=("auto", *KINDS), default="auto",
                        help="loại văn bản: " + ", ".join(KINDS) + " (mặc định auto: tự nhận biết)")
    parser.add_argument("--ocr", action="store_true",
                        help="đọc lại bằng OCR (tesseract, tiếng Việt) trang PDF có lớp chữ không dùng được")
    parser.add_argument("--cai-dat", dest="cai_dat", metavar="TỆP", default=None,
                        help="tệp cài đặt (khóa trinh_bay: lề, cỡ chữ, địa danh…)")
    parser.add_argument("--thoi-gian-toi-da", dest="seconds", metavar="GIÂY", type=_seconds, default=None,
                        help=f"thời gian tối đa cho mỗi tệp (mặc định {DEFAULT_LIMITS.seconds:g} giây)")
    parser.set_defaults(run=run)
    return parser


def _seconds(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"cần một số giây, nhận được {text!r}") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"số giây phải lớn hơn 0 và không quá 3600, nhận được {text}")
    return value


def _load_layout(path: str | None, stderr: TextIO):
    if path is None:
        return DEFAULT_LAYOUT, None
    try:
        from baocao.settings import load_layout
    except ImportError:
        print(f"Lỗi: chưa đọc được tệp cài đặt {path} (thiếu mô-đun baocao.settings).", file=stderr)
        return None, int(ExitStatus.DATA_ERROR)
    try:
        return load_layout(path), None
    except BaocaoError as exc:
        print(f"Lỗi tệp cài đặt {path}: {exc}", file=stderr)
        return None, int(exc.exit_status)
    except (OSError, ValueError) as exc:
        print(f"Lỗi tệp cài đặt {path}: {exc}", file=stderr)
        return None, int(ExitStatus.DATA_ERROR)


def run(args: argparse.Namespace, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    layout, status = _load_layout(getattr(args, "cai_dat", None), stderr)
    if layout is None:
        return status
    reports: list[Report] = []
    errors: list[dict] = []
    limits = DEFAULT_LIMITS.with_seconds(getattr(args, "seconds", None))
    kind, ocr = getattr(args, "kind", None), getattr(args, "ocr", False)
    for path in args.files:
        try:
            reports.append(isolate.run(path, limits, lambda: check_file(path, layout, kind, ocr=ocr, limits=limits)))
        except UnreadableFile as exc:
            errors.append({"path": path, "error": str(exc)})
            print(f"Lỗi: {exc}", file=stderr)
        except Exception as exc:  # a bug must not reach the user as a traceback
            detail = str(exc) if isinstance(exc, isolate.CheckCrashed) else f"{type(exc).__name__}: {exc}"
            message = f"{path}: lỗi khi kiểm tra ({detail}); xin báo lại lỗi này"
            errors.append({"path": path, "error": message})
            print(f"Lỗi: {message}", file=stderr)
    if getattr(args, "json", False):
        print(format_json(reports, errors), file=stdout)
    else:
        print("\n\n".join(format_text(r) for r in reports), file=stdout) if reports else None
        if len(reports) > 1:
            bad = sum(1 for r in reports if not r.ok)
            print(f"\nTổng cộng: {len(reports)} tệp, {bad} tệp có quy tắc không đạt.", file=stdout)
    if errors:
        return int(ExitStatus.DATA_ERROR)
    if any(not r.ok for r in reports):
        return int(ExitStatus.CHECK_FAILED)
    return int(ExitStatus.OK)


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own wording is English; say it in Vietnamese
        self.print_usage(sys.stderr)
        self.exit(int(ExitStatus.USAGE), f"Lỗi tham số: {message}\n")


def main(argv: list[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Stand-alone entry (``python -m baocao.check.command FILE…``) until the main CLI wires it."""
    parser = _Parser(prog="baocao")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    register(sub)
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] != "check":
        argv = ["check", *argv]
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return run(args, stdout, stderr)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
