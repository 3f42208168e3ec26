"""Reporters: one result model, three formats (text for terminals, json for tools, markdown for PR comments)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from postman_kit.diff.changes import DiffReport, OperationChange
from postman_kit.diff.fork_upgrade import UpgradeReport
from postman_kit.secrets import redact
from postman_kit.terminal import printable
from postman_kit.writer import dumps

FORMATS = ("text", "json", "markdown")
CHANGES_SHOWN = 12  # per operation in text and markdown; json has them all


def render_diff(report: DiffReport, fmt: str) -> str:
    """The report as `fmt`; a saved request's URL, header or body never shows a key in full."""
    if fmt == "json":
        return redact(dumps(report.to_json()).decode())
    return redact(_render(report, None, markdown=fmt == "markdown"))


def render_upgrade(report: UpgradeReport, fmt: str) -> str:
    if fmt == "json":
        return redact(dumps(report.to_json()).decode())
    return redact(_render(report.diff, report, markdown=fmt == "markdown"))


class _Writer:
    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown
        self.lines: list[str] = []

    def heading(self, text: str) -> None:
        self.lines += ["", f"### {text}" if self.markdown else text]

    def bullet(self, text: str, depth: int = 0) -> None:
        self.lines.append("  " * depth + ("- " if self.markdown or depth == 0 else "· ") + text)

    def code(self, text: str) -> str:
        return f"`{text}`" if self.markdown else text

    def text(self) -> str:
        # Names and revisions come from the specs and the fork: each line is shown escaped, never obeyed.
        return "\n".join(map(printable, self.lines)).rstrip() + "\n"


def _render(report: DiffReport, upgrade: UpgradeReport | None, markdown: bool) -> str:
    out = _Writer(markdown)
    verdict = report.verdict
    first = verdict.headline()
    if report.partial:
        first += "; PARTIAL comparison: OLD's own spec is not known (give --revisions DIR or --base SPEC)"
    out.lines.append(f"**{first}**" if markdown else first)
    breaking_ops = sum(1 for c in report.changed if c.breaking)
    counts = report.saved_counts()
    saved = f"{len(report.saved)} saved request(s)" + (
        " (" + ", ".join(f"{n} {status}" for status, n in counts.items()) + ")" if counts else "")
    out.lines.append(
        f"{len(report.added)} added, {len(report.removed)} removed, {len(report.changed)} changed "
        f"({breaking_ops} breaking), {report.unchanged} unchanged; {saved}"
    )
    if verdict.missed_revisions:
        out.lines.append("Revisions missed: " + ", ".join(verdict.missed_revisions))
    if verdict.newer_than_new:
        out.lines.append("Note: newer revisions exist than NEW: " + ", ".join(verdict.newer_than_new))
    if upgrade is not None:
        _upgrade_sections(out, upgrade)
    else:
        _section(out, "Saved requests", report.saved, lambda s: _saved_line(out, s))
    _section(out, "Removed operations", report.removed, lambda e: out.bullet(
        f"{out.code(e.label)} {e.name}" + (f" (its operation is now at {out.code(e.successor)})" if e.successor else "")))
    _section(out, "Added operations", report.added,
             lambda e: out.bullet(f"{out.code(e.label)} {e.name} ({'/'.join(e.folder)})"))
    ordered = sorted(report.changed, key=lambda c: (not c.breaking, c.new.path, c.new.method))
    _section(out, "Changed operations", ordered, lambda c: _changed_lines(out, c))
    for note in report.notes:
        out.lines += ["", f"Note: {note}"]
    return out.text()


def _section(out: _Writer, title: str, entries: list[Any], line: Callable[[Any], None]) -> None:
    if not entries:
        return
    out.heading(f"{title} ({len(entries)})")
    for entry in entries:
        line(entry)


def _saved_line(out: _Writer, saved: Any) -> None:
    where = f" → {saved.new_operation.label}" if saved.new_operation else ""
    out.bullet(f"[{saved.status}] {saved.label} ({saved.method}{where})")
    if saved.status == "fixed-by-new":
        for problem in saved.old_problems:
            out.bullet(f"was: {problem}", 1)
    elif saved.status != "fine":
        for problem in saved.problems:
            out.bullet(problem, 1)
        if saved.status == "broken-by-new":
            for problem in saved.old_problems:
                out.bullet(f"already before: {problem}", 1)


def _changed_lines(out: _Writer, change: OperationChange) -> None:
    mark = "BREAKING " if change.breaking else ""
    out.bullet(f"{mark}{out.code(change.new.label)} {change.new.name}")
    for item in change.changes[:CHANGES_SHOWN]:
        flag = "breaking: " if item.breaking else ""
        out.bullet(f"{flag}{item.where}: {item.detail}", 1)
    if len(change.changes) > CHANGES_SHOWN:
        out.bullet(f"… and {len(change.changes) - CHANGES_SHOWN} more (see --format json)", 1)


def _upgrade_sections(out: _Writer, upgrade: UpgradeReport) -> None:
    out.lines.append(
        f"Upgrade: {len(upgrade.carried)} saved request(s) carried, {len(upgrade.conflicts)} conflict(s), "
        f"{len(upgrade.edits_kept)} edit(s) kept, {len(upgrade.dropped)} dropped"
        + (f", {len(upgrade.keys_replaced)} pasted key(s) replaced" if upgrade.keys_replaced else "")
        + (f"; wrote {upgrade.output}" if upgrade.output else "")
    )
    _section(out, "Private keys replaced (revoke them: they were in the collection)",
             upgrade.keys_replaced, lambda k: out.bullet(k.text()))
    _section(out, "Conflicts (kept as you wrote them, marked ⚠ for review)", upgrade.conflicts,
             lambda c: _conflict(out, c))
    _section(out, "Kept as they were (not an operation of either revision)", upgrade.unmatched, out.bullet)
    _section(out, "Folders kept (yours, or OLD's holding your requests)", upgrade.folders_kept, out.bullet)
    _section(out, "Carried", upgrade.carried, out.bullet)
    _section(out, "Fixed for you", upgrade.rewritten, out.bullet)
    _section(out, "Edits kept", upgrade.edits_kept, out.bullet)
    _section(out, "Dropped", upgrade.dropped, out.bullet)
    for note in upgrade.notes:
        out.lines += ["", f"Note: {note}"]


def _conflict(out: _Writer, conflict: Any) -> None:
    out.bullet(conflict.label)
    for problem in conflict.problems:
        out.bullet(problem, 1)
