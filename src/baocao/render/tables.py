"""The task list as spreadsheets: ``nhiem-vu.csv`` (UTF-8 with BOM, so Excel reads Vietnamese)
and ``nhiem-vu.xlsx`` (XlsxWriter: header frozen, autofilter, dates as dates, the same bytes
every run because the workbook's dates are pinned).

Both have the same columns (:data:`COLUMNS`), one row per task, in the notice's order. A CSV
cell that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``) gets a
leading apostrophe; XLSX cells are written as text and need none.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from baocao.documents.briefing import Briefing, Counts, Row
from baocao.documents.status import Status

DATE_FORMAT = "dd/mm/yyyy"


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Row], Any]
    width: float = 14            # XLSX column width, in characters
    kind: str = "text"           # text | date | int


COLUMNS: tuple[Column, ...] = (
    Column("Mã nhiệm vụ", lambda r: r.task.id, 24),
    Column("Số hiệu", lambda r: r.task.number, 10),
    Column("Vị trí", lambda r: r.task.position, 22),
    Column("Cơ quan chủ trì", lambda r: r.task.lead_name, 28),
    Column("Mã cơ quan chủ trì", lambda r: r.task.lead, 22),
    Column("Cơ quan phối hợp", lambda r: r.coordinators, 28),
    Column("Nhiệm vụ", lambda r: r.task.text, 70),
    Column("Thời hạn", lambda r: r.deadline_text, 24),
    Column("Hạn hoàn thành", lambda r: r.final_due, 13, "date"),
    Column("Hạn đang xét", lambda r: r.status.due, 13, "date"),
    Column("Sản phẩm", lambda r: r.task.product, 30),
    Column("Báo cáo", lambda r: r.task.report_to_name, 22),
    Column("Tiến độ", lambda r: r.status.state_text, 15),
    Column("Ngày hoàn thành", lambda r: r.status.completed, 13, "date"),
    Column("Văn bản kết quả", lambda r: r.status.result, 30),
    Column("Tình trạng", lambda r: r.status.status.text, 24),
    Column("Chi tiết", lambda r: r.status.detail, 28),
    Column("Số ngày quá hạn", lambda r: r.status.days_overdue, 10, "int"),
    Column("Ghi chú", lambda r: r.status.note, 30),
    Column("Chưa rõ (6 rõ)", lambda r: ", ".join(r.missing), 22),
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def tasks_csv(briefing: Briefing) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.header for c in COLUMNS])
    for row in briefing.rows:
        writer.writerow([_csv_cell(c.value(row)) for c in COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


class _Book:
    """An in-memory XlsxWriter workbook with the formats every sheet uses and pinned dates."""

    def __init__(self, created: dt.datetime, title: str, author: str):
        import xlsxwriter

        self.buffer = io.BytesIO()
        self.book = xlsxwriter.Workbook(self.buffer, {"in_memory": True, "strings_to_formulas": False,
                                                      "strings_to_urls": False, "strings_to_numbers": False})
        naive = created.astimezone(dt.timezone.utc).replace(tzinfo=None)
        self.book.set_properties({"title": title, "author": author, "company": author, "created": naive,
                                  "comments": "baocao"})
        self.book.set_calc_mode("auto")
        font = {"font_name": "Times New Roman", "font_size": 12, "valign": "top"}
        self.header = self.book.add_format({**font, "bold": True, "text_wrap": True, "bg_color": "#E8E8E8",
                                            "border": 1, "align": "center", "valign": "vcenter"})
        self.text = self.book.add_format({**font, "text_wrap": True, "border": 1})
        self.date = self.book.add_format({**font, "num_format": DATE_FORMAT, "border": 1, "align": "left"})
        self.int = self.book.add_format({**font, "border": 1})
        self.percent = self.book.add_format({**font, "num_format": "0.0%", "border": 1})
        self.title = self.book.add_format({**font, "bold": True, "font_size": 13})

    def table(self, name: str, headers: Sequence[str], widths: Sequence[float], rows: Sequence[Sequence[Any]],
              kinds: Sequence[str], first_row: int = 0):
        sheet = self.book.add_worksheet(name)
        for col, (header, width) in enumerate(zip(headers, widths)):
            sheet.set_column(col, col, width)
            sheet.write_string(first_row, col, header, self.header)
        for r, values in enumerate(rows, start=first_row + 1):
            for col, (value, kind) in enumerate(zip(values, kinds)):
                self.cell(sheet, r, col, value, kind)
        sheet.freeze_panes(first_row + 1, 0)
        sheet.autofilter(first_row, 0, first_row + max(len(rows), 1), len(headers) - 1)
        return sheet

    def cell(self, sheet, r: int, col: int, value: Any, kind: str) -> None:
        if value is None or value == "":
            sheet.write_blank(r, col, None, self.text)
        elif kind == "date":
            sheet.write_datetime(r, col, dt.datetime.combine(value, dt.time()), self.date)
        elif kind == "int":
            sheet.write_number(r, col, value, self.int)
        elif kind == "percent":
            sheet.write_number(r, col, value, self.percent)
        else:
            sheet.write_string(r, col, str(value), self.text)

    def close(self) -> bytes:
        self.book.close()
        return self.buffer.getvalue()


COUNT_HEADERS = ("Tổng số nhiệm vụ", "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Chưa hoàn thành trong hạn",
                 "Trong đó sắp đến hạn", "Chưa hoàn thành quá hạn", "Tỷ lệ hoàn thành", "Tỷ lệ quá hạn")
COUNT_KINDS = ("int",) * 6 + ("percent", "percent")


def count_cells(counts: Counts) -> list[Any]:
    """The figures of one line of a Government-style table, shares as fractions for Excel."""
    total = counts.total or 1
    return [counts.total, counts[Status.DONE_ON_TIME], counts[Status.DONE_LATE], counts.in_time,
            counts[Status.DUE_SOON], counts[Status.OVERDUE], round(counts.done / total, 4),
            round(counts.late / total, 4)]


def tasks_xlsx(briefing: Briefing) -> bytes:
    book = _Book(briefing.created, f"Nhiệm vụ: {briefing.title}", briefing.issuer)
    book.table("Nhiệm vụ", [c.header for c in COLUMNS], [c.width for c in COLUMNS],
               [[c.value(r) for c in COLUMNS] for r in briefing.rows], [c.kind for c in COLUMNS])
    sheet = book.table("Theo cơ quan", ("Cơ quan chủ trì", *COUNT_HEADERS), (36, *(14,) * len(COUNT_HEADERS)),
                       [[g.name, *count_cells(g.counts)] for g in briefing.groups]
                       + [["Tổng cộng", *count_cells(briefing.counts)]], ("text", *COUNT_KINDS))
    sheet.set_row(0, 45)
    info = book.book.add_worksheet("Thông tin")
    info.set_column(0, 0, 24)
    info.set_column(1, 1, 90)
    facts = [("Văn bản", briefing.title), ("Trích yếu", briefing.summary),
             ("Tính đến ngày", briefing.options.as_of), ("Sắp đến hạn", f"trong {briefing.options.soon_days} ngày"),
             ("Kết quả", "Tổng số " + briefing.counts.sentence() + "."),
             ("Tệp tiến độ", str(briefing.progress.path.name) if briefing.progress.path else "chưa có")]
    for r, (key, value) in enumerate(facts):
        info.write_string(r, 0, key, book.header)
        book.cell(info, r, 1, value, "date" if isinstance(value, dt.date) else "text")
    return book.close()
