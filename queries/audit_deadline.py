"""The `deadline` rule: tasks whose deadline has passed, or that give none to check.

A task's `mg:deadline` wins; otherwise its `mg:timing` is read by `read_timing`. Recurring
and ongoing work is never overdue.
"""

from __future__ import annotations

from queries.audit_model import AuditContext, Finding
from queries.audit_timing import Timing, read_timing

__all__ = ["RULE", "deadline"]

RULE = "deadline"


def deadline(context: AuditContext) -> list[Finding]:
    """Return one finding per task that is overdue on the audit date or has no deadline.

    The detail gives the deadline read (ISO date) and the timing it was read from.
    """
    today = context.today
    findings = []
    for task in context.tasks:
        if task.deadline is not None:
            timing = Timing("deadline", task.deadline)
        else:
            timing = read_timing(task.timing, term_end=context.document.term_end)
        due = timing.deadline
        if timing.kind == "deadline" and due is not None and due < today:
            detail = f"deadline {due.isoformat()} passed before {today.isoformat()}"
            if task.timing:
                detail += f" (timing: “{task.timing}”)"
        elif timing.kind == "none" and task.timing:
            detail = f"no deadline can be read from the timing “{task.timing}”"
        elif timing.kind == "none":
            detail = "no timing or deadline stated"
        else:
            continue
        findings.append(Finding(RULE, str(task.iri), task.text, detail))
    return findings
