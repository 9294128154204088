"""The section tree of a document, read from its numbering.

Every paragraph (one line of the normalised text) becomes a node. Its marker says where it
sits: Roman numerals ("I.", "II-") open the top sections, dotted Arabic numbers ("1.",
"2.1.", "4. 1.") the subsections, then "Chỉ tiêu n:" labels, parenthesised numbers "(1)",
letters "a)", dashes and "+" bullets; a paragraph without a marker belongs to the item or
section above it. Numbering is not trusted to be consistent: a section number seen twice gets
a "b" suffix on its second use ("4.2.1" then "4.2.1b"). Paths follow the answer keys:
"III.2.1/-3" is the third dash of section III.2.1, "II.1.2/(5)" the fifth numbered item.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ingest.model import Span

__all__ = ["Node", "parse_outline"]

_ROMAN = re.compile(r"^([IVXLC]{1,6})\s*[.\-–)]\s+(.*)$")
_ARABIC = re.compile(r"^(\d{1,2}(?:\.\s?\d{1,2})*)\.\s*(.*)$|^(\d{1,2}(?:\.\d{1,2})+)\s+(.*)$")
_PAREN = re.compile(r"^\((\d{1,3})\)(?!\s*[,;.])\s*(.*)$")
_LETTER = re.compile(r"^([a-zđ])\)\s+(.*)$")
_DASH = re.compile(r"^[-–•*](?:\s+|$)(.*)$")
_PLUS = re.compile(r"^\+\s*(.*)$")
_INDICATOR = re.compile(r"^(?:[-–]\s*)?Chỉ\s+tiêu\s+(\d{1,3})\s*:\s*(.*)$")
_RESET = re.compile(r"^(?:Nơi\s+nh[ậâ]n|Trên đây là|T/M\b|TM\.|KT\.|PHỤ\s+LỤC)")
_TEMPLATE = re.compile(r"^MẪU\b")

_RANK = {"roman": 1}


@dataclass(eq=False)
class Node:
    """One paragraph of the document and the items under it."""

    kind: str
    number: str
    text: str
    span: Span
    text_start: int
    path: str = ""
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    in_template: bool = False

    @property
    def is_heading(self) -> bool:
        """Return True for a Roman or Arabic numbered section."""
        return self.kind in ("roman", "arabic")

    @property
    def text_span(self) -> Span:
        """Return where the text after the marker sits in the source."""
        return Span(self.text_start, self.span.end)

    def walk(self) -> Iterator[Node]:
        """Yield this node and every node under it, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def section(self) -> Node | None:
        """Return the nearest numbered section at or above this node."""
        node: Node | None = self
        while node is not None and not node.is_heading:
            node = node.parent
        return node


def _rank(kind: str, number: str) -> int:
    if kind == "arabic":
        return 1 + number.count(".") + 1
    return _RANK.get(kind, 99)


def _classify(line: str) -> tuple[str, str, str]:
    """Return (kind, number, text after the marker) for one paragraph."""
    if match := _INDICATOR.match(line):
        return "indicator", match.group(1), match.group(2)
    if match := _ROMAN.match(line):
        return "roman", match.group(1), match.group(2)
    if match := _ARABIC.match(line):
        number = match.group(1) or match.group(3)
        text = match.group(2) if match.group(1) else match.group(4)
        return "arabic", re.sub(r"\s+", "", number), text
    if match := _PAREN.match(line):
        return "paren", match.group(1), match.group(2)
    if match := _LETTER.match(line):
        return "letter", match.group(1), match.group(2)
    if match := _PLUS.match(line):
        return "plus", "", match.group(1)
    if match := _DASH.match(line):
        return "dash", "", match.group(1)
    return "plain", "", line


def _paragraphs(text: str, skip: list[Span]) -> Iterator[tuple[str, int, int]]:
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip() or any(span.start <= start < span.end for span in skip):
            continue
        yield line, start, end


def _assign_paths(root: Node) -> None:
    used: set[str] = set()
    for node in root.walk():
        if node is root:
            continue
        parent = node.parent
        section = parent.section() if parent is not None else None
        base = section.path if section is not None else ""
        if node.kind == "roman":
            path = node.number
        elif node.kind == "arabic":
            roman = node
            while roman is not None and roman.kind != "roman":
                roman = roman.parent
            prefix = roman.path if roman is not None and roman is not node else ""
            path = f"{prefix}.{node.number}" if prefix else node.number
        else:
            owner = parent
            if node.kind == "paren" or (
                node.kind in ("dash", "letter")
                and parent is not None
                and parent.kind not in ("paren", "letter")
            ):
                owner = node.section()
            owner_path = owner.path if owner is not None and owner is not root else base
            siblings = [c for c in parent.children if c.kind == node.kind] if parent else []
            position = siblings.index(node) + 1
            marker = {
                "paren": f"({node.number})",
                "letter": f"{node.number})",
                "dash": f"-{position}",
                "plus": str(position),
                "indicator": f"Chỉ tiêu {node.number}",
                "plain": f"p{position}",
            }[node.kind]
            if node.kind == "indicator":
                path = marker
            elif node.kind == "plus" and parent is not None and parent.kind == "indicator":
                path = f"{parent.path}/{marker}"
            else:
                path = f"{owner_path}/{marker}" if owner_path else marker
        if node.is_heading:
            candidate, suffix = path, ord("b")
            while candidate in used:
                candidate = f"{path}{chr(suffix)}"
                suffix += 1
            path = candidate
            used.add(path)
        node.path = path


def parse_outline(text: str, *, skip: list[Span] | None = None) -> Node:
    """Return the root of the section tree of `text`, leaving out the spans in `skip`."""
    root = Node("root", "", "", Span(0, len(text)), 0)
    stack: list[Node] = [root]
    in_template = False
    for line, start, end in _paragraphs(text, skip or []):
        stripped = line.strip()
        if _TEMPLATE.match(stripped):
            in_template = True
        kind, number, body = _classify(stripped)
        body = body.strip()
        node = Node(kind, number, body, Span(start, end), end - len(body), in_template=in_template)
        if _RESET.match(stripped) or _TEMPLATE.match(stripped):
            stack = [root]
            node.kind = "plain"
            root.children.append(node)
            node.parent = root
            continue
        if kind == "plain":
            parent = stack[-1]
            if parent.kind in ("paren", "letter", "dash", "plus", "indicator") and parent.parent:
                parent = next(n for n in reversed(stack) if n.is_heading or n is root)
            node.parent = parent
            parent.children.append(node)
            continue
        if kind in ("roman", "arabic"):
            rank = _rank(kind, number)
            while len(stack) > 1 and (
                not stack[-1].is_heading or _rank(stack[-1].kind, stack[-1].number) >= rank
            ):
                stack.pop()
        else:
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth].is_heading:
                    break
                if stack[depth].kind == kind:
                    del stack[depth:]
                    break
        parent = stack[-1]
        node.parent = parent
        parent.children.append(node)
        stack.append(node)
    _assign_paths(root)
    return root
