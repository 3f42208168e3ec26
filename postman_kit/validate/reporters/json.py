"""JSON for programs: every finding with its rule, severity, file, request path and JSON pointer."""

from __future__ import annotations

from typing import Any

from postman_kit.terminal import printable_json
from postman_kit.validate.model import Report, Severity
from postman_kit.writer import dumps

FORMAT_VERSION = 1


def as_dict(report: Report) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "files": report.files,
        "summary": {
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "infos": report.count(Severity.INFO),
            "fail_on": report.fail_on.label,
            "failed": report.failed,
        },
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity.label,
                "message": f.message,
                "file": f.file,
                "item": f.item,
                "pointer": f.pointer,
                **({"line": f.line} if f.line is not None else {}),
            }
            for f in report.findings
        ],
    }


def render(report: Report, *, color: bool = False) -> str:
    return printable_json(dumps(as_dict(report)).decode())
