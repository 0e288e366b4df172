"""The closing block: the signer's lines, "Nơi nhận:" and its entries, and what follows them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from baocao.check import text as tx
from baocao.check.model import Para

SIGNED_MARK = re.compile(r"^\(?\s*(đã ký|đã ký và đóng dấu|ký tên|ký, ghi rõ họ tên|ký, đóng dấu).*\)?$", re.I)
APPENDIX = re.compile(r"^phu luc\b")


@dataclass
class Entry:
    """One recipient: a line starting with "-", with its continuation lines."""

    text: str
    paras: list[Para]


@dataclass
class Closing:
    signer: list[Para] = field(default_factory=list)          # title lines then the name
    label: Para | None = None                                   # "Nơi nhận:"
    entries: list[Entry] = field(default_factory=list)

    @property
    def titles(self) -> list[Para]:
        return self.signer[:-1] if len(self.signer) > 1 else []

    @property
    def name(self) -> Para | None:
        return self.signer[-1] if len(self.signer) > 1 else None


def entries(paras: list[Para]) -> list[Entry]:
    out: list[Entry] = []
    for p in paras:
        if p.is_empty:
            continue
        t = p.clean
        if t.startswith(("-", "–", "+", "•")) or not out:
            out.append(Entry(t, [p]))
        else:
            out[-1].text += " " + t
            out[-1].paras.append(p)
    return out


def _signer_lines(right: list[Para]) -> list[Para]:
    """The signer's lines: titles, then the name; a line after the name is not the signer's."""
    lines = [p for p in right if not p.is_empty and not SIGNED_MARK.match(p.clean)]
    out: list[Para] = []
    for p in lines:
        if out and not tx.is_upper(out[-1].text) and len(out) > 1:
            break                      # the name was the previous line
        out.append(p)
    return out


def closing_from_columns(left: list[Para], right: list[Para]) -> Closing:
    c = Closing()
    left = [p for p in left if not p.is_empty]
    label_i = next((i for i, p in enumerate(left) if tx.is_recipients_label(p.text)), None)
    if label_i is not None:
        c.label = left[label_i]
        c.entries = entries(left[label_i + 1:])
    c.signer = _signer_lines(right)
    return c


def signer_like(p: Para) -> bool:
    return tx.is_signer_head(p.text) or (tx.is_upper(p.text) and bool(p.all_bold()))


def closing_from_paragraphs(body: list[Para]) -> tuple[Closing, list[Para], list[Para]]:
    """A closing typed as plain paragraphs (no table): signer lines and Nơi nhận after the body.

    Returns the closing, the body before it and what comes after it (an appendix)."""
    c = Closing()
    label_i = next((i for i, p in enumerate(body) if tx.is_recipients_label(p.text)), None)
    end = max((i for i, p in enumerate(body) if p.clean.endswith("./.")), default=None)
    first_signer = next((i for i, p in enumerate(body) if tx.is_signer_head(p.text)), None)
    cut_candidates = [i for i in (label_i, first_signer) if i is not None]
    if end is not None:
        cut_candidates.append(end + 1)
    if not cut_candidates:
        return c, body, []
    cut = min(cut_candidates)
    rest = body[cut:]
    body = body[:cut]
    appendix_at = next((i for i, p in enumerate(rest) if APPENDIX.match(tx.fold(p.text))), len(rest))
    appendix = rest[appendix_at:]
    rest = rest[:appendix_at]
    if label_i is not None and label_i - cut < len(rest):
        li = label_i - cut
        c.label = rest[li]
        listed: list[Para] = []
        signer = [p for p in rest[:li]]
        done = False
        for p in rest[li + 1:]:
            dash = p.clean.startswith(("-", "–", "+"))
            if not done and (dash or (listed and not signer_like(p))):
                listed.append(p)
                done = p.clean.endswith(".")
            else:
                done = True
                signer.append(p)
        c.entries = entries(listed)
        c.signer = _signer_lines(signer)
    else:
        c.signer = _signer_lines(rest)
    return c, body, appendix
