"""``baocao import``: an issued notice (DOCX, PDF with a text layer, or plain text) → baocao YAML.

    file ──read_docx / read_pdf / read_text──▶ Source (header, trích yếu, paragraphs, closing block)
         ──recognise──▶ raw data + comments ──emit_yaml──▶ YAML text ──validate──▶ written

The words are kept exactly as the notice writes them (``cach_giao: nguyen-van``); who leads,
who coordinates and by when are read from them into data, so the format's checks of written-out
text against its data hold by construction. :func:`import_notice` does all of it in memory;
:mod:`baocao.importer.command` is the command line.
"""
from __future__ import annotations

__all__ = ["import_notice", "read_source"]


def __getattr__(name: str):
    # The command line imports this package for its sub-command; the pipeline (and what it
    # needs) is loaded only when an import runs.
    if name in __all__:
        from baocao.importer import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
