"""``build --take-numbers``: a notice without a number gets the next one from the register, and
so does every extract (TRÍCH SAO) without one, in its copying agency's copy series.

The number is recorded with the notice file (relative to the register's folder, so the same in
every clone) and its hash; a rebuild of the same file gets the same number, whatever changed in
it since, and a renamed but unchanged file keeps its number too. An extract's number is recorded
with the notice file and the agency it is for.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from baocao.build.sources import NoticeSource
from baocao.errors import BaocaoError

UNKNOWN = "?"


class Numbering:
    def __init__(self, register_file: Path | None = None):
        self.explicit = register_file
        self._registers: dict[Path, Any] = {}

    def register_for(self, source: NoticeSource):
        from baocao.register import Register
        from baocao.settings import register_file

        path = self.explicit or register_file(source.folder)
        if path not in self._registers:
            self._registers[path] = Register(path)
        return self._registers[path]

    @staticmethod
    def key(source: NoticeSource, register) -> str:
        return Path(os.path.relpath(os.path.abspath(source.path), os.path.abspath(register.path.parent))).as_posix()

    def lookup(self, source: NoticeSource) -> str:
        """The number already taken for *source*, as text ("?" if none): read-only."""
        try:
            register = self.register_for(source)
            entry = register.for_source(self.key(source, register))
        except BaocaoError:
            return UNKNOWN
        return str(entry.number) if entry else UNKNOWN

    def take(self, source: NoticeSource, notice: Any, registry: Any, sha256: str) -> tuple[Any, Any]:
        """*notice* with its number filled in from the register, and the register entry."""
        document = notice.document
        symbol = document.symbol or f"{document.doc_type}-{registry.agencies[document.agency].abbr}"
        register = self.register_for(source)
        entry = register.take(symbol, document.issue_year, source=self.key(source, register), source_sha256=sha256)
        numbered = notice.model_copy(update={"document": document.model_copy(update={"number": entry.number})})
        return numbered, entry

    def take_copies(self, source: NoticeSource, notice: Any, registry: Any, layout: Any,
                    templates: Any) -> dict[str, int]:
        """The TrS number of each extract of *notice* that has none from its settings: agency key →
        number. Nothing when the notice assigns no task or ``trich_sao_so`` numbers its copies."""
        from baocao.build.outputs import notice_document
        from baocao.documents.extract import build_extracts, settings_for

        settings = settings_for(layout, source.path)
        if settings.first_number is not None:
            return {}
        wanted: list[tuple[str, int, str]] = []

        def record(copier: str, year: int, agency: str, position: int) -> None:
            wanted.append((copier, year, agency))

        doc = notice_document(notice, registry, layout, source.path, templates)
        build_extracts(notice, registry, doc, settings, origin=source.path, source_dir=source.folder,
                       numbers=record)
        register = self.register_for(source)
        key = self.key(source, register)
        numbers = {}
        for copier, year, agency in wanted:
            abbr = registry.agencies[copier].abbr if copier in registry.agencies else None
            entry = register.take("TrS", year, agency=abbr or copier, source=f"{key}#trich-sao/{agency}")
            numbers[agency] = entry.number
        return numbers
