"""The assignment a paragraph states: who leads, who coordinates, by when, whom to report to.

Officials write an assignment in a few ways, and each is read here from the words alone:

* "Bộ Công Thương chủ trì, phối hợp với Bộ Ngoại giao và các cơ quan liên quan …" — the lead
  at the start of the paragraph or of a sentence, the coordinators in the list after "phối
  hợp với" (full names, "các Bộ: Tài chính, Tư pháp", free groups such as "các cơ quan liên
  quan", and bodies the registry does not know: "Sở Tài chính");
* "Bộ Ngoại giao: (i) …" — the lead, then a colon; "Giao Bộ Tài chính …", "Đề nghị …" too;
* "Bộ Tài chính nghiên cứu …, thống nhất với Bộ Tư pháp …" — the lead as the subject, and
  every ministry, committee or unit the paragraph names besides it (not those it reports or
  sends to, "báo cáo Thủ tướng Chính phủ", "gửi Bộ Tài chính", nor those it quotes, "hướng dẫn
  của …") as coordinators;
* deadlines through :func:`baocao.vi.deadline_text.find_deadlines` (the firm ones: "trước ngày
  …", "trong Quý I/2026", "hằng quý" …), and "thường xuyên" when it qualifies the task itself
  (among the first words of the task, "Theo dõi thường xuyên …").

The text is never changed: what is found becomes data beside it (``cach_giao: nguyen-van``),
so the format's checks of written-out text against its data hold by construction.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from baocao.importer.names import GROUP_RE, HEAD_RE, TASK_VERBS, AgencyIndex, Mention
from baocao.vi.deadline_text import find_deadlines
from baocao.vi.deadlines import Deadline

# Kinds of body that count as coordinators when merely named beside the lead.
NAMED_PARTNERS = ("bo", "co-quan-ngang-bo", "co-quan-thuoc-cp", "ubnd", "don-vi")
# Kinds that can lead: every body but places (a province's name is where, not who).
NOT_LEADS = ("tinh", "thanh-pho", "ca-nhan", "chinh-phu")
REPORT_TO = ("ca-nhan", "chinh-phu", "bo", "co-quan-ngang-bo", "ubnd", "don-vi", "co-quan-thuoc-cp")
LABEL = re.compile(r"\(\d{1,2}\)\s+")        # "(1) Bộ Y tế chỉ đạo …": a paragraph's own number
# "Bộ trưởng Bộ Giáo dục và Đào tạo chỉ đạo …": the head of a body answers for it; the task is the body's.
HEAD_OF = re.compile(r"(?:Đồng chí\s+)?(?:Bộ trưởng|Thủ trưởng|Chủ tịch|Giám đốc|Tổng Giám đốc|Chủ nhiệm|Thống đốc)\s+"
                     r"(?=(?:Bộ|Ủy ban|UBND|Sở|Văn phòng|Tập đoàn|Tổng công ty|Ngân hàng|Thanh tra)\s)")
RESTATED = re.compile(r"Chủ\s+trì(?=,?\s+phối\s+hợp)", re.IGNORECASE)
ASK = re.compile(r"^(?:Giao|Đề nghị|Yêu cầu|Đồng ý giao|Thống nhất giao)\s+", re.IGNORECASE)
NOT_A_TASK = re.compile(r"^(?:đã|được|là|vừa|đang|cũng đã|có ý kiến|báo cáo (?:về )?kết quả)(?!\w)", re.IGNORECASE)
PARTNER = re.compile(r"phối\s+hợp\s+(?:chặt\s+chẽ\s+|với\s+nhau\s+)?với\s+", re.IGNORECASE)
REPORT = re.compile(r"(?:báo\s+cáo|trình|xin\s+ý\s+kiến|gửi(?:\s+về)?)\s+(?:kết\s+quả\s+)?$", re.IGNORECASE)
QUOTED = re.compile(r"(?:của|theo|tại|với\s+nội\s+dung\s+của)\s+$", re.IGNORECASE)
ONGOING = re.compile(r"(?<!\w)thường\s+xuyên(?!\w)", re.IGNORECASE)
SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)$")


@dataclass
class Found:
    """What a paragraph states about its task; ``lead_end`` is where its lead-in ends."""

    lead: str | None = None
    lead_end: int = 0
    lead_new: str | None = None              # a body the registry lacks, as the text names it
    coordinators: list[str] = field(default_factory=list)
    extra: str | None = None
    deadlines: list[Deadline] = field(default_factory=list)
    report_to: str | None = None
    co_leads: list[str] = field(default_factory=list)       # a task given to several bodies at once


class TaskReader:
    def __init__(self, index: AgencyIndex):
        self.index = index

    # --- lead -------------------------------------------------------------------------------
    def lead(self, text: str) -> tuple[str, int, bool] | None:
        """(key, end of the lead-in, written as a new body) of the lead the text names, if any."""
        label = LABEL.match(text)
        ask = ASK.match(text, label.end() if label else 0)
        start = ask.end() if ask else label.end() if label else 0
        head = HEAD_OF.match(text, start)
        start = head.end() if head else start
        found = self._lead_at(text, start, anywhere_verb=True)
        if found:
            return found
        # A later sentence, or the words after a topic label ("Về hỗ trợ kinh phí …: Giao Bộ Tài
        # chính chủ trì …"). "Giao X" / "Đề nghị X" makes X the lead whatever verb follows; a bare
        # name must be followed by ":" or "chủ trì".
        for m in re.finditer(r"(?:[.!?]|:(?=\s+(?:Giao|Đề nghị|Yêu cầu)\s))\s+((?:Giao|Đề nghị|Yêu cầu)\s+)?", text):
            found = self._lead_at(text, m.end(), anywhere_verb=m.group(1) is not None)
            if found:
                return found
        return None

    def _lead_at(self, text: str, pos: int, anywhere_verb: bool) -> tuple[str, int, bool] | None:
        known = self.index.known_at(text, pos)
        if known is not None and self.index.kind(known.key) not in NOT_LEADS:
            after = text[known.end:]
            rest = after.lstrip()
            if rest.startswith(":"):
                return known.key, known.end + after.index(":") + 1, False
            if re.match(r"chủ\s+trì(?!\w)", rest, re.IGNORECASE):
                return known.key, known.end + len(after) - len(rest) + len("chủ trì"), False
            if anywhere_verb and rest and rest[0].isalpha() and rest[0].islower() and not NOT_A_TASK.match(rest):
                return known.key, known.end, False
            return None
        if known is None and HEAD_RE.match(text, pos):
            m = re.compile(r"([^.;:()\n]{2,120}?)\s*(?::|(?<!\w)(?=chủ\s+trì(?!\w)))").match(text, pos)
            if m and not re.search(r"(?<!\w)(?:và|với|của)\s*$", m.group(1)) and not TASK_VERBS.search(m.group(1)):
                name = m.group(1).strip().rstrip(",")
                if len(name.split()) <= 16:
                    end = m.end() if text[m.end() - 1:m.end()] == ":" else m.end() + len("chủ trì")
                    return name, end, True
        return None

    def joint_leads(self, text: str) -> tuple[list[tuple[str, bool]], int]:
        """The bodies a task is given to together ("Giao Bộ Giáo dục và Đào tạo, Bộ Y tế nghiên cứu
        …", "Các Bộ, cơ quan: Tài chính, Xây dựng, … khẩn trương …"), as [(key or new name, is new)], and where
        the list ends; nothing unless there are two or more, each a body that can lead."""
        ask = ASK.match(text)
        starts = [ask.end() if ask else 0]
        starts += [m.end() for m in re.finditer(r":\s+(?:Giao|Đề nghị|Yêu cầu)\s+", text)]
        for pos in starts:
            if pos >= len(text):
                continue
            lowered = text[:pos] + text[pos].lower() + text[pos + 1:]      # "Các Bộ:" reads as "các Bộ:"
            found, extra, end = self._partners(lowered, pos)
            if len(found) < 2 or extra is not None or not TASK_VERBS.match(text, end):
                continue        # the words after the list must begin the task ("nghiên cứu …")
            if any(not new and self.index.kind(key) in NOT_LEADS for key, new in found):
                continue
            return found, end
        return [], 0

    # --- coordinators -------------------------------------------------------------------------
    def partner_list(self, text: str, pos: int) -> tuple[list[tuple[str, bool]], str | None]:
        """The bodies listed from *pos* ("Bộ A, Bộ B và các cơ quan liên quan"): [(key or new name,
        is new)], and a free group that ends the list."""
        out, extra, _end = self._partners(text, pos)
        return out, extra

    def _partners(self, text: str, pos: int) -> tuple[list[tuple[str, bool]], str | None, int]:
        """:meth:`partner_list`, and where the list ends."""
        out: list[tuple[str, bool]] = []
        extra = None
        end = pos
        while pos < len(text):
            lead = re.match(r"các\s+Bộ\s*(?:,\s*cơ\s+quan\s*)?:?\s+", text[pos:])
            members = self.index.short_list(text, pos + lead.end()) if lead else []
            known = self.index.known_at(text, pos)
            group = GROUP_RE.match(text, pos)
            if members:
                out += [(m.key, False) for m in members]
                end = members[-1].end
            elif known is not None and self.index.kind(known.key) == "nhom":
                extra, end = text[pos:known.end], known.end
            elif known is not None:
                out.append((known.key, False))
                end = known.end
            elif group is not None:
                extra = group.group(0)
                break
            elif HEAD_RE.match(text, pos):
                stop = self._new_name_end(text, pos)
                if stop is None:
                    break
                end = stop
                out.append((" ".join(text[pos:end].split()), True))
            else:
                break
            sep = re.match(r"\s*,\s*(?:và\s+)?|\s+và\s+", text[end:])
            if not sep or extra is not None:
                break
            pos = end + sep.end()
        return out, extra, end

    def _new_name_end(self, text: str, pos: int) -> int | None:
        """Where a body the registry does not know ends: before a separator followed by another
        body or group, before ":" ";" "(" ".", or before the verb its task begins with — else it
        cannot be told from the words after."""
        verb = TASK_VERBS.search(text, pos)
        for m in re.finditer(r"\s*,\s*(?:và\s+)?|\s+và\s+|\s*[:;(]|\.(?:\s|$)|$", text[pos:]):
            if m.start() == 0:
                continue
            if verb is not None and pos + m.start() > verb.start():
                return verb.start() if verb.start() > pos else None
            after = pos + m.end()
            if m.group(0).strip() in (":", ";", "(", ".") or m.end() == len(text) - pos:
                return pos + m.start()
            if self.index.head_at(text, after) or GROUP_RE.match(text, after) or re.match(r"các\s+Bộ", text[after:]):
                return pos + m.start()
            if m.start() > 120:
                return None
        return None

    def coordinators(self, text: str, lead: str | None, lead_end: int) -> tuple[list[tuple[str, bool]], str | None]:
        listed: list[tuple[str, bool]] = []
        extra = None
        for m in PARTNER.finditer(text):
            found, group = self.partner_list(text, m.end())
            listed += found
            extra = extra or group
        named = [(m.key, False) for m in self.index.mentions(text)
                 if m.start >= lead_end and m.key != lead and self._partner(text, m)]
        out: list[tuple[str, bool]] = []
        for item in listed + named:
            if item[0] != lead and item not in out:
                out.append(item)
        return out, extra

    def _partner(self, text: str, m: Mention) -> bool:
        if self.index.kind(m.key) not in NAMED_PARTNERS:
            return False
        before = text[max(0, m.start - 30):m.start]
        return not (REPORT.search(before) or QUOTED.search(before))

    # --- deadlines and report -----------------------------------------------------------------
    @staticmethod
    def deadlines(text: str, task_start: int = 0) -> list[Deadline]:
        found = [f.deadline for f in find_deadlines(text) if f.firm]
        ongoing = ONGOING.search(text, task_start)
        if ongoing and len(text[task_start:ongoing.start()].split()) <= 3:
            found.append(Deadline.ongoing())
        return list(dict.fromkeys(found))

    def report_to(self, text: str) -> str | None:
        for m in re.finditer(r"(?:báo\s+cáo|trình)\s+(?:kết\s+quả\s+)?", text, re.IGNORECASE):
            known = self.index.known_at(text, m.end())
            if known is not None and self.index.kind(known.key) in REPORT_TO:
                return known.key
        return None

    # --- all of it ----------------------------------------------------------------------------
    def read(self, text: str, inherited_lead: str | None) -> Found:
        found = Found()
        lead = self.lead(text)
        if lead is not None:
            key, found.lead_end, new = lead
            if new:
                found.lead_new = key
                key = self.index.add_new(key)
            found.lead = key
        elif inherited_lead is not None and (restated := RESTATED.match(text)):
            # "- Chủ trì, phối hợp với Bộ Tài chính …" under "(1) Bộ Y tế …": the lead above,
            # stated again so the coordinators named here are this task's
            found.lead, found.lead_end = inherited_lead, restated.end()
        elif inherited_lead is None:
            joint, end = self.joint_leads(text)
            if joint:
                keys = [self.index.add_new(name) if new else name for name, new in joint]
                found.lead, found.co_leads, found.lead_end = keys[0], keys[1:], end
        if found.lead is not None:
            partners, found.extra = self.coordinators(text, found.lead, found.lead_end)
            partners = [(k, new) for k, new in partners if k not in found.co_leads]
            for name, new in partners:
                found.coordinators.append(self.index.add_new(name) if new else name)
        start = found.lead_end if found.lead else 0
        found.deadlines = self.deadlines(text, start)
        found.report_to = self.report_to(text)
        return found
