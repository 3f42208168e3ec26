"""Collection names: `(Stable) Klaviyo API (v2026-07-15)` written by generate, and read back by validate and diff.

A fork keeps the name it was generated with, often with the user's own words added ("… (v2024-10-15) - Copy",
"My (Beta) Klaviyo API (v2025-07-15.pre)"), so reading is lenient: the label may be missing and the revision
stamp is the last `(vYYYY-MM-DD…)` anywhere in the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CHANNEL_IN_TITLE = re.compile(r"\s*\((?:beta|stable)\)\s*$", re.IGNORECASE)
_LABEL = re.compile(r"^\s*\((stable|beta)\)\s*", re.IGNORECASE)
_STAMP = re.compile(r"\s*\(v(\d{4}-\d{2}-\d{2}(?:\.[A-Za-z0-9]+)?)\)")
# Any other API's version, stamped the same way at the end: `(Stable) Plaid API (v2020-09-14_1.697.4)`, `(v1)`
_VERSION_STAMP = re.compile(r"\s*\(v[^()\s]+\)\s*$")


# A semantic version's pre-release (`0.2.0-draft`, `1.4.0-beta.2`, `2.0-rc1`); a date's dashes are none.
_PRE_RELEASE = re.compile(r"^[vV]?\d+\.\d+(?:\.\d+)*-[0-9A-Za-z][0-9A-Za-z.-]*$")


def is_pre_release(revision: str) -> bool:
    """Klaviyo's `.pre` revisions and a semantic version's pre-release: the Beta channel."""
    return revision.endswith(".pre") or _PRE_RELEASE.match(revision) is not None


def stamped(revision: str) -> str:
    """`2026-07-15` → `v2026-07-15`; a version written with its own `v` (`v0.4`) keeps just that one."""
    return revision if re.match(r"[vV]\d", revision) else "v" + revision


def collection_name(title: str, revision: str, channel: str) -> str:
    """`(Beta) Klaviyo API (v2026-07-15.pre)`: the label leads, so a beta spec's "Klaviyo API (Beta)" title
    does not say it twice."""
    label = "Beta" if channel == "beta" else "Stable"
    return f"({label}) {_CHANNEL_IN_TITLE.sub('', title) or title} ({stamped(revision)})"


@dataclass(slots=True, frozen=True)
class CollectionName:
    """What a collection's name says: its API title, and the channel and revision when stamped."""

    title: str
    revision: str | None = None
    channel: str | None = None  # "stable" or "beta", from the leading label


def parse_collection_name(name: str) -> CollectionName:
    """Read a name back: `parse_collection_name(collection_name(t, r, c))` gives t (without a channel suffix),
    r and c."""
    label = _LABEL.match(name)
    channel = label.group(1).lower() if label else None
    rest = name[label.end() :] if label else name
    stamps = list(_STAMP.finditer(rest))
    if not stamps:  # not a Klaviyo-style revision: the title still drops another API's version stamp
        return CollectionName(title=_VERSION_STAMP.sub("", rest).strip(), channel=channel)
    stamp = stamps[-1]
    return CollectionName(title=rest[: stamp.start()].strip(), revision=stamp.group(1), channel=channel)


# A request's name is at most this long: a summary written as a paragraph (OpenAI's, with markdown links and line
# breaks) is cut to its first sentence, or at a word.
NAME_LIMIT = 100
_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\s]*\)")
# Only a summary's start can reach a name: a spec's summary is not bounded, and the pattern is not linear.
_SUMMARY_READ = 20 * NAME_LIMIT


def request_name(summary: str, operation_id: str | None, method: str, path: str) -> str:
    """An operation's request name: its summary on one line with markdown links read as their text, cut to its
    first sentence (else at a word, with `…`) past NAME_LIMIT characters; else its operationId; else
    `METHOD /path`."""
    line = " ".join(_MARKDOWN_LINK.sub(r"\1", summary[:_SUMMARY_READ]).split())
    if len(line) > NAME_LIMIT:
        end = line.find(". ")
        if 0 < end < NAME_LIMIT:
            line = line[:end]
        else:
            line = line[: NAME_LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return line or operation_id or f"{method} {path}"
