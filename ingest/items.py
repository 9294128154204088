"""Tasks and indicators: from the section tree and from tables of assignments.

Sections are read by what their heading says: purposes ("MỤC ĐÍCH, YÊU CẦU") hold no tasks;
"chỉ tiêu" sections hold indicators; "nhiệm vụ", "giải pháp", "nội dung" sections hold tasks;
"TỔ CHỨC THỰC HIỆN" assigns duties body by body. Lines such as "Cơ quan chủ trì thực hiện:",
"Cơ quan phối hợp thực hiện:" and "Thời gian thực hiện:" set lead, partners and timing for
their section, and "X chủ trì ... đối với nhiệm vụ, giải pháp số (1), (2)" gives a lead per
number. Tables with "Cơ quan chủ trì"/"Cơ quan phối hợp" columns give one item per row.
Template sections ("MẪU") are placeholders and yield nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.agency_lists import (
    AGENCY_HEAD,
    StatedAssignment,
    assigned_subject,
    split_agencies,
    stated_assignment,
)
from ingest.fields import classify_field, field_of_group_label
from ingest.flat_table import COLUMN_LABELS
from ingest.model import DocumentInfo, Indicator, SourceText, Span, Table, TableCell, Task
from ingest.outline import Node, parse_outline
from ingest.targets import find_targets, has_target

__all__ = ["extract_items"]

# "Chương trình mục tiêu quốc gia" names a programme; it does not head a purpose section.
_PURPOSE = re.compile(r"mục đích|yêu cầu|mục tiêu(?!\s+quốc\s+gia)", re.IGNORECASE)
_INDICATORS = re.compile(r"chỉ tiêu", re.IGNORECASE)
_TASK_WORDS = re.compile(
    r"nhiệm vụ|giải pháp|nội dung|đột phá|đầu (?:công )?việc|công tác|lĩnh vực|phát triển",
    re.IGNORECASE,
)
_CLOSING = re.compile(r"tổ chức thực hiện", re.IGNORECASE)
_APPENDIX = re.compile(r"phụ lục", re.IGNORECASE)
_ATTRIBUTE = re.compile(
    r"^(?P<label>Thời gian(?: thực hiện)?|Tiến độ(?: thực hiện)?|(?:Cơ quan|Đơn vị)"
    r"(?: chủ trì)?(?: thực hiện)?|(?:Cơ quan|Đơn vị) phối hợp(?: thực hiện)?)\s*:\s*(?P<value>.*)$"
)
_MAPPING = re.compile(
    r"^(?P<agency>.+?)\s+chủ trì(?: thực hiện)?\s+đối với\s+.*?số\s+"
    r"(?P<numbers>(?:\(\d+\)[,\s.]*)+)"
)
_OWN_DEADLINE = re.compile(
    r"\(((?:hoàn thành|thực hiện|xong)[^()]*?(?:\d{4}|năm|quý|tháng)[^()]*)\)", re.IGNORECASE
)
_OPENING_TIME = re.compile(
    r"^((?:Định kỳ\s+)?(?:hằng|hàng)\s+(?:năm|quý|tháng)(?:,\s*(?:quý|năm|tháng))*"
    r"(?:\s+và đột xuất)?|Định kỳ\s+(?:hằng|hàng)\s+\w+(?:\s+và đột xuất)?|Thường xuyên)\s*,",
    re.IGNORECASE,
)
_INNER_TIME = re.compile(r"[Đđ]ịnh kỳ (?:hằng |hàng )?(?:tháng|quý|năm)(?:,\s*(?:quý|năm))*")
# "giao X các nhiệm vụ cụ thể như sau:"; X stays within one clause.
_GIVEN_DUTIES = re.compile(r"giao\s+([^.;,:]+?)\s+(?:các|những)\s+nhiệm vụ", re.IGNORECASE)
_TARGET_OPENER = re.compile(
    r",\s+(?=(?:phấn đấu|phân đấu|phần đầu|phấn đầu|hằng năm|hàng năm)\b)", re.IGNORECASE
)


@dataclass
class _Scope:
    lead: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    timing: str | None = None
    by_number: dict[str, list[str]] = field(default_factory=dict)


def _heading_class(node: Node) -> str | None:
    text = node.text
    if _CLOSING.fullmatch(text.strip().rstrip(".")) or _CLOSING.match(text):
        return "closing"
    if _INDICATORS.search(text) and not _TASK_WORDS.search(text):
        return "indicators"
    if _PURPOSE.search(text) and not _INDICATORS.search(text):
        return "purpose"
    if _TASK_WORDS.search(text) or node.kind == "roman":
        return "tasks"
    return None


def _section_class(node: Node) -> tuple[str | None, Node | None]:
    """Return the class of the nearest classified heading above `node`, and that heading."""
    current: Node | None = node if node.is_heading else node.section()
    while current is not None and current.kind != "root":
        if current.is_heading:
            kind = _heading_class(current)
            if kind is not None:
                return kind, current
        current = current.parent
    return None, None


def _attribute(node: Node) -> tuple[str, str] | None:
    match = _ATTRIBUTE.match(node.text)
    if not match:
        return None
    label = match.group("label").lower()
    if label.startswith(("thời gian", "tiến độ")):
        return "timing", match.group("value")
    if "phối hợp" in label:
        return "coordinating", match.group("value")
    return "lead", match.group("value")


def _collect_scopes(root: Node) -> dict[int, _Scope]:
    scopes: dict[int, _Scope] = {}
    for node in root.walk():
        found = _attribute(node)
        if found is None or node.parent is None:
            continue
        key, value = found
        scope = scopes.setdefault(id(node.parent), _Scope())
        value = value.strip()
        if key == "timing":
            scope.timing = value or None
        elif key == "coordinating":
            scope.coordinating = split_agencies(value)
        else:
            scope.lead = split_agencies(value) if value else []
            for child in node.children:
                mapping = _MAPPING.match(child.text)
                if mapping:
                    agencies = split_agencies(mapping.group("agency"))
                    for number in re.findall(r"\((\d+)\)", mapping.group("numbers")):
                        scope.by_number[number] = agencies
    return scopes


def _apply_scopes(node: Node, scopes: dict[int, _Scope]) -> _Scope:
    result = _Scope()
    current: Node | None = node
    while current is not None:
        scope = scopes.get(id(current))
        if scope is not None:
            if not result.lead and node.kind == "paren" and node.number in scope.by_number:
                result.lead = scope.by_number[node.number]
            if not result.lead and scope.lead:
                result.lead = scope.lead
            if not result.coordinating and scope.coordinating:
                result.coordinating = scope.coordinating
            if result.timing is None and scope.timing:
                result.timing = scope.timing
        current = current.parent
    return result


def _is_label(node: Node) -> bool:
    return node.text.endswith(":") and len(node.text) < 80


def _full_text(node: Node) -> str:
    parts = [node.text]
    parts.extend(child.text for child in node.children if child.kind == "plus")
    return " ".join(part for part in parts if part)


def _topic_text(text: str, stated: StatedAssignment | None) -> str:
    """Return the item's words without a parenthesis that only assigns it to bodies."""
    if stated is None or stated.end <= stated.start:
        return text
    return f"{text[: stated.start]} {text[stated.end :]}"


def _own_timing(text: str) -> str | None:
    if match := _OWN_DEADLINE.search(text):
        return match.group(1).strip()
    if match := _OPENING_TIME.match(text):
        return match.group(1).strip()
    return None


@dataclass
class _Collector:
    source: SourceText
    info: DocumentInfo
    scopes: dict[int, _Scope]
    skip_appendix_sections: bool
    tasks: list[Task] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)

    def task(
        self,
        node: Node,
        *,
        heading: Node | None,
        lead: list[str] | None = None,
        coordinating: list[str] | None = None,
        closing: bool = False,
    ) -> Task:
        text = _full_text(node)
        scope = _apply_scopes(node, self.scopes)
        stated = None if closing else stated_assignment(text)
        if stated is not None and lead is None:
            lead, coordinating = stated.lead, stated.coordinating
        timing = _own_timing(text) or (stated.timing if stated else None) or scope.timing
        if timing is None and closing and (inner := _INNER_TIME.search(text)):
            timing = inner.group(0)
        heading_text = heading.text if heading is not None else None
        task = Task(
            id=node.path,
            section=heading_text,
            text=text,
            lead=lead if lead is not None else scope.lead,
            coordinating=coordinating if coordinating is not None else scope.coordinating,
            timing=timing,
            field="other" if closing else classify_field(_topic_text(text, stated), heading_text),
            span=node.text_span,
        )
        self.tasks.append(task)
        return task

    def indicator(self, node: Node, text: str, heading: Node | None) -> None:
        scope = _apply_scopes(node, self.scopes)
        stated = stated_assignment(text)
        heading_text = heading.text if heading is not None else None
        self.indicators.append(
            Indicator(
                id=node.path,
                text=text,
                targets=find_targets(text),
                lead=stated.lead if stated else scope.lead,
                coordinating=stated.coordinating if stated else scope.coordinating,
                field=classify_field(_topic_text(text, stated), heading_text),
                timing=(stated.timing if stated else None) or scope.timing,
                span=node.text_span,
            )
        )


def _in_closing_section(node: Node | None) -> bool:
    current = node.parent if node is not None else None
    while current is not None and current.kind != "root":
        if current.is_heading and _heading_class(current) == "closing":
            return True
        current = current.parent
    return False


def _in_appendix_section(node: Node) -> bool:
    current: Node | None = node
    while current is not None and current.kind != "root":
        if current.is_heading and _APPENDIX.search(current.text):
            return True
        current = current.parent
    return False


def _closing_items(collector: _Collector, heading: Node) -> None:
    for item in heading.children:
        if _attribute(item) or (item.kind == "plain" and item.children):
            continue
        list_children = [c for c in item.children if c.kind in ("dash", "paren", "plus", "letter")]
        if item.kind == "plain":
            continue
        short_heading = item.kind in ("arabic", "roman") and len(item.text) < 90 and not (
            item.text.endswith(".")
        )
        if short_heading:
            body_lead = split_agencies(item.text) if AGENCY_HEAD.match(item.text) else []
            plain_body = [c for c in item.children if c.kind == "plain"]
            if not list_children and plain_body:
                lead = body_lead or assigned_subject(plain_body[0].text)[0]
                collector.task(
                    plain_body[0], heading=item, lead=lead, coordinating=[], closing=True
                )
                collector.tasks[-1].id = item.path
                continue
            for child in list_children:
                own, partners = assigned_subject(child.text)
                if not own or not _starts_with_subject(child.text):
                    own, partners = body_lead or own, []
                collector.task(child, heading=item, lead=own, coordinating=partners, closing=True)
            continue
        lead, partners = assigned_subject(item.text)
        collector.task(item, heading=heading, lead=lead, coordinating=partners, closing=True)
        given = _GIVEN_DUTIES.search(item.text)
        child_lead = split_agencies(given.group(1)) if given else lead
        for child in list_children:
            collector.task(child, heading=heading, lead=child_lead, coordinating=[], closing=True)


def _starts_with_subject(text: str) -> bool:
    stripped = _OPENING_TIME.sub("", text).strip()
    return bool(AGENCY_HEAD.match(stripped))


def _outline_items(collector: _Collector, root: Node) -> None:
    for node in root.walk():
        if node is root or node.in_template or node.kind == "root":
            continue
        if collector.skip_appendix_sections and _in_appendix_section(node):
            continue
        kind, heading = _section_class(node)
        if kind == "closing" and node is heading:
            _closing_items(collector, node)
            continue
        if kind == "tasks" and _in_closing_section(heading):
            # A duty such as "Giao X ... các nhiệm vụ như sau:" is read by _closing_items.
            continue
        if kind in (None, "purpose", "closing") or _attribute(node) or _is_mapping(node):
            continue
        section = node.section()
        if kind == "indicators":
            _indicator_node(collector, node, section)
            continue
        if node.kind in ("paren", "dash", "letter"):
            if _is_label(node) and node.children:
                continue
            if node.parent is not None and node.parent.kind in ("paren", "dash") and not _is_label(
                node.parent
            ):
                continue
            collector.task(node, heading=section)
        elif node.kind == "plain" and node.parent is not None and node.parent.is_heading:
            siblings = node.parent.children
            has_items = any(c.kind in ("paren", "dash", "letter") for c in siblings)
            first_plain = next(c for c in siblings if c.kind == "plain")
            if not has_items and first_plain is node and not _is_label(node):
                task = collector.task(node, heading=node.parent)
                task.id = node.parent.path


def _is_mapping(node: Node) -> bool:
    return node.kind == "plus" and _MAPPING.match(node.text) is not None


def _indicator_node(collector: _Collector, node: Node, section: Node | None) -> None:
    if node.kind == "indicator":
        if not any(child.kind == "plus" for child in node.children) and node.text:
            collector.indicator(node, node.text, section)
        return
    if node.kind == "plus" and node.parent is not None and node.parent.kind == "indicator":
        collector.indicator(node, node.text, section)
        return
    if node.kind in ("paren", "dash", "letter") and not _is_label(node):
        if node.parent is not None and node.parent.kind in ("paren", "dash", "indicator"):
            return
        collector.indicator(node, _full_text(node), section)


def _embedded_indicators(collector: _Collector) -> None:
    """Numeric targets written inside tasks, for documents that list no indicators."""
    number = 0
    for task in list(collector.tasks):
        if task.field == "other" and task.lead:
            continue
        span = task.span
        full = collector.source.text[span.start : span.end] if span else task.text
        for clause_start, clause in _target_clauses(full):
            if not has_target(clause):
                continue
            number += 1
            start = (span.start if span else 0) + clause_start
            collector.indicators.append(
                Indicator(
                    id=f"embedded/{number}",
                    text=clause,
                    targets=[t for t in find_targets(clause) if t.unit],
                    field=task.field,
                    span=Span(start, start + len(clause)),
                )
            )


def _target_clauses(text: str) -> list[tuple[int, str]]:
    clauses: list[tuple[int, str]] = []
    start = 0
    closed = text if text.endswith(".") else text + "."
    for match in re.finditer(r";\s*|\.\s+(?=[A-ZĐÀ-Ỹ])|\.$", closed):
        piece = text[start : match.start()]
        opener = None
        for found in _TARGET_OPENER.finditer(piece):
            opener = found
        offset = start
        if opener is not None:
            offset += opener.end()
            piece = piece[opener.end() :]
        stripped = piece.strip()
        if stripped:
            clauses.append((offset + piece.index(stripped), stripped))
        start = match.end()
    return clauses


def _column_keys(header: tuple[str, ...]) -> list[str | None]:
    keys: list[str | None] = []
    for label in header:
        found = next((key for key, p in COLUMN_LABELS.items() if p.search(label)), None)
        keys.append(found)
    return keys


def _cell_text(cells: dict[str, TableCell], key: str) -> str | None:
    cell = cells.get(key)
    return cell.text or None if cell is not None else None


def _table_items(collector: _Collector, table: Table) -> int:
    if not table.rows:
        return 0
    keys = _column_keys(tuple(cell.text for cell in table.rows[0]))
    if "name" not in keys or "lead" not in keys:
        return 0
    produced = 0
    section, section_label, group_field = "", "", None
    indicators_mode = False
    for row in table.rows[1:]:
        cells = {key: cell for key, cell in zip(keys, row, strict=False) if key}
        name = cells.get("name")
        number = cells["number"].text if "number" in cells else ""
        others = [cell.text for key, cell in cells.items() if key not in ("number", "name")]
        if name is None or not name.text:
            continue
        if not any(others):
            if re.fullmatch(r"[IVX]+", number):
                section, section_label = number, name.text
                indicators_mode = bool(_INDICATORS.search(name.text)) and not _TASK_WORDS.search(
                    name.text
                )
                group_field = field_of_group_label(name.text)
            else:
                group_field = field_of_group_label(name.text) or group_field
            continue

        lead = split_agencies(_cell_text(cells, "lead") or "")
        partners = split_agencies(_cell_text(cells, "coordinating") or "")
        item_id = number if indicators_mode or not section else f"{section}.{number}"
        if indicators_mode:
            collector.indicators.append(
                Indicator(
                    id=item_id,
                    text=name.text,
                    targets=find_targets(name.text),
                    lead=lead,
                    coordinating=partners,
                    field=group_field or classify_field(name.text),
                    timing=_cell_text(cells, "timing"),
                    expected_result=_cell_text(cells, "result"),
                    span=name.span,
                )
            )
        else:
            measures = _cell_text(cells, "measures")
            collector.tasks.append(
                Task(
                    id=item_id,
                    section=section_label or None,
                    text=name.text,
                    lead=lead,
                    coordinating=partners,
                    timing=_cell_text(cells, "timing"),
                    expected_result=_cell_text(cells, "result"),
                    field=classify_field(name.text, section_label) or group_field,
                    measures=[measures] if measures else [],
                    span=name.span,
                )
            )
        produced += 1
    return produced


def extract_items(source: SourceText, info: DocumentInfo) -> tuple[list[Indicator], list[Task]]:
    """Return the indicators and tasks of a document."""
    if info.kind == "cong_van":
        return [], []
    root = parse_outline(source.text, skip=[table.span for table in source.tables])
    collector = _Collector(source, info, _collect_scopes(root), skip_appendix_sections=False)
    from_tables = sum(_table_items(collector, table) for table in source.tables)
    collector.skip_appendix_sections = from_tables > 0
    table_indicators = len(collector.indicators)
    _outline_items(collector, root)
    if not collector.indicators and table_indicators == 0:
        _embedded_indicators(collector)
    return collector.indicators, collector.tasks
