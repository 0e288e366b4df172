"""The ``baocao build`` sub-command: wiring only (argparse in, the engine's result out).

Nothing heavy is imported until the command runs: the engine decides what to load.
"""
from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path
from typing import Any, TextIO


def _jobs(text: str) -> int:
    value = int(text)
    if value < 0:
        raise ValueError(text)
    return value


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def register(sub: Any) -> None:
    p = sub.add_parser("build", help="dựng DOCX và PDF của mọi thông báo",
                       description="Dựng mọi thông báo trong các tệp/thư mục đã cho (mặc định: data/) vào "
                                   "<--out>/<tên tệp>/. Chỉ dựng lại những gì đã đổi (sổ ghi: "
                                   "<--out>/.baocao-manifest.json); mỗi thông báo được thay trọn bộ hoặc "
                                   "giữ nguyên bộ cũ. Mã thoát: 0 xong, 1 --check thấy kết quả cũ hoặc "
                                   "--verify thấy lỗi thể thức, 2 dữ liệu sai, 3 mẫu hỏng, 4 lỗi dựng.")
    p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                   help="in chi tiết kỹ thuật (traceback) khi có lỗi nội bộ")
    p.add_argument("sources", nargs="*", default=["data"], metavar="TỆP_HOẶC_THƯ_MỤC",
                   help="tệp thông báo hoặc thư mục (tìm cả thư mục con; mặc định: data)")
    p.add_argument("--out", default="output", metavar="THƯ_MỤC", help="thư mục kết quả (mặc định: output)")
    p.add_argument("--jobs", "-j", type=_jobs, default=default_jobs(), metavar="N",
                   help=f"số tiến trình dựng song song (mặc định: số lõi CPU, ở đây {default_jobs()}; "
                        "0: dựng ngay trong tiến trình này)")
    p.add_argument("--force", action="store_true", help="dựng lại tất cả, kể cả những gì không đổi")
    p.add_argument("--check", action="store_true",
                   help="không ghi gì; liệt kê kết quả cũ hoặc còn thiếu, mã thoát 1 nếu có (dùng trong CI)")
    p.add_argument("--verify", action="store_true", help="kiểm tra thể thức văn bản đã dựng theo Nghị định 30")
    p.add_argument("--verbose", "-v", action="store_true",
                   help="in chi tiết: cảnh báo, thông báo không đổi, báo cáo kiểm tra đầy đủ")
    p.add_argument("--json", action="store_true", help="in tóm tắt dạng JSON cho máy đọc (ra đầu ra chuẩn)")
    p.add_argument("--strict", action="store_true", help="coi cảnh báo \"6 rõ\" là lỗi")
    p.add_argument("--take-numbers", action="store_true",
                   help="thông báo chưa có số thì lấy số tiếp theo từ sổ đăng ký (dựng lại vẫn giữ số đó)")
    p.add_argument("--register", metavar="TỆP", default=None,
                   help="tệp sổ đăng ký (mặc định: so_dang_ky trong cai-dat.yaml, hoặc so-dang-ky.sqlite "
                        "cạnh thông báo)")
    p.add_argument("--templates", metavar="THƯ_MỤC", default=None,
                   help="thư mục mẫu của dự án, thay các mẫu có sẵn cùng tên (mặc định: thu_muc_mau trong "
                        "cai-dat.yaml)")
    p.add_argument("--as-of", "--tinh-den", dest="as_of", metavar="NGÀY", type=_day, default=None,
                   help="báo cáo tóm tắt tính tình trạng nhiệm vụ đến ngày này (YYYY-MM-DD; "
                        "mặc định: hôm nay theo giờ Việt Nam)")
    p.add_argument("--sap-den-han", dest="soon_days", metavar="SỐ_NGÀY", type=_days, default=None,
                   help="nhiệm vụ còn không quá từng này ngày đến hạn là \"sắp đến hạn\" (mặc định: 7)")


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


def _as_of(args: argparse.Namespace) -> Any:
    """``--as-of``, else the day of SOURCE_DATE_EPOCH if set, else today in Việt Nam (without
    importing the status model: a build with nothing to do does not need it)."""
    import datetime as dt

    vn = dt.timezone(dt.timedelta(hours=7))
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if getattr(args, "as_of", None) is not None:
        return args.as_of
    return dt.datetime.fromtimestamp(int(epoch), tz=vn).date() if epoch.isdigit() else dt.datetime.now(vn).date()


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from baocao.build import engine
    from baocao.build.display import for_stream

    display = for_stream(err, args.verbose, args.debug)
    options = engine.Options(
        sources=args.sources, out=Path(args.out), jobs=args.jobs, force=args.force, check=args.check,
        verify=args.verify, verbose=args.verbose, strict=args.strict, take_numbers=args.take_numbers,
        register=Path(args.register) if args.register else None,
        templates=Path(args.templates) if args.templates else None, as_of=_as_of(args),
        soon_days=args.soon_days)
    result = engine.run(options, display)
    display.finish(result)
    if args.check:
        _report_check(result, out if not args.json else None, err)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2), file=out)
    return result.status


def _report_check(result: Any, out: TextIO | None, err: TextIO) -> None:
    labels = {"stale": "cũ", "missing": "chưa dựng", "failed": "lỗi"}
    todo = [n for n in result.notices if n.state in labels]
    if out is not None:
        for notice in todo:
            where = f"{result.out / notice.slug}/" if notice.slug else notice.source
            print(f"{labels[notice.state]}: {where} ({notice.source}: {notice.reason})"
                  if notice.slug else f"{labels[notice.state]}: {notice.reason}", file=out)
    current = result.count("current")
    if todo:
        print(f"{len(todo)}/{len(result.notices)} thông báo cần dựng lại: chạy baocao build.", file=err)
    else:
        print(f"Mọi kết quả đều mới nhất ({current} thông báo).", file=err)
