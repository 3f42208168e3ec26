"""SARIF 2.1.0 for code scanning: one run, the rules that ran, a result per finding."""

from __future__ import annotations

import hashlib
from typing import Any

from postman_kit import __version__
from postman_kit.terminal import printable_json
from postman_kit.validate.locate import finding_positions
from postman_kit.validate.model import Report, Rule, Severity
from postman_kit.writer import dumps

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def as_dict(report: Report) -> dict[str, Any]:
    rules = sorted(report.rules, key=lambda r: r.id)
    known = {r.id for r in rules}
    extra = sorted({f.rule for f in report.findings} - known)
    descriptors = [_descriptor(rule) for rule in rules]
    descriptors += [
        {"id": rule_id, "name": _name(rule_id), "shortDescription": {"text": rule_id}} for rule_id in extra
    ]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    positions = finding_positions(report)
    results = []
    for finding in report.findings:
        location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": finding.file}}}
        position = positions.get((finding.file, finding.pointer))
        if position is not None:
            location["physicalLocation"]["region"] = {"startLine": position[0], "startColumn": position[1]}
        if finding.item:
            location["logicalLocations"] = [{"fullyQualifiedName": finding.item, "kind": "member"}]
        fingerprint = hashlib.sha256(
            "\x1f".join(
                [finding.rule, finding.file, finding.item or "", finding.pointer, finding.message]
            ).encode()
        ).hexdigest()
        results.append(
            {
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "level": LEVELS[finding.severity],
                "message": {"text": (f"{finding.item}: " if finding.item else "") + finding.message},
                "locations": [location],
                "partialFingerprints": {"postmanKitFinding/v1": fingerprint},
                "properties": {"pointer": finding.pointer},
            }
        )
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "postman-kit",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": descriptors,
                    }
                },
                "artifacts": [{"location": {"uri": file}} for file in report.files],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(report: Report, *, color: bool = False) -> str:
    return printable_json(dumps(as_dict(report)).decode())


def _descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": _name(rule.id),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.family]},
    }


def _name(rule_id: str) -> str:
    """SARIF names are PascalCase identifiers: auth/literal-key → AuthLiteralKey."""
    return "".join(part.capitalize() for part in rule_id.replace("/", "-").split("-"))
