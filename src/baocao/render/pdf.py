"""HTML → PDF bytes with WeasyPrint: locked URL fetcher, fixed dates, embedded metric-twin fonts."""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from urllib.parse import unquote, urlparse

from baocao.documents.wording import Templates
from baocao.errors import RenderError


def make_fetcher(allowed_roots: list[Path]):
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    roots = [root.resolve() for root in allowed_roots]

    class LockedFetcher(URLFetcher):
        """Only data: URLs and files under the templates/fonts folders; anything else stops the build."""

        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if any(path.is_relative_to(root) for root in roots):
                    return super().fetch(url, headers)
            raise FatalURLFetchingError(f"Mẫu văn bản đòi tải tài nguyên không được phép: {url} "
                        "(chỉ cho phép data: và tệp trong thư mục mẫu)")

    return LockedFetcher(allowed_protocols=("data", "file"), fail_on_errors=True)


def render_pdf(html: str, templates: Templates) -> bytes:
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = make_fetcher(list(templates.folders))
    try:
        base = templates.folders[0]
        document = weasyprint.HTML(string=html, base_url=str(base) + "/", url_fetcher=fetcher).render()
        return document.write_pdf(pdf_identifier=hashlib.sha256(html.encode()).hexdigest()[:32].encode(), uncompressed_pdf=False, optimize_images=False)
    except FatalURLFetchingError as exc:
        raise RenderError(str(exc)) from None
