"""Rendering pages: one autoescaping Jinja environment, the CSP header, safe highlighting."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from api.i18n import translator

__all__ = ["CSP", "highlight", "page_environment", "page_language", "render", "url_for_page"]

TEMPLATES = Path(__file__).with_name("templates")
# Scripts only from the app itself: page data travels in JSON blocks, logic in static files.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)


class _PageEnvironment(Environment):
    """Jinja's environment, looking up a dict's keys before its attributes.

    Page data is mostly dicts. Jinja tries `getattr` first, so every `item.iri` raised and
    caught an AttributeError: a seventh of the time of a large page. A key that is missing
    falls back to Jinja's own order, so `d.items()` still finds the method.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Return `obj[attribute]` for a dict that has the key, else what Jinja would."""
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


page_environment = _PageEnvironment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
    # Templates ship with the package and never change under a running server; checking
    # each file's time on every render cost a noticeable share of a page under load.
    auto_reload=False,
)


def page_language(request: Request) -> str:
    """Return the page language the request asks for: "en" with `?lang=en`, else "vi"."""
    return "en" if request.query_params.get("lang") == "en" else "vi"


@lru_cache(maxsize=65_536)
def _quoted(value: str) -> str:
    # A page links the same IRIs many times (every task of a document links the document),
    # and quoting in pure Python was a fifth of the time of a large page.
    return quote_plus(value)


def url_for_page(lang: str, path: str, **params: object) -> str:
    """Return a link to `path` with `params` (None values dropped), keeping the language.

    A list or tuple value repeats its key once per item, as `urlencode(..., doseq=True)`.
    """
    pairs: list[str] = []
    for key, value in params.items():
        if value is None:
            continue
        items = value if isinstance(value, list | tuple) else (value,)
        pairs.extend(f"{_quoted(key)}={_quoted(str(item))}" for item in items)
    if lang == "en":
        pairs.append("lang=en")
    return path + ("?" + "&".join(pairs) if pairs else "")


def highlight(text: str, ranges: Iterable[tuple[int, int]]) -> Markup:
    """Return `text` escaped, with each (start, end) character range wrapped in <mark>.

    Ranges are clipped to the text and merged when they overlap; the text is escaped
    piece by piece, so nothing in it can become markup.
    """
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in ranges):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts: list[str] = []
    position = 0
    for start, end in merged:
        parts.append(str(escape(text[position:start])))
        parts.append("<mark>" + str(escape(text[start:end])) + "</mark>")
        position = end
    parts.append(str(escape(text[position:])))
    return Markup("".join(parts))


def _json_block(value: object) -> Markup:
    # Inside <script type="application/json"> only "</" could end the block early.
    text = json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return Markup(text.replace("&", "\\u0026"))


def render(request: Request, template: str, *, status: int = 200, **values: object) -> HTMLResponse:
    """Return the HTML response of `template` with `values`, the UI strings and the CSP."""
    lang = page_language(request)
    other = "vi" if lang == "en" else "en"
    switch = {key: value for key, value in request.query_params.items() if key != "lang"}
    if other == "en":
        switch["lang"] = "en"
    html = page_environment.get_template(template).render(
        lang=lang,
        t=translator(lang),
        url=lambda path, **params: url_for_page(lang, path, **params),
        switch_url=request.url.path + ("?" + urlencode(switch) if switch else ""),
        json_block=_json_block,
        highlight=highlight,
        **values,
    )
    response = HTMLResponse(html, status_code=status)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
