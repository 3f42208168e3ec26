"""Text for people: findings grouped by file and request, worst first, coloured on a terminal."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from typing import Any

import click

from postman_kit.terminal import printable
from postman_kit.validate.model import Finding, Report, Severity

COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
COLLECTION_LEVEL = "(collection)"


def render(report: Report, *, color: bool = False) -> str:
    def style(text: str, **kwargs: Any) -> str:
        return click.style(text, **kwargs) if color else text

    lines: list[str] = []
    for file, in_file in groupby(report.findings, key=lambda f: f.file):
        lines.append(style(printable(file), bold=True))
        for item, in_item in groupby(in_file, key=lambda f: f.item or COLLECTION_LEVEL):
            lines.append("  " + style(printable(item), underline=True))
            for finding in in_item:
                lines.append("    " + _line(finding, style))
        lines.append("")
    verdict = "failed" if report.failed else "passed"
    summary = f"{report.summary()} — {verdict} (fail on {report.fail_on.label})"
    lines.append(style(summary, fg="red" if report.failed else "green", bold=True))
    return "\n".join(lines) + "\n"


def _line(finding: Finding, style: Callable[..., str]) -> str:
    severity = style(f"{finding.severity.label:<7}", fg=COLORS[finding.severity])
    where = f"  [{finding.pointer}]" if finding.pointer else ""
    # File, item and message quote the collection: escaped, so only the report's own colours reach the terminal.
    message = printable(finding.message)
    return f"{severity} {style(finding.rule, bold=True)}  {message}{style(printable(where), dim=True)}"
