"""Nơi nhận, the Lưu line and the signer block → ``noi_nhan``, ``luu`` and ``nguoi_ky``.

Nơi nhận entries keep their words and their own final punctuation (only the ";" baocao adds
back is dropped); an entry that is exactly a registry body's name becomes that body. The Lưu
line becomes its parts (units, copies, drafter) only where they print back the same, else the
line as written. What the source lacks is written as the blank of a form ("…") and flagged, so
the notice still builds and nothing is made up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from baocao.check import text as tx
from baocao.data.model import AUTHORITIES
from baocao.importer.names import AgencyIndex
from baocao.importer.source import Line

BLANK = "…"
ARCHIVE = re.compile(r"^VT(?:,\s*(?P<units>[^()]+?))?(?:\s*\((?P<n>\d+)\))?(?:\s+(?P<who>[^\s,()][^,()]*?))?\.$")
TITLES = re.compile(r"^(GS|PGS|TS|ThS|KS|BS)\.\s*")


@dataclass
class Closing:
    recipients: list = field(default_factory=list)
    archive: object = BLANK
    signer: dict = field(default_factory=dict)
    after: list[str] = field(default_factory=list)
    notes: dict = field(default_factory=dict)           # data key → comments


def _entries(lines: list[str]) -> list[str]:
    """Entries "- …", a wrapped entry's lines joined."""
    out: list[str] = []
    for line in lines:
        text = " ".join(line.split())
        if re.match(r"^[-–+]\s*", text) or not out or out[-1].endswith((";", ".", ":")):
            out.append(text)
        else:
            out[-1] = f"{out[-1]} {text}"
    return out


def read_closing(recipients: list[str], signer: list[Line], index: AgencyIndex, units: dict) -> Closing:
    closing = Closing()
    entries = _entries(recipients)
    archive = next((e for e in entries if re.match(r"^[-–]\s*Lưu\s*:", e)), None)
    for entry in entries:
        if entry is archive:
            continue
        closing.recipients.append(_recipient(entry, index))
    if not closing.recipients:
        closing.recipients = [BLANK]
        closing.notes["noi_nhan"] = ["kiểm tra lại: văn bản gốc không có Nơi nhận; «…» là chỗ trống để điền"]
    if archive is None:
        closing.notes["luu"] = ["kiểm tra lại: văn bản gốc không có dòng «Lưu»; «…» là chỗ trống để điền"]
    else:
        closing.archive = _archive(re.sub(r"^[-–]\s*Lưu\s*:\s*", "", archive), units)
    closing.signer, closing.after, notes = _signer([line.text for line in signer])
    if notes:
        closing.notes["nguoi_ky"] = notes
    return closing


def _recipient(entry: str, index: AgencyIndex):
    text = re.sub(r"^[-–+]\s*", "", entry)
    if text.endswith(";"):
        text = text[:-1].rstrip()
    m = re.match(r"^(?P<name>.+?)(?:\s+\((?P<note>[^()]+)\))?$", text)
    key = index.lookup(m.group("name")) if m else None
    if key is not None and index.name(key) == m.group("name") and index.kind(key) not in ("nhom",):
        return {"co_quan": key, **({"ghi_chu": m.group("note")} if m.group("note") else {})}
    return text or BLANK


def _archive(text: str, units: dict):
    """Lưu as parts where "VT, <units> (<n>) <drafter>." prints back the same, else as written."""
    m = ARCHIVE.match(text)
    if m:
        parts = [u.strip() for u in (m.group("units") or "").split(",") if u.strip()]
        rebuilt = ", ".join(["VT", *parts]) + (f" ({m.group('n')})" if m.group("n") else "") \
            + (f" {m.group('who')}" if m.group("who") else "") + "."
        copies_ok = not m.group("n") or not m.group("n").startswith("0")
        if rebuilt == text and copies_ok and all(not units or u in units for u in parts) and "VT" not in parts:
            data: dict = {}
            if parts:
                data["don_vi"] = parts
            if m.group("n"):
                data["so_ban"] = int(m.group("n"))
            if m.group("who"):
                data["nguoi_soan"] = m.group("who")
            return data
    return text or BLANK


def _signer(lines: list[str]) -> tuple[dict, list[str], list[str]]:
    """(nguoi_ky, lines after the signer's name, comments)."""
    notes: list[str] = []
    lines = [" ".join(line.split()) for line in lines if line.strip()]
    # A stray mark read off a signature or a seal (OCR) is not a line of the block.
    marks = [line for line in lines if sum(c.isalpha() for c in line) < 2]
    lines = [line for line in lines if line not in marks]
    if marks:
        notes.append("kiểm tra lại: ký tự rời ở khối chữ ký không đưa vào dữ liệu: "
                     + "; ".join(f"«{m}»" for m in marks))
    name_at = next((i for i, line in enumerate(lines) if not tx.is_upper(line) and not tx.is_signer_head(line)
                    and not re.match(r"^\(?(?:đã ký|ký|kt|ký thay|ký tên)", line, re.IGNORECASE)), None)
    upper = lines[:name_at] if name_at is not None else lines
    other = [line for line in upper if not tx.is_upper(line) and not tx.is_signer_head(line)]
    upper = [line for line in upper if line not in other]
    if other:
        notes.append("kiểm tra lại: dòng không đưa vào dữ liệu ở khối chữ ký: " + "; ".join(f"«{o}»" for o in other))
    signer: dict = {}
    titles = list(upper)
    if titles:
        m = re.match(r"^(TM|KT|TL|TUQ|Q)\.\s*(.+)$", titles[0])
        if m and m.group(1) in AUTHORITIES:
            signer["quyen_han"] = m.group(1)
            signer["thay_mat"] = m.group(2)
            titles = titles[1:]
    if not titles:
        notes.append("kiểm tra lại: văn bản gốc không ghi chức vụ người ký; «…» là chỗ trống để điền")
        titles = [BLANK]
    signer["chuc_vu"] = titles if len(titles) > 1 else titles[0]
    after: list[str] = []
    if name_at is None:
        notes.append("kiểm tra lại: văn bản gốc không ghi họ tên người ký; «…» là chỗ trống để điền")
        signer["ho_ten"] = BLANK
    else:
        name = lines[name_at]
        prefix = TITLES.match(name)
        if prefix:
            notes.append(f"kiểm tra lại: học hàm, học vị «{prefix.group(0).strip()}» trước tên người ký không ghi "
                         "theo Nghị định 30; đã bỏ khỏi họ tên")
            name = name[prefix.end():]
        signer["ho_ten"] = name
        after = lines[name_at + 1:]
    if not lines:
        notes[:] = ["kiểm tra lại: văn bản gốc không có khối chữ ký (chức vụ, họ tên người ký); «…» là chỗ trống để điền"]
    return signer, after, notes
