"""The zip package of a .docx: parts, relationships, and a clear error when it is not one.

Everything is read within the active :class:`~baocao.check.limits.Budget`: the number of zip
entries is read from the end record before the directory is loaded, every part is inflated in
chunks and refused past its size, and XML is parsed without DTDs, entities or network access, with
an upper bound on its elements counted before parsing and libxml2's own depth limit.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from typing import BinaryIO

from lxml import etree

from baocao.check import images as imaging
from baocao.check.errors import UnreadableFile
from baocao.check.limits import LimitExceeded, current

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
RT_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
W_P = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
CHUNK = 1 << 20
# a DOCX part never declares a DTD: one that does is refused before libxml2 sees it
_DOCTYPE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>)?(?:\s|<!--.*?-->)*<!DOCTYPE", re.S)
_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


class BrokenPart(Exception):
    """A part that cannot be inflated or parsed (the message says why)."""


class Package:
    """The zip parts of a .docx, with relationships resolved."""

    def __init__(self, path: str, source: BinaryIO | None = None):
        self.path = path
        self.budget = current()
        self._pictures: dict[str, tuple] = {}
        try:
            self.budget.zip_members(_declared_entries(source if source is not None else path))
            self.zip = zipfile.ZipFile(source if source is not None else path)
            names = set(self.zip.namelist())
        except LimitExceeded:
            raise
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            raise UnreadableFile(path, f"không phải tệp DOCX (zip) hợp lệ ({exc})") from None
        self.budget.zip_members(len(names))
        self.names = names
        main = "word/document.xml"
        try:
            ct = self.read("[Content_Types].xml").decode("utf-8", "replace")
            if "wordprocessingml.document.main" not in ct and main not in names:
                raise UnreadableFile(path, "tệp zip không chứa văn bản Word")
            for rel in self.xml("_rels/.rels"):
                if rel.get("Type", "").endswith("/officeDocument"):
                    main = (rel.get("Target") or "").lstrip("/")
        except (KeyError, BrokenPart):
            pass
        if main not in names:
            raise UnreadableFile(path, "thiếu phần word/document.xml")
        self.main = main
        try:
            self.root = self.xml(main)
        except BrokenPart as exc:
            raise UnreadableFile(path, f"XML của văn bản bị hỏng ({exc})") from None
        self.budget.paragraphs(sum(1 for _ in self.root.iter(W_P)))
        self.rels = self.part_rels(main)

    # ------------------------------------------------------------------ reading parts
    def read(self, part: str) -> bytes:
        """The bytes of *part*, inflated in chunks within the part and package limits.
        KeyError when there is no such part; BrokenPart when it cannot be inflated."""
        info = self.zip.getinfo(part)
        self.budget.part_bytes(part, info.file_size)
        out = bytearray()
        try:
            with self.zip.open(info) as member:
                while chunk := member.read(CHUNK):
                    out += chunk
                    self.budget.part_bytes(part, len(out))
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError,
                ValueError) as exc:
            raise BrokenPart(f"không giải nén được phần {part}: {exc}") from None
        finally:
            self.budget.count_read(len(out))
        return bytes(out)

    def xml(self, part: str):
        """The parsed XML of *part* (KeyError, BrokenPart, or the file refused past a limit)."""
        return self.parse(part, self.read(part))

    def parse(self, part: str, blob: bytes):
        if _DOCTYPE.match(blob[:65536]):
            raise UnreadableFile(self.path, f"phần {part} khai báo DOCTYPE (DTD), điều tệp DOCX không bao giờ "
                                            "có; tệp bị sửa tay hoặc cố ý gài thực thể XML")
        # every element starts with "<" and is not an end tag: an upper bound counted in C
        self.budget.xml_elements(part, blob.count(b"<") - blob.count(b"</"))
        try:
            root = etree.fromstring(blob, _PARSER)
        except etree.XMLSyntaxError as exc:
            if "Excessive depth" in str(exc):
                raise self.budget.xml_depth(part) from None
            raise BrokenPart(str(exc)) from None
        except ValueError as exc:           # e.g. an empty part
            raise BrokenPart(str(exc)) from None
        if root.getroottree().docinfo.doctype:
            raise UnreadableFile(self.path, f"phần {part} khai báo DOCTYPE (DTD), điều tệp DOCX không bao giờ có")
        return root

    def part_rels(self, part: str) -> dict[str, tuple[str, str]]:
        folder, _, name = part.rpartition("/")
        rel_name = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
        out: dict[str, tuple[str, str]] = {}
        if rel_name not in self.names:
            return out
        try:
            root = self.xml(rel_name)
        except (KeyError, BrokenPart):
            return out
        for rel in root:
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                continue
            if target.startswith("/"):
                full = target.lstrip("/")
            else:
                parts = (folder.split("/") if folder else []) + target.split("/")
                stack: list[str] = []
                for p in parts:
                    if p == "..":
                        if stack:
                            stack.pop()
                    elif p and p != ".":
                        stack.append(p)
                full = "/".join(stack)
            out[rel.get("Id")] = (rel.get("Type", ""), full)
        return out

    def related(self, rel_type: str):
        for typ, target in self.rels.values():
            if typ == RT_BASE + rel_type and target in self.names:
                try:
                    return self.xml(target)
                except (KeyError, BrokenPart):
                    return None
        return None

    def blob(self, part: str) -> bytes | None:
        try:
            return self.read(part)
        except (KeyError, BrokenPart):
            return None

    def picture(self, part: str) -> tuple:
        """(format, has_alpha, mean RGB) of the picture *part*, analysed once however often shown."""
        if part not in self._pictures:
            blob = self.blob(part)
            self._pictures[part] = imaging.analyze(blob, where=part) if blob else (None, None, None)
        return self._pictures[part]


def _declared_entries(source) -> int:
    """The number of entries the zip's end record declares, read before its directory is loaded
    (a directory of millions of entries would fill memory first)."""
    handle = open(source, "rb") if isinstance(source, str) else source
    try:
        end = zipfile._EndRecData(handle)      # what ZipFile itself reads first
    except (OSError, AttributeError):
        return 0
    finally:
        if handle is not source:
            handle.close()
        else:
            handle.seek(0)
    return int(end[zipfile._ECD_ENTRIES_TOTAL]) if end else 0
