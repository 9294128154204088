"""Page sizes for answers that grow with the number of communes.

Kept apart from the queries so the command line and the API can state their options without
importing what the queries need.
"""

from __future__ import annotations

__all__ = ["AGENCY_NAMES_PAGE", "DEFAULT_AGENCY_LIMIT", "MAX_AGENCY_LIMIT"]

# A name every commune uses ("UBND xã") denotes thousands of agencies at national scale, each
# with hundreds of tasks: answers come a page of agencies at a time.
DEFAULT_AGENCY_LIMIT = 20
MAX_AGENCY_LIMIT = 200
# The list of every agency name: tens of thousands at national scale, shown a page at a time.
AGENCY_NAMES_PAGE = 500
