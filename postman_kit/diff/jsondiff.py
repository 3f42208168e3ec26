"""The differences between two JSON values, entry for entry as deepdiff's tree view reports them.

Written by hand because deepdiff's import and per-call set-up were a tenth of an `upgrade` (about 50 ms of its
0.5 s), while the signatures it compares are plain JSON whose differences need no judgement: keys added or
removed, values or types changed, list elements paired by position (deepdiff's default for lists holding
objects). Only lists of scalars need deepdiff's own alignment (difflib, then a choice between two readings);
those, and anything that is not JSON, raise `NeedsDeepDiff` and the caller asks deepdiff.
"""

from __future__ import annotations

from itertools import zip_longest
from typing import Any

# deepdiff report type, path (keys and list positions as text), value before, value after (None when absent)
Entry = tuple[str, list[str], Any, Any]

_SCALARS = frozenset({str, int, float, bool, type(None)})
_JSON = _SCALARS | {dict, list}
_ABSENT = object()


class NeedsDeepDiff(Exception):
    """The values hold a changed list of scalars, or something that is not JSON."""


def json_differences(old: Any, new: Any) -> list[Entry]:
    """What deepdiff (`view="tree"`, `threshold_to_diff_deeper=0`, other options at their defaults) reports for
    `old` → `new`; raises NeedsDeepDiff where its answer takes more than a walk."""
    entries: list[Entry] = []
    _walk(old, new, [], entries)
    return entries


def _walk(old: Any, new: Any, path: list[str], out: list[Entry]) -> None:
    if old is new:
        return
    kind = type(old)
    if kind not in _JSON or type(new) not in _JSON:
        raise NeedsDeepDiff
    if _same_big_number(old, new):
        return
    if kind is not type(new):
        out.append(("type_changes", path, old, new))
    elif kind is dict:
        for key, value in new.items():
            if key not in old:
                out.append(("dictionary_item_added", path + [str(key)], None, value))
        for key, value in old.items():
            if key not in new:
                out.append(("dictionary_item_removed", path + [str(key)], value, None))
        for key, value in old.items():
            if key in new:
                _walk(value, new[key], path + [str(key)], out)
    elif kind is list:
        if all(type(v) in _SCALARS for v in old) and all(type(v) in _SCALARS for v in new):
            if old != new:
                raise NeedsDeepDiff
            return
        for index, (before, after) in enumerate(zip_longest(old, new, fillvalue=_ABSENT)):
            if after is _ABSENT:
                out.append(("iterable_item_removed", path + [str(index)], before, None))
            elif before is _ABSENT:
                out.append(("iterable_item_added", path + [str(index)], None, after))
            else:
                _walk(before, after, path + [str(index)], out)
    elif old != new:
        out.append(("values_changed", path, old, new))


# Past 2**53 a JSON number is no exact integer to most readers: OpenAI's `seed.minimum`, -9223372036854776000, is
# that integer read from YAML and -9.223372036854776e18 read from the same spec as JSON
_EXACT_LIMIT = 2**53


def _same_big_number(old: Any, new: Any) -> bool:
    """Two numbers beyond exact integers that name the same double: the same spec written as YAML and as JSON."""
    numbers = (int, float)
    if type(old) not in numbers or type(new) not in numbers or old == new:
        return False
    return max(abs(old), abs(new)) >= _EXACT_LIMIT and float(old) == float(new)
