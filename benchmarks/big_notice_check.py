"""The right-hand column of docs/check.md's table of limits: a 203-page notice rendered by baocao
(1,700 khoản of a real sentence), its sizes and counts, and the time and peak memory of
`baocao check` on its PDF and its DOCX, each in a process of its own.

Run: .venv/bin/python benchmarks/big_notice_check.py [--repeat 2]
Prints figures only; nothing here is a test (tests/test_hostile_check.py keeps the bounds).
"""
from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pypdfium2

ROOT = Path(__file__).resolve().parents[1]
MEASURE = ROOT / "tests" / "resources" / "hostile" / "measure.py"
SENTENCE = ("Các cơ quan, đơn vị tiếp tục rà soát, hoàn thiện hồ sơ, thủ tục đầu tư các dự án nguồn điện, "
            "lưới điện; tăng cường kiểm tra, giám sát việc thực hiện, kịp thời tháo gỡ khó khăn, vướng mắc "
            "phát sinh trong quá trình triển khai, bảo đảm tiến độ và chất lượng công trình theo đúng quy "
            "định của pháp luật hiện hành.")


def build(folder: Path) -> Path:
    from baocao.cli import main

    data = ROOT / "data"
    source = (data / "thong-bao-bo-cong-thuong.yaml").read_text(encoding="utf-8")
    head, tail = source.split("noi_dung:")[0], "nguoi_ky:" + source.split("nguoi_ky:")[1]
    body = "noi_dung:\n  khoan:\n" + "".join(f'    - van_ban: "{SENTENCE} Đoạn số {i}."\n' for i in range(1, 1701))
    (folder / "dai.yaml").write_text(head + body + "\n" + tail, encoding="utf-8")
    (folder / "co-quan.yaml").write_text((data / "co-quan.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["build", str(folder / "dai.yaml"), "--out", str(folder / "out")], io.StringIO(), io.StringIO()) == 0
    return folder / "out" / "dai" / "thong-bao.pdf"


def check(path: Path) -> tuple[float, int]:
    done = subprocess.run([sys.executable, str(MEASURE), "120", sys.executable, "-m", "baocao", "check", str(path)],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    assert result["status"] == 0, result
    return result["wall_s"], result["peak_bytes"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    pdf = build(Path(tempfile.mkdtemp(prefix="baocao-dai-")))
    docx = pdf.with_suffix(".docx")
    document = pypdfium2.PdfDocument(str(pdf))
    chars = [document[i].get_textpage().count_chars() for i in range(len(document))]
    with zipfile.ZipFile(docx) as package:
        xml = package.read("word/document.xml")
        entries = len(package.infolist())
    print(f"pages {len(document)}; PDF {pdf.stat().st_size / 1e6:.2f} MB, DOCX {docx.stat().st_size / 1e6:.2f} MB")
    print(f"DOCX: {entries} zip entries, document.xml {len(xml) / 1e6:.2f} MB, "
          f"about {xml.count(b'<') - xml.count(b'</'):,} elements, "
          f"{xml.count(b'<w:p>') + xml.count(b'<w:p '):,} paragraphs (table cells included)")
    print(f"PDF characters: {sum(chars):,} in all, {max(chars):,} at most on one page")
    for path in (pdf, docx):
        runs = [check(path) for _ in range(args.repeat)]
        print(f"baocao check {path.suffix[1:].upper()}: {statistics.median(r[0] for r in runs):.1f} s "
              f"(median of {args.repeat}), peak {max(r[1] for r in runs) / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
