"""Reporters: one result model, three formats (text for terminals, json for tools, markdown for PR comments)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from postman_kit.diff.changes import Change, DiffReport, OperationChange
from postman_kit.diff.fork_upgrade import UpgradeReport
from postman_kit.secrets import redact
from postman_kit.terminal import printable
from postman_kit.writer import printed_json

FORMATS = ("text", "json", "markdown")
CHANGES_SHOWN = 12  # per operation in text and markdown; json has them all


def render_diff(report: DiffReport, fmt: str) -> str:
    """The report as `fmt`; a saved request's URL, header or body never shows a key in full."""
    if fmt == "json":
        return printed_json(report.to_json())
    return redact(_render(report, None, markdown=fmt == "markdown"))


def render_upgrade(report: UpgradeReport, fmt: str) -> str:
    if fmt == "json":
        return printed_json(report.to_json())
    return redact(_render(report.diff, report, markdown=fmt == "markdown"))


# GitHub refuses a pull-request comment longer than this; markdown is sized to fit it by design.
MARKDOWN_LIMIT = 65_536
# left free below it for what posts the report: diff-action's first line, naming the fork, finds its comment again
COMMENT_MARGIN = 512
LINE_LIMIT = 2_000  # one problem can name hundreds of allowed values; a line longer than this is cut
FULL_REPORT = "run again with `--format json` (or `text`) for the full report"


@dataclass(slots=True)
class _Section:
    title: str
    open: bool  # shown expanded in markdown: the user's own work; the others fold into <details>
    entries: list[list[str]]  # each entry's lines, kept or left out together


class _Writer:
    """Head lines (verdict, counts), then sections of entries. Text shows them all; markdown shows the user's
    sections open and the others folded, and leaves entries out, counting them, to fit MARKDOWN_LIMIT."""

    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown
        self.lines: list[str] = []
        self.sections: list[_Section] = []
        self.tail: list[str] = []
        self._target = self.lines

    def section(self, title: str, open_: bool) -> None:
        self.sections.append(_Section(title, open_, []))

    def entry(self) -> None:
        self._target = []
        self.sections[-1].entries.append(self._target)

    def bullet(self, text: str, depth: int = 0) -> None:
        self._target.append("  " * depth + ("- " if self.markdown or depth == 0 else "· ") + text)

    def code(self, text: str) -> str:
        return f"`{text}`" if self.markdown else text

    def text(self) -> str:
        if self.markdown:
            return self._markdown()
        lines = list(self.lines)
        for section in self.sections:
            lines += ["", section.title]
            for entry in section.entries:
                lines += entry
        lines += self.tail
        # Names and revisions come from the specs and the fork: each line is shown escaped, never obeyed.
        return "\n".join(map(printable, lines)).rstrip() + "\n"

    def _markdown(self) -> str:
        head = "\n".join(map(_shown, self.lines)).rstrip() + "\n"
        tail = "\n".join(map(_shown, self.tail)).rstrip()
        tail = "\n" + tail + "\n" if tail else ""
        parts = [head]
        # what every section still to come needs at least (its heading and a line counting what is left out)
        reserve = [0] * (len(self.sections) + 1)
        for index in range(len(self.sections) - 1, -1, -1):
            section = self.sections[index]
            reserve[index] = (
                reserve[index + 1] + len(self._opening(section)) + len(self._closing(section)) + 120
            )
        budget = MARKDOWN_LIMIT - COMMENT_MARGIN - len(head) - len(tail)
        for index, section in enumerate(self.sections):
            block = [self._opening(section)]
            used = len(block[0]) + len(self._closing(section))
            shown = 0
            for entry in section.entries:
                text = "".join(_shown(line) + "\n" for line in entry)
                if used + len(text) > budget - reserve[index + 1] - 120:
                    break
                block.append(text)
                used += len(text)
                shown += 1
            left = len(section.entries) - shown
            if left:
                note = f"- … and {left} more not shown here: {FULL_REPORT}\n"
                block.append(note)
                used += len(note)
            block.append(self._closing(section))
            parts.append("".join(block))
            budget -= used
        return "".join(parts) + tail

    @staticmethod
    def _opening(section: _Section) -> str:
        if section.open:
            return f"\n### {_shown(section.title)}\n"
        return f"\n<details><summary>{_shown(section.title)}</summary>\n\n"

    @staticmethod
    def _closing(section: _Section) -> str:
        return "" if section.open else "\n</details>\n"


def _shown(line: str) -> str:
    line = printable(line)
    return line if len(line) <= LINE_LIMIT else line[: LINE_LIMIT - 1] + "…"


def _render(report: DiffReport, upgrade: UpgradeReport | None, markdown: bool) -> str:
    out = _Writer(markdown)
    verdict = report.verdict
    first = verdict.headline()
    if report.partial:
        first += "; PARTIAL comparison: OLD's own spec is not known (give --base SPEC, or --revisions DIR holding it)"
    out.lines.append(f"**{first}**" if markdown else first)
    breaking_ops = sum(1 for c in report.changed if c.breaking)
    counts = report.saved_counts()
    saved = f"{len(report.saved)} saved request(s)" + (
        " (" + ", ".join(f"{n} {status}" for status, n in counts.items()) + ")" if counts else ""
    )
    out.lines.append(
        f"{len(report.added)} added, {len(report.removed)} removed, {len(report.changed)} changed "
        f"({breaking_ops} breaking), {report.unchanged} unchanged"
        + (f", {len(report.api_changes)} change(s) for every request" if report.api_changes else "")
        + f"; {saved}"
    )
    if verdict.missed_revisions:
        out.lines.append("Revisions missed: " + ", ".join(verdict.missed_revisions))
    if verdict.newer_than_new:
        out.lines.append("Note: newer revisions exist than NEW: " + ", ".join(verdict.newer_than_new))
    if upgrade is not None:
        _upgrade_sections(out, upgrade)
    else:
        _section(out, "Saved requests", report.saved, lambda s: _saved_line(out, s), yours=True)
    _section(out, "Changed for every request", report.api_changes, lambda c: _api_change(out, c))
    _section(
        out,
        "Removed operations",
        report.removed,
        lambda e: out.bullet(
            f"{out.code(e.label)} {e.name}"
            + (f" (its operation is now at {out.code(e.successor)})" if e.successor else "")
        ),
    )
    _section(
        out,
        "Added operations",
        report.added,
        lambda e: out.bullet(f"{out.code(e.label)} {e.name} ({'/'.join(e.folder)})"),
    )
    ordered = sorted(report.changed, key=lambda c: (not c.breaking, c.new.path, c.new.method))
    _section(out, "Changed operations", ordered, lambda c: _changed_lines(out, c))
    for note in report.notes:
        out.tail += ["", f"Note: {note}"]
    return out.text()


def _section(
    out: _Writer, title: str, entries: list[Any], line: Callable[[Any], None], *, yours: bool = False
) -> None:
    """A titled list; `yours` marks the user's own work, shown first and open in markdown."""
    if not entries:
        return
    out.section(f"{title} ({len(entries)})", yours)
    for entry in entries:
        out.entry()
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


def _api_change(out: _Writer, change: Change) -> None:
    out.bullet(f"{'breaking: ' if change.breaking else ''}{change.where}: {change.detail}")


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
        + (f", {len(upgrade.not_carried)} not carried" if upgrade.not_carried else "")
        + (f", {len(upgrade.keys_replaced)} pasted key(s) replaced" if upgrade.keys_replaced else "")
        + (f"; wrote {upgrade.output}" if upgrade.output else "")
    )
    _section(
        out,
        "Keys replaced (revoke them: they were in the collection)",
        upgrade.keys_replaced,
        lambda k: out.bullet(k.text()),
        yours=True,
    )
    statuses = {saved.label: saved.status for saved in upgrade.diff.saved}  # kept in place: the same labels
    _section(
        out,
        "Conflicts (kept as you wrote them, marked ⚠ for review)",
        upgrade.conflicts,
        lambda c: _conflict(out, c, statuses.get(c.label)),
        yours=True,
    )
    _section(
        out,
        "Kept as they were (not an operation of either revision)",
        upgrade.unmatched,
        out.bullet,
        yours=True,
    )
    _section(
        out,
        "Folders kept (yours, or OLD's holding your requests)",
        upgrade.folders_kept,
        out.bullet,
        yours=True,
    )
    _section(out, "Carried", upgrade.carried, out.bullet, yours=True)
    _section(out, "Fixed for you", upgrade.rewritten, out.bullet, yours=True)
    _section(out, "Edits kept", upgrade.edits_kept, out.bullet)
    _section(out, "Dropped", upgrade.dropped, out.bullet)
    _section(
        out,
        "Not carried (unlike NEW's, yours or upstream's: give --base OLD_SPEC to carry your edits)",
        upgrade.not_carried,
        out.bullet,
    )
    for note in upgrade.notes:
        out.tail += ["", f"Note: {note}"]


def _conflict(out: _Writer, conflict: Any, status: str | None) -> None:
    out.bullet(f"[{status}] {conflict.label}" if status else conflict.label)
    for problem in conflict.problems:
        out.bullet(problem, 1)
