"""`diff` and `upgrade`: how stale a fork is, what changed since, and the fork brought to NEW safely.

    from postman_kit.diff import diff, upgrade
    report = diff("my-fork.postman_collection.json", "openapi/stable.json", today=date(2026, 11, 23))
    result = upgrade("my-fork.postman_collection.json", "openapi/stable.json", today=date(2026, 11, 23))

OLD and NEW are each a collection or a spec; a spec is built into a collection in memory with generate's code.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from postman_kit.collection import Collection, item_path
from postman_kit.collection_files import is_collection_directory
from postman_kit.collection_v3 import collection_directory_name, write_v3_collection
from postman_kit.diff.changes import Change, DiffReport, OperationChange, SavedRequestVerdict, Verdict
from postman_kit.diff.compare import compare_sides, prepare
from postman_kit.diff.fork_upgrade import UpgradeReport, request_shape, upgrade_sides
from postman_kit.diff.lifecycle import Lifecycle, lifecycle
from postman_kit.diff.revisions import RevisionList, read_revisions
from postman_kit.diff.sides import Side, load_side, stamped_revision
from postman_kit.errors import InputError
from postman_kit.generation.build import BuildOptions
from postman_kit.secrets import redact_bytes
from postman_kit.writer import COLLECTION_FORMATS, collection_dumps, input_paths, write_output

FAIL_ON = ("stale", "deprecated", "retired", "breaking", "conflict", "any")


def load_sides(
    old: str,
    new: str,
    *,
    base: str | None = None,
    revisions: str | Path | None = None,
    options: BuildOptions | None = None,
    reference_options: BuildOptions | None = None,
    base_options: BuildOptions | None = None,
) -> tuple[Side, Side, Side | None, RevisionList | None]:
    """Read OLD, NEW, the revisions list and OLD's own spec (`base`, else found in a revisions directory).

    A spec is built with `options`; OLD's spec with `reference_options` when given, base's with `base_options`
    (else `reference_options`).
    """
    revision_list = read_revisions(revisions) if revisions is not None else None
    reference_options = reference_options or options
    # Of OLD's examples only their names and codes are compared: upgrade reads back whole what it carries.
    old_side = load_side(old, reference_options, full_examples=False)
    new_side = load_side(new, options)
    base_side = None
    if not old_side.is_spec:
        base_source = base
        # the spec OLD's upstream requests came from is the revision its name was stamped with; its `revision`
        # variable may since have been set to try a newer one
        stamp = stamped_revision(old_side.collection)
        generated_from = stamp or old_side.revision
        if base_source is None and revision_list is not None:
            found = revision_list.spec_for(generated_from)
            base_source = str(found) if found is not None else None
        if base_source is not None:
            base_side = load_side(base_source, base_options or reference_options)
            if not base_side.is_spec:
                raise InputError(base_source, "--base must be an OpenAPI spec (OLD's revision)")
            _check_base(base_source, base_side, old_side)
            if base is None and stamp is None and not _holds_operations_of(old_side, base_side):
                # found by the `revision` variable alone, which the user may have set to try a newer revision (a
                # fork renamed without its stamp): requests that are not that revision's are not compared with it
                base_side = None
        elif (
            new_side.is_spec
            and old_side.revision is not None
            and old_side.revision == new_side.revision
            and _holds_operations_of(old_side, new_side)
            and _recorded_as_built(old_side, new_side)
        ):
            base_side = new_side  # NEW's spec is OLD's own: the comparison is complete without --revisions
    return old_side, new_side, base_side, revision_list


def _check_base(source: str, base: Side, old: Side) -> None:
    """Refuse a --base that is not OLD's spec: every difference from it would be taken for the user's edit and
    carried over NEW's. Another revision than OLD's name is stamped with, or an API none of whose operations
    OLD holds, is a mistake, not a base."""
    stamped = stamped_revision(old.collection)
    if stamped is not None and base.revision is not None and stamped != base.revision:
        raise InputError(
            source,
            f"--base is revision {base.revision}, but OLD was generated from {stamped} (its name says so); "
            "give that revision's spec",
        )
    built, held = _requests_of(base), _requests_of(old)
    if built and held and not built & held:
        raise InputError(
            source, "--base holds none of OLD's requests: it is not the spec OLD was generated from"
        )


def _holds_operations_of(fork: Side, new: Side) -> bool:
    """Whether the fork holds (nearly) every request NEW's spec generates, as one generated from that spec does:
    an API that changes without bumping its version (Pachca's stays `1.0.0`) must not have NEW's spec taken for
    OLD's, which would make every upstream change look like the user's edit. A tenth may be gone: requests the
    user deleted."""
    wanted, held = _requests_of(new), _requests_of(fork)
    return len(wanted - held) <= len(wanted) // 10


def _recorded_as_built(fork: Side, new: Side) -> bool:
    """Whether NEW's spec builds the requests the fork's examples recorded when it was generated: an API whose
    version stays `2.0.0` while operations go and come (OpenAI's, Asana's `1.0`) is not OLD's spec because the
    numbers agree, and taken for it, every upstream change would read as the user's edit. No request of the fork
    generate made for an operation NEW lacks, and (nearly) every recorded request as NEW builds it; a fork from
    an older postman-kit may differ in its values, and is then compared without OLD's spec, which is safe."""
    built = {
        (item.request.method, item.request.url.path_template): item.request
        for _, item in new.collection.walk()
    }
    same = differ = 0
    for _, item in fork.collection.walk():
        recorded = fork.as_generated(item)
        if recorded is None:
            continue
        key = (recorded.request.method, recorded.request.url.path_template)
        request = built.get(key)
        if request is None:
            return False  # an operation generate wrote the fork a request for, which NEW does not have
        if request_shape(recorded.request) == request_shape(request):
            same += 1
        else:
            differ += 1
    return differ <= (same + differ) // 20


def _requests_of(side: Side) -> set[tuple[str, str]]:
    """The requests a side's collection sends, by method and path template."""
    return {(item.request.method, item.request.url.path_template) for _, item in side.collection.walk()}


def diff(
    old: str,
    new: str,
    *,
    today: date,
    base: str | None = None,
    revisions: str | Path | None = None,
    include_docs: bool = False,
    options: BuildOptions | None = None,
) -> DiffReport:
    """Compare OLD with NEW (paths, URLs or `-`)."""
    if options is None:
        # The comparison reads which success responses a request has, never an example's body, and never the
        # troubleshooting examples: synthesizing those is most of a build's time.
        options = BuildOptions(troubleshooting=(), response_bodies=False)
    old_side, new_side, base_side, revision_list = load_sides(
        old, new, base=base, revisions=revisions, options=options
    )
    return compare_sides(
        old_side, new_side, today=today, base=base_side, revisions=revision_list, include_docs=include_docs
    )


def upgrade(
    old: str,
    new: str,
    out: str | Path | None = None,
    *,
    today: date,
    base: str | None = None,
    revisions: str | Path | None = None,
    include_docs: bool = False,
    options: BuildOptions | None = None,
    collection_format: str | None = None,
) -> tuple[Collection, UpgradeReport]:
    """Upgrade the fork OLD to NEW; with `out`, write it there atomically (never over OLD, NEW, base or the
    revisions list), or to stdout when `out` is `-`.

    The upgrade is written in OLD's form (a v3 directory under `out/postman/collections/` when OLD is one, else
    a v2.1 file) unless `collection_format` ("v2.1" or "v3") says otherwise; stdout takes a v2.1 file only.
    """
    if collection_format not in (None, *COLLECTION_FORMATS):
        raise ValueError(f"collection_format must be one of {', '.join(COLLECTION_FORMATS)}")
    options = options or BuildOptions()
    # OLD's and base's built collections are compared and merged from, never written. Base's examples are
    # built whole: an upstream example whose body the user edited (a captured answer pasted in) is told by
    # them. OLD's spec, when OLD is one, holds no edit: of its examples only names and codes are read.
    reference_options = replace(options, response_bodies=False)
    old_side, new_side, base_side, revision_list = load_sides(
        old,
        new,
        base=base,
        revisions=revisions,
        options=options,
        reference_options=reference_options,
        base_options=options,
    )
    # NEW's side was built for this call alone: the upgrade may become it rather than a copy of it, unless
    # it also stands for OLD's spec (same revision), which the upgrade reads while it fills the copy.
    collection, report = upgrade_sides(
        old_side,
        new_side,
        today=today,
        base=base_side,
        revisions=revision_list,
        include_docs=include_docs,
        take_new=base_side is not new_side,
    )
    if out is not None:
        form = collection_format or ("v3" if is_collection_directory(old) and str(out) != "-" else "v2.1")
        # the files the specs' `$ref`s were read from are inputs too
        referenced = [
            file for side in (old_side, new_side, base_side) if side and side.api for file in side.api.files
        ]
        if form == "v3":
            # a v2.1 request's own variables have no place in a v3 request file: said, not dropped unsaid
            unwritten = [
                item_path(trail, item) for trail, item in collection.walk() if item.extra.get("variable")
            ]
            if unwritten:
                report.notes.append(
                    f"{len(unwritten)} request(s) hold variables of their own (e.g. {unwritten[0]}), which a v3 "
                    "request file has no place for: not written; keep them in the collection's or an environment"
                )
        report.output = _write_upgraded(
            collection, out, input_paths(old, new, base, revisions, *referenced), form
        )
    return collection, report


def _write_upgraded(collection: Collection, out: str | Path, inputs: set[Path], form: str) -> str:
    """Write the upgraded collection to `out` in `form` and say where it went: never over an input, nor inside
    a directory given as one (a v3 collection, a revisions directory).

    v2.1 is one JSON file at `out` (or stdout for `-`); v3 is the directory `out/postman/collections/<name>/`.
    """
    data = collection.to_json()
    target = (
        Path(out) / "postman" / "collections" / collection_directory_name(data) if form == "v3" else Path(out)
    )
    if str(out) != "-":
        for directory in (path for path in inputs if path.is_dir()):
            if target.resolve().is_relative_to(directory.resolve()):
                what = "collection directory" if is_collection_directory(str(directory)) else "directory"
                raise InputError(str(out), f"refusing to write inside the input {what} {directory}")
    if form == "v3":
        if str(out) == "-" or str(out).lower().endswith(".json") or Path(out).is_file():
            raise InputError(
                str(out),
                "the upgrade of a v3 collection is a directory of files; give a directory "
                "with -o, or --collection-format v2.1 for one JSON file",
            )
        write_v3_collection(data, Path(out), protect=inputs)
        return str(target)
    write_output(out, redact_bytes(collection_dumps(data)), protect=inputs)
    return "<stdout>" if str(out) == "-" else str(out)


def failures(
    report: DiffReport, fail_on: tuple[str, ...] | list[str], upgrade_report: UpgradeReport | None = None
) -> list[str]:
    """Which `--fail-on` conditions hold (exit 1 for CI when any does)."""
    verdict = report.verdict
    status = verdict.status
    holds = {
        "stale": verdict.stale,
        "deprecated": status in ("deprecated", "retired"),
        "retired": status == "retired",
        "breaking": report.breaking,
        "conflict": bool(upgrade_report and upgrade_report.conflicts),
        "any": report.has_differences or bool(report.saved and report.breaking),
    }
    return [name for name in fail_on if holds.get(name)]


__all__ = [
    "Change",
    "DiffReport",
    "Lifecycle",
    "OperationChange",
    "RevisionList",
    "SavedRequestVerdict",
    "Side",
    "UpgradeReport",
    "Verdict",
    "compare_sides",
    "diff",
    "failures",
    "lifecycle",
    "load_side",
    "load_sides",
    "prepare",
    "read_revisions",
    "upgrade",
    "upgrade_sides",
]
