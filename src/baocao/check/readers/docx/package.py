"""The zip package of a .docx: parts, relationships, and a clear error when it is not one."""
from __future__ import annotations

import zipfile

from baocao.check.errors import UnreadableFile
from baocao.check.readers.docx.styles import parse

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
RT_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


class Package:
    """The zip parts of a .docx, with relationships resolved."""

    def __init__(self, path: str):
        try:
            self.zip = zipfile.ZipFile(path)
            names = set(self.zip.namelist())
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise UnreadableFile(path, f"không phải tệp DOCX (zip) hợp lệ ({exc})") from None
        self.names = names
        main = "word/document.xml"
        try:
            ct = self.zip.read("[Content_Types].xml").decode("utf-8", "replace")
            if "wordprocessingml.document.main" not in ct and main not in names:
                raise UnreadableFile(path, "tệp zip không chứa văn bản Word")
            rels = parse(self.zip.read("_rels/.rels"))
            for rel in rels:
                if rel.get("Type", "").endswith("/officeDocument"):
                    main = rel.get("Target").lstrip("/")
        except KeyError:
            pass
        if main not in names:
            raise UnreadableFile(path, "thiếu phần word/document.xml")
        self.main = main
        try:
            self.root = parse(self.zip.read(main))
        except Exception as exc:
            raise UnreadableFile(path, f"XML của văn bản bị hỏng ({exc})") from None
        self.rels = self.part_rels(main)

    def part_rels(self, part: str) -> dict[str, tuple[str, str]]:
        folder, _, name = part.rpartition("/")
        rel_name = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
        out: dict[str, tuple[str, str]] = {}
        if rel_name not in self.names:
            return out
        try:
            root = parse(self.zip.read(rel_name))
        except Exception:
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
                    return parse(self.zip.read(target))
                except Exception:
                    return None
        return None

    def blob(self, part: str) -> bytes | None:
        try:
            return self.zip.read(part)
        except KeyError:
            return None
