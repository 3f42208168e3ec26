"""GitHub Actions workflow commands: each finding becomes an annotation on the file."""

from __future__ import annotations

from postman_kit.terminal import printable
from postman_kit.validate.locate import finding_positions
from postman_kit.validate.model import Report, Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report, *, color: bool = False) -> str:
    lines = []
    located = finding_positions(report)
    for finding in report.findings:
        where = f"{finding.item}: " if finding.item else ""
        position = located.get((finding.file, finding.pointer))
        at_line = f",line={position[0]},col={position[1]}" if position is not None else ""
        properties = f"file={_property(finding.file)}{at_line},title={_property(finding.rule)}"
        lines.append(f"::{COMMANDS[finding.severity]} {properties}::{_data(where + finding.message)}")
    lines.append(report.summary())
    return "\n".join(lines) + "\n"


def _data(text: str) -> str:
    # GitHub's own escapes for `%`, CR and LF, then any other control character as `\\u202e`: never obeyed by
    # the log's viewer
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
