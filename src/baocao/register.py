"""Sổ đăng ký văn bản đi: the outgoing-document number register, in one SQLite file.

Decree 30 numbers a document by its order of registration at the Văn thư, from 01 on 1 January
each year. The register keeps one series per issuing agency and document type, read from the ký
hiệu: ``TB-VPCP`` is the Thông báo series of VPCP, ``QĐ-UBND`` the Quyết định series of a People's
Committee, ``VPCP-KGVX`` (a công văn: agency first, then the drafting unit) the công văn series of
VPCP. Copies (bản sao y ``SY``, sao lục ``SL``, trích sao ``TrS``) share one copy series per
copying agency, given with ``agency=`` since their ký hiệu names none ("Số: 05/TrS").

Each number is taken in its own ``BEGIN IMMEDIATE`` transaction with a busy timeout, so any
number of processes can take numbers from the same file at once and never get the same one. A
number taken for a notice file is recorded with the file (relative to the register's folder)
and its hash; asking again for that file gives the same number back.
"""
from __future__ import annotations

import datetime as dt
import re
import sqlite3
import unicodedata
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from baocao.errors import BaocaoError, ExitStatus, os_reason

DEFAULT_FILE = "so-dang-ky.sqlite"
VN_TZ = dt.timezone(dt.timedelta(hours=7))
BUSY_TIMEOUT_S = 60
SCHEMA_VERSION = 1

# Phụ lục III Mục I of Decree 30: abbreviations of the document types.
TYPES = frozenset({"NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC",
                   "BB", "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB"})
COPIES = frozenset({"SY", "SL", "TrS"})
COPY_SERIES = "SAO"
LETTER_SERIES = "CV"
_GROUP = r"[A-ZĐ0-9][A-Za-zĐđ0-9]*"
_SYMBOL = re.compile(rf"^{_GROUP}(-{_GROUP})*$")

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS entries (
        year INTEGER NOT NULL,
        agency TEXT NOT NULL,
        series TEXT NOT NULL,
        number INTEGER NOT NULL,
        symbol TEXT NOT NULL,
        source TEXT,
        source_sha256 TEXT,
        taken_at TEXT NOT NULL,
        note TEXT,
        PRIMARY KEY (year, agency, series, number))""",
    "CREATE INDEX IF NOT EXISTS entries_by_source ON entries (source)",
    f"PRAGMA user_version = {SCHEMA_VERSION}",
)


class RegisterError(BaocaoError):
    exit_status = ExitStatus.DATA_ERROR


@dataclass(frozen=True)
class Series:
    agency: str
    series: str


@dataclass(frozen=True)
class Entry:
    year: int
    agency: str
    series: str
    number: int
    symbol: str
    source: str | None
    source_sha256: str | None
    taken_at: str
    note: str | None

    @property
    def label(self) -> str:
        """As printed after "Số: ", e.g. "05/TB-VPCP" (a leading 0 below 10)."""
        return f"{self.number:02d}/{self.symbol}"

    def as_dict(self) -> dict:
        return {**asdict(self), "label": self.label}


def parse_symbol(symbol: str, agency: str | None = None) -> Series:
    """The series a ký hiệu numbers in.

    >>> parse_symbol("TB-VPCP")
    Series(agency='VPCP', series='TB')
    >>> parse_symbol("VPCP-KGVX")
    Series(agency='VPCP', series='CV')
    >>> parse_symbol("TrS", agency="BCT")
    Series(agency='BCT', series='SAO')
    """
    symbol = unicodedata.normalize("NFC", symbol.strip())
    if not _SYMBOL.match(symbol):
        raise RegisterError(f"ký hiệu không đúng dạng: {symbol!r} (vd: TB-VPCP, QĐ-UBND, VPCP-KGVX, TrS)")
    head, *rest = symbol.split("-")
    if head in COPIES:
        owner = agency or (rest[0] if rest else None)
        if not owner:
            raise RegisterError(f"bản sao ({symbol}) đánh số theo cơ quan sao: cho biết chữ viết tắt của "
                                "cơ quan (vd: --agency VPCP)")
        return Series(unicodedata.normalize("NFC", owner), COPY_SERIES)
    if head in TYPES:
        if not rest:
            raise RegisterError(f"ký hiệu {symbol} thiếu chữ viết tắt của cơ quan ban hành (vd: {head}-VPCP)")
        return Series(rest[0], head)
    if not rest:
        raise RegisterError(f"{symbol!r} không phải tên loại văn bản theo Phụ lục III Nghị định 30 "
                            "(vd: TB, QĐ, TrS) hay ký hiệu công văn (vd: VPCP-KGVX)")
    return Series(head, LETTER_SERIES)


def this_year() -> int:
    return dt.datetime.now(VN_TZ).year


class Register:
    """One register file; opens (and creates) it on first use."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                connection.close()
                raise RegisterError(f"sổ đăng ký {self.path} do một phiên bản baocao mới hơn tạo; hãy cập nhật baocao")
            if version < SCHEMA_VERSION:
                connection.execute("BEGIN IMMEDIATE")
                for statement in _SCHEMA:
                    connection.execute(statement)
                connection.execute("COMMIT")
            return connection
        except sqlite3.DatabaseError as exc:
            raise RegisterError(f"không mở được sổ đăng ký {self.path}: {exc}") from None
        except OSError as exc:
            raise RegisterError(f"không tạo được sổ đăng ký {self.path}: {os_reason(exc)}") from None

    def take(self, symbol: str, year: int | None = None, *, agency: str | None = None,
             source: str | None = None, source_sha256: str | None = None, note: str | None = None) -> Entry:
        """The next number of the series of *symbol* in *year* (this year by default). With
        *source*, a number already taken for that file (or, failing that, for a file with the
        same *source_sha256*) in the same series and year is given back instead."""
        series = parse_symbol(symbol, agency)
        year = year or this_year()
        if not 1900 <= year <= 2100:
            raise RegisterError(f"năm không hợp lệ: {year}")
        connection = self._connect()
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                found = self._recorded(connection, series, year, source, source_sha256)
                if found is None:
                    number = connection.execute(
                        "SELECT COALESCE(MAX(number), 0) + 1 FROM entries WHERE year = ? AND agency = ? AND series = ?",
                        (year, series.agency, series.series)).fetchone()[0]
                    found = Entry(year, series.agency, series.series, number, unicodedata.normalize("NFC", symbol),
                                  source, source_sha256, dt.datetime.now(VN_TZ).isoformat(timespec="seconds"), note)
                    connection.execute("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                       tuple(asdict(found).values()))
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            return found
        except sqlite3.OperationalError as exc:
            raise RegisterError(f"sổ đăng ký {self.path} đang bận hoặc không ghi được: {exc}") from None
        finally:
            connection.close()

    def _recorded(self, connection, series: Series, year: int, source: str | None, sha: str | None) -> Entry | None:
        """A number already taken for *source*; or for a file with the same hash that is gone
        (the notice was renamed), never for a copy that still exists beside it."""
        if source is None:
            return None
        query = "SELECT * FROM entries WHERE {} = ? AND year = ? AND agency = ? AND series = ? ORDER BY number"
        row = connection.execute(query.format("source"), (source, year, series.agency, series.series)).fetchone()
        if row:
            return Entry(*row)
        for row in connection.execute(query.format("source_sha256"), (sha, year, series.agency, series.series)) \
                if sha else ():
            entry = Entry(*row)
            if entry.source and not (self.path.parent / entry.source).exists():
                connection.execute("UPDATE entries SET source = ? WHERE year = ? AND agency = ? AND series = ? "
                                   "AND number = ?", (source, year, series.agency, series.series, entry.number))
                return replace(entry, source=source)
        return None

    def for_source(self, source: str) -> Entry | None:
        """The latest number taken for a notice file, without taking one (None if none)."""
        if not self.path.is_file():
            return None
        connection = self._connect()
        try:
            row = connection.execute("SELECT * FROM entries WHERE source = ? ORDER BY year DESC, number DESC LIMIT 1",
                                     (source,)).fetchone()
        finally:
            connection.close()
        return Entry(*row) if row else None

    def entries(self, year: int | None = None) -> list[Entry]:
        if not self.path.is_file():
            return []
        connection = self._connect()
        try:
            query = "SELECT * FROM entries" + (" WHERE year = ?" if year else "") + \
                " ORDER BY year, agency, series, number"
            return [Entry(*row) for row in connection.execute(query, (year,) if year else ())]
        finally:
            connection.close()
