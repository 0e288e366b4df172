"""What marks the follow-up reports baocao makes (a notice's briefing, the cross-notice summary).

They are reports for leaders, not administrative documents: their PDFs say so in their metadata
(the generator, and a keyword), and ``baocao check`` reads it to leave them unjudged instead of
failing every Decree 30 rule on them.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mark:
    creator: str = "baocao"              # the PDF's Creator (HTML <meta name="generator">)
    keyword: str = "theo dõi nhiệm vụ"   # among the PDF's Keywords

    def on(self, metadata: dict[str, str]) -> bool:
        """Does a PDF with this Creator and these Keywords carry the mark?"""
        return metadata.get("Creator") == self.creator and self.keyword in metadata.get("Keywords", "")


MARK = Mark()
