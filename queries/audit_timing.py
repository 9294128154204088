"""Reading a deadline out of a task's timing as documents write it.

Timings are free text: "Trong năm 2026", "hoàn thành trong quý I/2026", "Trước 30/6/2026",
"Thực hiện từ năm 2026. Năm 2028 sơ kết. Năm 2030 tổng kết", "2026-2030", "Thường xuyên",
"Hằng năm", "Định kỳ hằng quý". `read_timing` sorts them into

- recurring work ("thường xuyên", "hằng năm", "định kỳ", "đột xuất"): never overdue;
- ongoing work that only says when it starts ("từ năm 2026") or goes on after a milestone
  ("..., sau đó triển khai thực hiện"): never overdue;
- a deadline: the last day of the latest period written that is not a start ("từ ..."),
  the day before a date written after "trước" ("before");
- a term ("trong nhiệm kỳ"): the end of the document's term when known;
- no date at all.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from vntext import match_key

__all__ = ["Timing", "read_timing"]

_RECURRING = re.compile(
    r"thường xuyên|(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần|ngày)|định kỳ|liên tục|đột xuất"
    r"|khi có yêu cầu"
)
_CONTINUING = re.compile(r"sau đó")
_TERM = re.compile(r"nhiệm kỳ")
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"((?:19|20)\d\d)(?![\d.,]\d)"
_SEPARATOR = r"\s*(?:/|-|\.|năm)\s*"
# Periods, most specific first; each match is blanked out before the next pattern runs.
_PERIODS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day", re.compile(rf"(?:ngày\s+)?(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*{_YEAR}")),
    ("day", re.compile(rf"ngày\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})\s+năm\s+{_YEAR}")),
    ("quarter", re.compile(rf"quý\s+(iv|i{{1,3}}|[1-4])\b{_SEPARATOR}{_YEAR}")),
    ("half", re.compile(rf"6\s+tháng\s+(đầu|cuối)\s+năm\s+{_YEAR}")),
    ("month", re.compile(rf"tháng\s+(\d{{1,2}}){_SEPARATOR}{_YEAR}")),
    ("month", re.compile(rf"(?<![\d/])(\d{{1,2}})\s*/\s*{_YEAR}")),
    ("range", re.compile(rf"(?:năm\s+)?{_YEAR}\s*-\s*(?:năm\s+)?{_YEAR}")),
    ("year", re.compile(rf"(?:năm\s+)?(?<!\d){_YEAR}")),
)
_START = re.compile(r"\btừ\s*$")
_BEFORE = re.compile(r"\btrước\s*$")


@dataclass(frozen=True)
class Timing:
    """What a timing says about when work is due.

    `kind` is "deadline", "recurring", "ongoing" or "none"; `deadline` the last day the work
    may be done (for "deadline", and for "ongoing" work after a milestone).
    """

    kind: str
    deadline: date | None = None


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _period(kind: str, groups: tuple[str, ...]) -> tuple[date, date] | None:
    """Return the first and last day of one matched period, or None for an impossible date."""
    try:
        if kind == "day":
            day = date(int(groups[2]), int(groups[1]), int(groups[0]))
            return day, day
        if kind == "month":
            year, month = int(groups[1]), int(groups[0])
            return date(year, month, 1), _last_day(year, month)
        if kind == "quarter":
            year, quarter = int(groups[1]), _QUARTERS[groups[0]]
            return date(year, 3 * quarter - 2, 1), _last_day(year, 3 * quarter)
        if kind == "half":
            year, first_half = int(groups[1]), groups[0] == "đầu"
            if first_half:
                return date(year, 1, 1), date(year, 6, 30)
            return date(year, 7, 1), date(year, 12, 31)
        if kind == "range":
            return date(int(groups[0]), 1, 1), date(int(groups[1]), 12, 31)
        year = int(groups[0])
        return date(year, 1, 1), date(year, 12, 31)
    except (ValueError, KeyError):
        return None


def _due_dates(text: str) -> tuple[list[date], bool]:
    """Return the last days of the periods `text` names, and whether it names a start.

    A period after "từ" ("từ năm 2026") is a start; after "trước" its day before is due.
    """
    due: list[date] = []
    starts = False
    for kind, pattern in _PERIODS:
        for match in pattern.finditer(text):
            period = _period(kind, match.groups())
            if period is None:
                continue
            before = text[: match.start()]
            if _START.search(before):
                starts = True
            elif _BEFORE.search(before):
                due.append(period[0] - timedelta(days=1))
            else:
                due.append(period[1])
        text = pattern.sub(lambda match: " " * len(match.group()), text)
    return due, starts


def read_timing(timing: str | None, *, term_end: int | None = None) -> Timing:
    """Return what `timing` says about when the work is due.

    `term_end` is the last year of the document's term, for timings such as "trong nhiệm
    kỳ".

    >>> read_timing("hoàn thành trong quý I/2026")
    Timing(kind='deadline', deadline=datetime.date(2026, 3, 31))
    >>> read_timing("Nhiệm vụ thường xuyên - Năm 2028 sơ kết - Năm 2030 tổng kết").kind
    'recurring'
    """
    if not timing or not timing.strip():
        return Timing("none")
    text = match_key(timing).replace("–", "-").replace("—", "-")
    if _RECURRING.search(text):
        return Timing("recurring")
    due, starts = _due_dates(text)
    if due:
        kind = "ongoing" if _CONTINUING.search(text) else "deadline"
        return Timing(kind, max(due))
    if starts:
        return Timing("ongoing")
    if term_end is not None and _TERM.search(text):
        return Timing("deadline", date(term_end, 12, 31))
    return Timing("none")
