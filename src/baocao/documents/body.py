"""The body of a notice → its paragraphs, every word final.

Each node prints its number and its first paragraph on one line ("1. Cơ bản thống nhất …"), or
its heading on a line of its own ("1. Về thể chế" in bold, then its paragraphs); ý continue the
paragraph ("(i) …; (ii) …"); children follow as paragraphs of their own; ``sau`` comes last.

Where the lead-in is generated (``cach_giao`` ``chu-tri`` or ``ten``), wording.j2 writes it, the
deadline phrases fill the ``{thoi_han}`` marks (or one unmarked deadline is appended), the first
letter of a numbered paragraph is made upper case and a final full stop is added where the text
has none. Where the text is written out in full (``tieu-de``, ``nguyen-van``), nothing is added
or changed: the paragraphs are printed exactly as the data holds them.
"""
from __future__ import annotations

from collections.abc import Iterator

from baocao import vi
from baocao.data.model import PLACEHOLDER, Item, Notice, _Node
from baocao.data.tree import children, label
from baocao.data.validate.tasks import Context
from baocao.documents.agencies import AgencyNames
from baocao.documents.parts import Paragraph, Piece, Run
from baocao.documents.wording import Wording

TERMINAL = tuple(".:;!?…")
# After these an ý needs no "; " before the next one ("… tham gia. Bộ Tài chính …"); an ellipsis
# does ("… kinh tế chia sẻ…; (iii) …").
CLOSED = tuple(".:;!?")
ROLES = {"phan": "section", "khoan": "clause", "diem": "point", "gach": "dash", "cong": "plus", "doan": "prose"}
DEFAULT_TITLE_STYLE = {"phan": "dam", "khoan": "dam"}


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ends(text: str) -> bool:
    return text.rstrip("”\"')»").endswith(TERMINAL)


def join_inline(pieces: list[str]) -> list[str]:
    """The separators between ý: "; " unless the previous one already ends in punctuation.
    Returns the pieces with their separators attached to the end of each but the last."""
    out = []
    for i, piece in enumerate(pieces):
        last = i == len(pieces) - 1
        closed = piece.rstrip("”\"')»").endswith(CLOSED)
        out.append(piece if last else piece + (" " if closed else "; "))
    return out


class BodyWriter:
    def __init__(self, notice: Notice, names: AgencyNames, wording: Wording):
        self.notice = notice
        self.names = names
        self.wording = wording

    # --- the whole body ----------------------------------------------------------------------
    def paragraphs(self) -> Iterator[Paragraph]:
        notice = self.notice
        yield from self._opening()
        body, root = notice.body, ("noi_dung",)
        ctx = Context().under(body, root)
        yield from self._prose(body.text, root)
        for i, section in enumerate(body.sections, 1):
            yield from self.node(section, "phan", i, (*root, "phan", i - 1), ctx)
        for key, kind, i, child in children(body):
            yield from self.node(child, kind, i, (*root, key, i - 1), ctx)
        yield from self._prose(body.tail, root)
        yield from self._closing()

    def _opening(self):
        notice = self.notice
        if notice.opening:
            texts = notice.opening
        elif notice.meeting is not None:
            texts = (self.wording.opening(notice.meeting),)
        else:
            texts = ()
        for text in texts:
            yield Paragraph("opening", (Run(text),), ("mo_dau",), (Piece(("mo_dau",), text),))

    def _closing(self):
        notice = self.notice
        if notice.closing:
            texts = notice.closing
        elif notice.document.audience:
            texts = (self.wording.closing(self.names.name(notice.document.agency), notice.document.audience),)
        else:
            texts = ()
        for text in texts:
            yield Paragraph("closing", (Run(text),), ("ket_thuc",), (Piece(("ket_thuc",), text),))

    def _prose(self, texts, path: tuple, role: str = "prose"):
        for text in texts:
            yield Paragraph(role, (Run(text),), path, (Piece(path, text),))

    # --- one node --------------------------------------------------------------------------
    def node(self, node: _Node, kind: str, index: int, path: tuple, outer: Context) -> Iterator:
        ctx = outer.under(node, path)
        item = node if isinstance(node, Item) else None
        generated = not ctx.verbatim
        title, texts, tail = self._texts(node, ctx)
        mark = label(kind, index)
        role = ROLES[kind]
        own_lead = item is not None and item.lead and item.lead != outer.lead
        style = node.title_style or DEFAULT_TITLE_STYLE.get(kind, "thuong")
        paragraphs: list[list] = []   # [role, runs, pieces, is a heading]

        if kind == "phan":
            heading = f"{mark} {vi.upper_vi(title)}"
            paragraphs.append([role, self._styled(heading, "dam" if style == "thuong" else style), [(path, heading)], True])
            paragraphs += [["prose", [Run(t)], [(path, t)], False] for t in texts]
        elif own_lead and ctx.lead_style == "tieu-de":
            heading = f"{mark} {title or self.names.name(item.lead) + ':'}".strip()
            paragraphs.append([role, self._styled(heading, node.title_style or "dam"), [(path, heading)], True])
            paragraphs += [["prose", [Run(t)], [(path, t)], False] for t in texts]
        elif title:
            heading = f"{mark} {title}".strip()
            paragraphs.append([role, self._styled(heading, style), [(path, heading)], True])
            paragraphs += [["prose", [Run(t)], [(path, t)], False] for t in texts]
        else:
            first = texts[0] if texts else ""
            if own_lead and generated:
                first = self._lead_in(item, ctx, first)
            if generated:
                first = _first_upper(first)
            head = f"{mark} {first}".strip() if first else mark
            paragraphs.append([role, [Run(head)], [(path, head)], False])
            paragraphs += [["prose", [Run(t)], [(path, t)], False] for t in texts[1:]]

        subs = list(item.sub_points) if item else []
        paragraph_children = [c for c in children(node) if c[1] != "y"]
        tail_inline = tail[:1] if subs and not paragraph_children else []
        if subs:
            pieces = [(p, t) for p, t in self._sub_points(item, path, ctx)]
            pieces += [(path, t) for t in tail_inline]
            texts_only = join_inline([t for _p, t in pieces])
            if generated and texts_only and not _ends(texts_only[-1]):
                texts_only[-1] += "."
            last = paragraphs[-1]
            if last[2][-1][1]:
                last[2][-1] = (last[2][-1][0], last[2][-1][1] + " ")
                last[1][-1] = Run(last[1][-1].text + " ", last[1][-1].bold, last[1][-1].italic)
            for (p, _t), text in zip(pieces, texts_only):
                last[2].append((p, text))
                last[1].append(Run(text))
        for para_role, runs, pieces, heading in paragraphs:
            yield Paragraph(para_role, tuple(self._merge(runs)), path,
                            tuple(Piece(p, t) for p, t in pieces), heading)
        for key, child_kind, i, child in paragraph_children:
            yield from self.node(child, child_kind, i, (*path, key, i - 1), ctx)
        yield from self._prose(tail[len(tail_inline):], path)

    def _sub_points(self, item: Item, path: tuple, ctx: Context) -> Iterator[tuple[tuple, str]]:
        for k, sub in enumerate(item.sub_points, 1):
            sub_path = (*path, "y", k - 1)
            sub_ctx = ctx.under(sub, sub_path)
            title, texts, tail = self._texts(sub, sub_ctx)
            text = " ".join([*([title] if title else []), *texts, *tail])
            if sub.lead and sub.lead != ctx.lead and not sub_ctx.verbatim:
                text = self._lead_in(sub, sub_ctx, text)
            if not sub_ctx.verbatim:
                text = _first_upper(text)
            yield sub_path, (f"{label('y', k)} {text}" if item.sub_points_numbered else text)

    # --- words ------------------------------------------------------------------------------
    def _texts(self, node: _Node, ctx: Context) -> tuple[str | None, list[str], list[str]]:
        """Title, paragraphs and tail of *node* with its deadlines written in (generated text)."""
        title, texts, tail = node.title, list(node.text), list(node.tail)
        item = node if isinstance(node, Item) else None
        if item is None or ctx.verbatim or not item.deadlines:
            return title, texts, tail
        phrases = [self.wording.deadline(d) for d in item.deadlines]

        def fill(text: str) -> str:
            return PLACEHOLDER.sub(lambda m: phrases[int(m.group(1) or 1) - 1], text)

        if any(PLACEHOLDER.search(t) for t in item.texts()):
            return (fill(title) if title else None), [fill(t) for t in texts], [fill(t) for t in tail]
        if texts:
            texts[-1] = f"{texts[-1]} {phrases[0]}"
        else:
            texts = [phrases[0]]
        return title, texts, tail

    def _lead_in(self, item: Item, ctx: Context, text: str) -> str:
        partners = self.names.listing(item.coordinators, item.coordinators_extra, ctx.list_style, ctx.list_last)
        lead = self.wording.lead_in(self.names.name(item.lead), partners, ctx.lead_style)
        if ctx.lead_style == "ten":
            return f"{lead}: {text}".rstrip() if text else f"{lead}:"
        if text:
            return f"{lead} {text}"
        return f"{lead}:" if item.sub_points and item.sub_points_numbered else lead

    def _styled(self, text: str, style: str) -> list:
        return [Run(text, bold=style in ("dam", "dam-nghieng"), italic=style in ("nghieng", "dam-nghieng"))]

    def _merge(self, runs: list) -> list:
        """Adjacent runs of the same style become one."""
        out: list = []
        for run in runs:
            if out and (out[-1].bold, out[-1].italic) == (run.bold, run.italic):
                out[-1] = Run(out[-1].text + run.text, run.bold, run.italic)
            else:
                out.append(run)
        return out
