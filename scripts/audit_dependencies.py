"""Audit the installed dependencies for known vulnerabilities; the last lines are the figures.

    .venv/bin/python -m scripts.audit_dependencies [--pip-audit PATH]

Two sources, in this order:

1. pip-audit (`pip install pip-audit`, or `--pip-audit` naming its executable) over this
   environment's site-packages. It asks PyPI's per-release JSON for each package's advisories.
2. PyPI's project JSON for every package pip-audit could not audit. It lists the advisories of
   the newest release only, so a package is judged only when the installed version is the
   newest; an older one is reported as not judged (upgrade it, or audit where pip-audit's
   service answers).

Some networks reach the package index but not the per-release JSON or OSV: pip-audit then
skips every package, and the second source is what judges. Exit status 1 when a known
vulnerability is found or a package could not be judged, else 0.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import sysconfig
import urllib.error
import urllib.request
from dataclasses import dataclass
from importlib import metadata

__all__ = ["Finding", "main"]

_PROJECT_JSON = "https://pypi.org/pypi/{name}/json"


@dataclass
class Finding:
    """What the audit concluded about one installed distribution."""

    name: str
    version: str
    source: str = ""
    vulnerabilities: tuple[str, ...] = ()
    judged: bool = True
    note: str = ""


def _installed() -> dict[str, str]:
    """Return name → version of every distribution installed in this environment."""
    found: dict[str, str] = {}
    for distribution in metadata.distributions():
        name = distribution.metadata["Name"]
        if name:
            found[name.lower()] = distribution.version
    return found


def _pip_audit(executable: str) -> dict[str, Finding]:
    """Return pip-audit's findings for the packages it could audit (empty when it cannot run)."""
    command = [
        executable,
        "--path",
        sysconfig.get_paths()["purelib"],
        "--format",
        "json",
        "--progress-spinner",
        "off",
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=900)
        report = json.loads(done.stdout or "{}")
    except (OSError, subprocess.TimeoutExpired, json.JSONDecodeError):
        return {}
    findings = {}
    for entry in report.get("dependencies", []):
        if entry.get("skip_reason") or "version" not in entry:
            continue
        ids = tuple(vuln["id"] for vuln in entry.get("vulns", []) if vuln.get("fix_versions"))
        findings[entry["name"].lower()] = Finding(
            entry["name"], entry["version"], "pip-audit", vulnerabilities=ids
        )
    return findings


def _from_project_json(name: str, version: str) -> Finding:
    """Return the verdict of PyPI's project JSON on one installed distribution."""
    try:
        with urllib.request.urlopen(_PROJECT_JSON.format(name=name), timeout=30) as response:
            project = json.load(response)
    except (urllib.error.URLError, TimeoutError, json.JSONDecodeError) as error:
        return Finding(name, version, "pypi", judged=False, note=f"no answer: {error}")
    latest = project["info"]["version"]
    if latest != version:
        needs = project["info"].get("requires_python")
        for_python = f" (requires Python {needs})" if needs else ""
        note = f"{latest} is newer{for_python}; advisories of {version} unknown"
        return Finding(name, version, "pypi", judged=False, note=note)
    advisories = project.get("vulnerabilities") or []
    # Advisories of the newest release with a fixed version listed are fixed in a release
    # not yet out of pre-release or yanked; without one there is no fix to take.
    fixed = tuple(vuln.get("id", "?") for vuln in advisories if vuln.get("fixed_in"))
    unfixed = [vuln.get("id", "?") for vuln in advisories if not vuln.get("fixed_in")]
    note = f"known without a fix: {', '.join(unfixed)}" if unfixed else ""
    return Finding(name, version, "pypi", vulnerabilities=fixed, note=note)


def main(argv: list[str] | None = None) -> int:
    """Run the audit; print one line per problem, then the figures; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pip-audit", default=shutil.which("pip-audit") or "")
    args = parser.parse_args(argv)
    installed = _installed()
    own = {"mandate-graph"}
    audited = _pip_audit(args.pip_audit) if args.pip_audit else {}
    findings = [
        audited.get(name) or _from_project_json(name, version)
        for name, version in sorted(installed.items())
        if name not in own
    ]
    for finding in findings:
        if finding.vulnerabilities:
            found = ", ".join(finding.vulnerabilities)
            print(f"VULNERABLE {finding.name} {finding.version}: {found}")
        elif finding.note:
            judged = "not judged" if not finding.judged else "note"
            print(f"{judged} {finding.name} {finding.version}: {finding.note}")
    vulnerable = sum(1 for finding in findings if finding.vulnerabilities)
    unjudged = sum(1 for finding in findings if not finding.judged)
    by_pip_audit = sum(1 for finding in findings if finding.source == "pip-audit")
    print(f"distributions: {len(findings)}")
    by_project_json = len(findings) - by_pip_audit - unjudged
    print(f"audited by pip-audit: {by_pip_audit}; by PyPI project JSON: {by_project_json}")
    print(f"not judged: {unjudged}")
    print(f"known vulnerabilities with a fix available: {vulnerable}")
    return 1 if vulnerable or unjudged else 0


if __name__ == "__main__":
    sys.exit(main())
