"""A .docx notice → :class:`Source`, through the checker's DOCX reader (Word list numbers,
hidden text, caps, header and closing tables), once the zip has passed the size checks."""
from __future__ import annotations

from pathlib import Path

from baocao.check.errors import UnreadableFile
from baocao.importer import guard
from baocao.importer.errors import UnreadableSource
from baocao.importer.read_layout import to_source
from baocao.importer.source import Source


def read_docx(path: Path) -> Source:
    guard.check_file(path, ".docx")
    guard.check_zip(path)
    from baocao.check.readers.docx.reader import read_docx as read_layout

    try:
        doc = read_layout(str(path))
    except UnreadableFile as exc:
        raise UnreadableSource(path, exc.reason) from None
    return to_source(doc, "docx")
