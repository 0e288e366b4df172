"""A .docx notice → :class:`Source`, through the checker's DOCX reader (Word list numbers,
hidden text, caps, header and closing tables), once the zip has passed the size checks.

Footnotes and endnotes live in parts of their own that the body's text does not include. The
format has no place for them, so their words are kept at the end of the imported file, each
"[n] …", and the file's opening comment says so: they are never dropped without a word.
"""
from __future__ import annotations

from pathlib import Path

from baocao.check.errors import UnreadableFile
from baocao.importer import guard
from baocao.importer.errors import UnreadableSource
from baocao.importer.read_layout import to_source
from baocao.importer.source import Source

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NOTE_PARTS = (("word/footnotes.xml", W + "footnote"), ("word/endnotes.xml", W + "endnote"))
NOT_A_NOTE = {"separator", "continuationSeparator", "continuationNotice"}


def read_docx(path: Path) -> Source:
    guard.check_file(path, ".docx")
    guard.check_zip(path)
    from baocao.check.readers.docx.reader import read_docx_and_package

    try:
        doc, package = read_docx_and_package(str(path))
        notes = _notes(package)
    except UnreadableFile as exc:
        raise UnreadableSource(path, exc.reason) from None
    source = to_source(doc, "docx")
    if notes:
        source.after += [f"[{n}] {text}" for n, text in enumerate(notes, 1)]
        source.notes.append(f"kiểm tra lại: văn bản gốc có {len(notes)} chú thích cuối trang; định dạng thông báo "
                            "chưa có chỗ cho chú thích: lời chú thích giữ nguyên văn ở cuối tệp, chỗ đặt dấu chú "
                            "thích trong câu chữ cần đánh dấu lại")
    return source


def _notes(package) -> list[str]:
    """The words of every footnote, then every endnote, of a .docx *package*, in order."""
    from baocao.check.readers.docx.package import BrokenPart

    out: list[str] = []
    for part, tag in NOTE_PARTS:
        if part not in package.names:
            continue
        try:
            root = package.xml(part)
        except BrokenPart as exc:
            raise UnreadableFile(package.path, f"phần chú thích {part} bị hỏng ({exc})") from None
        for note in root.iter(tag):
            if note.get(W + "type") in NOT_A_NOTE:
                continue
            paragraphs = ("".join(t.text or "" for t in p.iter(W + "t")) for p in note.iter(W + "p"))
            text = " ".join(" ".join(p.split()) for p in paragraphs if p.strip())
            if text:
                out.append(text)
    return out
