"""The ``baocao import`` sub-command: wiring only (argparse in, YAML file or standard output)."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from baocao.errors import BaocaoError, DataError, ExitStatus, os_reason
from baocao.project_files import REGISTRY_FILE, SETTINGS_FILE

DESCRIPTION = (
    "Nhập một thông báo đã ban hành (.docx, .pdf có lớp chữ, hoặc .txt) thành tệp dữ liệu YAML của "
    "baocao: phần đầu, trích yếu, mở đầu, nội dung (giữ nguyên câu chữ), câu kết, người ký, Nơi nhận, "
    "dòng Lưu; cơ quan chủ trì, phối hợp và thời hạn đọc từ câu chữ. Những chỗ cần người đối chiếu có "
    "chú thích «# kiểm tra lại». Tệp chỉ được ghi khi đã hợp lệ. Mã thoát: 0 khi đã nhập, 2 khi tệp "
    "vào không đọc được hoặc kết quả không hợp lệ (không ghi gì)."
)
SHOWN = 12


def register(subparsers) -> argparse.ArgumentParser:
    """Add ``import`` to an argparse sub-parsers object."""
    parser = subparsers.add_parser("import", help="nhập thông báo DOCX/PDF/văn bản thành YAML",
                                   description=DESCRIPTION)
    parser.add_argument("file", metavar="TỆP", help="thông báo cần nhập (.docx, .pdf hoặc .txt)")
    parser.add_argument("-o", "--out", metavar="TỆP_YAML", default=None,
                        help="ghi ra tệp này (vd: data/thong-bao-15.yaml); bỏ trống thì in ra màn hình")
    parser.add_argument("--force", action="store_true", help="ghi đè tệp YAML đã có")
    parser.add_argument("--ocr", action="store_true",
                        help="PDF không có lớp chữ dùng được: đọc bằng nhận dạng chữ (tesseract, tiếng Việt)")
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="in chi tiết kỹ thuật (traceback) khi có lỗi nội bộ")
    parser.set_defaults(run=run)
    return parser


def _target(out: str | None, force: bool) -> Path | None:
    if out is None:
        return None
    from baocao.importer.errors import UnreadableSource

    target = Path(out)
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise UnreadableSource(target, "tệp kết quả phải có đuôi .yaml")
    if not target.parent.is_dir():
        raise UnreadableSource(target, f"thư mục {target.parent} không có")
    if target.name in (REGISTRY_FILE, SETTINGS_FILE):
        raise UnreadableSource(target, "tên này dành cho danh mục cơ quan / cài đặt; chọn tên khác")
    if target.is_dir():
        raise UnreadableSource(target, "đây là thư mục")
    if target.exists() and not force:
        raise UnreadableSource(target, "tệp đã có; dùng --force để ghi đè")
    return target


def _show_lines(error: DataError, text: str, err: TextIO) -> None:
    lines = text.splitlines()
    for problem in error.problems[:SHOWN]:
        print(problem.format(), file=err)
        if problem.line and 0 < problem.line <= len(lines):
            print(f"    {problem.line} | {lines[problem.line - 1].strip()[:100]}", file=err)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from baocao.importer.pipeline import check_to_stdout, import_notice, write_checked

    try:
        target = _target(args.out, args.force)
        text, imported = import_notice(Path(args.file), target, ocr=args.ocr)
    except BaocaoError as error:
        print(f"Lỗi: {error}", file=err)
        return int(error.exit_status)
    try:
        if target is None:
            check_to_stdout(text, imported)
        else:
            write_checked(text, imported, target, args.force)
    except DataError as error:
        print(f"Lỗi: kết quả nhập từ {args.file} không hợp lệ, không ghi gì:", file=err)
        _show_lines(error, text, err)
        return int(ExitStatus.DATA_ERROR)
    except BaocaoError as error:
        print(f"Lỗi: {error}", file=err)
        return int(error.exit_status)
    except OSError as error:
        print(f"Lỗi: không ghi được {target}: {os_reason(error)}", file=err)
        return int(ExitStatus.DATA_ERROR)
    if target is None:
        out.write(text)
    added = f", {len(imported.added)} cơ quan thêm vào co_quan_them" if imported.added else ""
    print(f"Đã nhập {args.file}" + (f" → {target}" if target else "") + f": {imported.tasks} việc được giao"
          + added + f", {imported.to_check} chỗ cần kiểm tra lại (tìm «kiểm tra lại» trong tệp)", file=err)
    return int(ExitStatus.OK)
