"""HTML → PDF bytes with WeasyPrint: locked URL fetcher, fixed dates, embedded metric-twin fonts."""
from __future__ import annotations

import functools
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


@functools.cache
def shared_font_config():
    """One WeasyPrint FontConfiguration per process: fonts are looked up once, not per PDF."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render_pdf(html: str, templates: Templates, font_config=None) -> bytes:
    """The PDF of *html*, with *font_config* or the process's shared FontConfiguration."""
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = make_fetcher(list(templates.folders))
    try:
        base = templates.folders[0]
        document = weasyprint.HTML(string=html, base_url=str(base) + "/", url_fetcher=fetcher) \
            .render(font_config=font_config or shared_font_config())
        return document.write_pdf(pdf_identifier=hashlib.sha256(html.encode()).hexdigest()[:32].encode(),
                                  uncompressed_pdf=False, optimize_images=False)
    except FatalURLFetchingError as exc:
        raise RenderError(str(exc)) from None
