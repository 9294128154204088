"""The agency page's rows, made in Python rather than in the template.

A broad name ("UBND xã") puts thousands of duties on one page. Building each row's links and
short text here costs a fraction of doing it through Jinja calls per row, which made the
agency page the most expensive page under load.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from jinja2.filters import do_truncate

from api.rendering import page_environment, url_for_page

if TYPE_CHECKING:
    from queries.responsibility import AgencyDuties

__all__ = ["ROWS_PER_ROLE", "DutyRow", "RoleRows", "agency_roles"]

_TEXT_CHARACTERS = 200
# Where a page holds several agencies, each role lists its first duties and links to the
# agency's own page for the rest: a name every commune shares put 1,700 duties (1.5 MB) on
# one page otherwise.
ROWS_PER_ROLE = 10


@dataclass(frozen=True)
class DutyRow:
    """One task or indicator as the page lists it: badge, link, short text, source."""

    badge: str
    href: str
    text: str
    timing: str | None
    document_href: str
    document_label: str


@dataclass(frozen=True)
class RoleRows:
    """What an agency does in one role ("chairs" or "coordinates"), ready to print.

    `rows` may be the first of `total` duties; `more_href` then links to the agency's page.
    """

    role: str
    rows: list[DutyRow]
    total: int
    more_href: str | None


def agency_roles(
    agency: AgencyDuties, lang: str, strings: dict[str, str], *, shown: int | None = None
) -> list[RoleRows]:
    """Return the agency's duties as the page shows them: chairs, then coordinates.

    With `shown`, each role keeps its first `shown` duties and links to the agency's own
    page (named by its IRI), which lists them all.
    """
    roles = []
    for role, items in (("chairs", agency.chairs), ("coordinates", agency.coordinates)):
        kept = items if shown is None else items[:shown]
        more = len(kept) < len(items)
        roles.append(
            RoleRows(
                role,
                [_row(item, lang, strings) for item in kept],
                len(items),
                url_for_page(lang, "/agency", name=agency.iri) if more else None,
            )
        )
    return roles


def _row(item: dict[str, object], lang: str, strings: dict[str, str]) -> DutyRow:
    kind = str(item["kind"])
    document = cast(dict[str, object], item["document"])
    timing = item.get("timing")
    return DutyRow(
        badge=strings.get(kind, kind),
        href=url_for_page(lang, "/task", iri=item["iri"]),
        text=do_truncate(page_environment, str(item["text"]), _TEXT_CHARACTERS),
        timing=str(timing) if timing else None,
        document_href=url_for_page(lang, "/document", iri=document["iri"]),
        document_label=str(document.get("title") or document["iri"]),
    )
