"""diff and upgrade over Klaviyo's real revisions (../shared/corpus; skipped when absent)."""

from __future__ import annotations

import functools
import itertools
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from postman_kit import ids
from postman_kit.collection import Collection
from postman_kit.diff import compare_sides, load_side, upgrade, upgrade_sides
from postman_kit.diff.sides import Side
from postman_kit.generation.build import BuildOptions
from postman_kit.writer import dumps
from tests.tools import CORPUS, klaviyo_specs, require_corpus

pytestmark = pytest.mark.corpus

FORK = Path(__file__).parent / "fixtures" / "forks" / "klaviyo-2023-10-15-fork.postman_collection.json"
STABLE = CORPUS / "klaviyo" / "stable"
TODAY = date(2026, 11, 23)
SPECS = klaviyo_specs()


@functools.cache
def spec_side(path: Path) -> Side:
    # Troubleshooting examples are left out to keep the suite fast; upgrade's exactness holds for any options.
    return load_side(str(path), BuildOptions(troubleshooting=()))


def as_fork(side: Side) -> Side:
    """The generated collection as a user's file holds it: a collection, no spec attached."""
    collection = Collection.from_json(json.loads(dumps(side.collection.to_json())))
    return Side(source="fork.json", collection=collection, revision=side.revision, profile=side.profile)


def endpoint_keys(side: Side) -> set[tuple[str, str]]:
    assert side.api is not None
    return {(op.method, ids.normalize_path(op.path)) for op in side.api.operations}


@pytest.mark.parametrize("pair", list(itertools.pairwise(SPECS)), ids=lambda p: f"{p[0].stem}..{p[1].stem}")
def test_consecutive_revisions(pair: tuple[Path, Path]):
    require_corpus()
    old, new = spec_side(pair[0]), spec_side(pair[1])
    upgraded, upgrade_report = upgrade_sides(as_fork(old), new, today=TODAY, base=old, classify=False)
    report = upgrade_report.diff  # OLD's spec against NEW's
    moved = [c for c in report.changed if [change.kind for change in c.changes] == ["path-moved"]]
    assert len(moved) == len(report.changed)  # without classification only moves are reported
    assert len(report.added) + len(moved) == len(endpoint_keys(new) - endpoint_keys(old))
    assert len(report.removed) + len(moved) == len(endpoint_keys(old) - endpoint_keys(new))
    assert dumps(upgraded.to_json()) == dumps(new.collection.to_json())
    assert upgrade_report.carried == [] and upgrade_report.conflicts == [] and upgrade_report.edits_kept == []


def items_by_name(collection: dict[str, Any]) -> dict[str, list[tuple[tuple[str, ...], dict]]]:
    found: dict[str, list] = {}

    def visit(nodes: list[dict[str, Any]], trail: tuple[str, ...]) -> None:
        for node in nodes:
            if "item" in node and "request" not in node:
                visit(node["item"], trail + (node["name"],))
            else:
                found.setdefault(node["name"], []).append((trail, node))

    visit(collection["item"], ())
    return found


@pytest.fixture(scope="module")
def upgraded_fork(tmp_path_factory: pytest.TempPathFactory):
    require_corpus()
    out = tmp_path_factory.mktemp("fork") / "upgraded.json"
    _, report = upgrade(str(FORK), str(STABLE / "2026-07-15.json"), out, today=TODAY, revisions=str(STABLE))
    return json.loads(out.read_text()), report


SAVED = {  # name → (folder in the fork and in the upgrade, marked as a conflict)
    "Get Profiles Created Date": (("Profiles", "Profiles"), False),
    "Sarah Mason's profile": (("Profiles", "Profiles"), False),
    # `equals` is listed among email's list operators since x-klaviyo-filters, yet takes one value as Klaviyo's
    # own examples do (filters.py): not a conflict
    "VIP list members": (("Lists", "Lists"), False),
    "Flow action send options": (("Flows", "Flows"), True),  # send_options left fields[flow-action]
    "Events for Placed Order": (("My scratch",), False),  # the user's own folder stays
    "Profile notes (internal)": (("My scratch",), False),  # no operation in either revision: kept as it was
}


def test_fork_upgrade_keeps_every_saved_request_once_in_place_and_marks_the_right_ones(upgraded_fork):
    collection, report = upgraded_fork
    found = items_by_name(collection)
    for name, (folder, flagged) in SAVED.items():
        shown = "⚠ " + name if flagged else name
        assert len(found[shown]) == 1 and name not in found if flagged else len(found[name]) == 1, name
        trail, item = found[shown][0]
        assert trail == folder, name
        assert bool(item.get("x-postman-kit", {}).get("conflicts")) is flagged, name
    assert sum(len(v) for v in found.values()) == 345 + len(SAVED)
    assert {c.label.rsplit("/", 1)[-1] for c in report.conflicts} == {n for n, (_, f) in SAVED.items() if f}
    assert [entry.partition(" (GET ")[0] for entry in report.unmatched] == [
        "My scratch/Profile notes (internal)"
    ]


def test_fork_upgrade_keeps_edits_bumps_revisions_and_drops_the_key(upgraded_fork):
    collection, report = upgraded_fork
    found = items_by_name(collection)
    created = found["Get Profiles Created Date"][0][1]["request"]
    assert created["url"]["raw"].startswith("{{baseUrl}}/api/profiles?fields[profile]=created&filter=")
    assert {"key": "revision", "value": "2026-07-15"} in created["header"]
    get_profile = found["Get Profile"][0][1]["request"]
    assert get_profile["url"]["variable"][0]["value"] == "01GDDKASAP8TKDDA2GRZDSVP4H"
    get_profiles = found["Get Profiles"][0][1]["request"]
    assert "page[size]=50" in get_profiles["url"]["raw"]
    text = json.dumps(collection)
    leaked_key = "pk_fake" in text  # booleans first: pytest's explanation of `in` on megabytes takes minutes
    old_revision_sent = '"value": "2023-10-15"' in text
    assert not leaked_key and not old_revision_sent
    assert collection["info"]["name"] == "(Stable) Klaviyo API (v2026-07-15)"
    variables = {v["key"]: v["value"] for v in collection["variable"]}
    assert variables["vipListId"] == "Y6nRLr" and variables["revision"] == "2026-07-15"
    # the fork's Get Profile id is the spec's own profile id, which generate now also writes: not an edit; its
    # `string` placeholders (what generate wrote before realistic values) are not edits either
    assert report.edits_kept == [
        "Profiles/Profiles/Get Profiles: query `page[size]`",
        "collection variable `vipListId` (yours)",
    ]


def test_fork_verdict_is_retired_and_counts_the_revisions(upgraded_fork):
    _, upgrade_report = upgraded_fork
    report = upgrade_report.diff  # the same report `postman-kit diff FORK NEW --revisions DIR` prints
    verdict = report.verdict
    assert verdict.status == "retired" and verdict.lifecycle.retired_on == date(2025, 10, 15)
    assert verdict.revisions_behind == 13 and verdict.missed_revisions[0] == "2023-12-15"
    assert verdict.headline() == (
        "STALE: v2023-10-15 is 13 revision(s) behind v2026-07-15; retired since "
        "2025-10-15 (as of 2026-11-23, 1135 days old)"
    )
    assert len(report.added) == 144 and report.removed == []
    assert {s.name: s.status for s in report.saved} == {
        "Get Profiles Created Date": "fine",
        "Sarah Mason's profile": "fine",
        "Events for Placed Order": "fine",
        "VIP list members": "fine",
        "Flow action send options": "broken-by-new",
        "Profile notes (internal)": "already-broken",
    }


def test_renamed_operations_are_matched_not_added(upgraded_fork):
    report = upgraded_fork[1].diff  # OLD's spec (2023-10-15, found in --revisions) against 2026-07-15
    renames = {
        c.old.operation_id: c.new.operation_id
        for c in report.changed
        if c.old.operation_id != c.new.operation_id
    }
    assert len(renames) == 106
    assert renames["get_list_relationships_profiles"] == "get_profile_ids_for_list"


def test_operations_klaviyo_moved_are_changes_not_removals():
    require_corpus()
    old, new = spec_side(STABLE / "2022-10-17.json"), spec_side(STABLE / "2023-01-24.json")
    report = compare_sides(old, new, today=TODAY)
    moves = {
        c.old.label: c.new.label for c in report.changed if any(x.kind == "path-moved" for x in c.changes)
    }
    assert moves == {
        "POST /api/templates/{id}/render/": "POST /api/template-render/",
        "POST /api/templates/{id}/clone/": "POST /api/template-clone/",
    }
    assert report.removed == [] and all(c.breaking for c in report.changed if c.old.label in moves)


@pytest.mark.corpus
def test_what_the_user_set_on_an_api_subfolder_new_no_longer_has_stays_on_its_requests(
    run_cli, tmp_path
) -> None:
    """Klaviyo 2023-02-22 → 2026-07-15: the subfolders Tags/Relationships and Lists/Lists are gone from NEW (their
    requests moved up). A script and a description the user set on the first and a variable on the second were
    dropped with no word, and the requests lost what those settings gave them."""
    require_corpus()
    assert run_cli("generate", STABLE / "2023-02-22.json", "-o", tmp_path / "old").exit_code == 0
    [generated] = (tmp_path / "old").glob("*.postman_collection.json")
    fork = json.loads(generated.read_text())
    folders = {node["name"]: node for node in fork["item"]}

    def sub(folder: str, name: str) -> dict[str, Any]:
        return next(node for node in folders[folder]["item"] if node["name"] == name and "item" in node)

    script = {"listen": "prerequest", "script": {"type": "text/javascript", "exec": ["// MY_FOLDER_SCRIPT"]}}
    sub("Tags", "Relationships")["event"] = [script]
    sub("Tags", "Relationships")["description"] = "MY_FOLDER_DESC"
    sub("Lists", "Lists")["variable"] = [{"key": "MY_FOLDER_VAR", "value": "1"}]
    bearer = {"type": "bearer", "bearer": [{"key": "token", "value": "{{teamToken}}", "type": "string"}]}
    fork["item"].append({"name": "Team", "item": [], "auth": bearer})  # the user's own: never OLD's
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli(
        "upgrade",
        tmp_path / "fork.json",
        "--to",
        STABLE / "2026-07-15.json",
        "--revisions",
        STABLE,
        "-o",
        out,
    )
    assert result.exit_code == 0, result.output
    assert (
        "Tags/Relationships (v2023-02-22's folder, kept for what you set on it: scripts, description)"
        in result.output
    )
    assert "- Team (yours, with what you set on it: auth)" in result.output
    upgraded = {node["name"]: node for node in json.loads(out.read_text())["item"]}
    assert upgraded["Team"]["auth"] == bearer
    lists = next(node for node in upgraded["Lists"]["item"] if node["name"] == "Lists" and "item" in node)
    assert lists["variable"] == [{"key": "MY_FOLDER_VAR", "value": "1"}]
    assert "Get Lists" in [
        node["name"] for node in lists["item"]
    ]  # the folder's requests are where it applies
    tags = next(
        node for node in upgraded["Tags"]["item"] if node["name"] == "Relationships" and "item" in node
    )
    assert tags["event"] == [script] and tags["item"]


def upgraded_through(run_cli, tmp_path: Path, hops: list[str]) -> Path:
    """tmp_path/fork.json upgraded to each of `hops` in turn (with the revisions known): the last upgrade."""
    source = tmp_path / "fork.json"
    for index, revision in enumerate(hops):
        out = tmp_path / f"{len(hops)}-{index}.json"
        args = ("upgrade", source, "--to", STABLE / f"{revision}.json", "--revisions", STABLE, "-o", out)
        assert run_cli(*args).exit_code == 0
        source = out
    return source


@pytest.mark.corpus
def test_a_multi_hop_upgrade_notes_a_kept_request_about_the_last_hop_as_one_upgrade_does(
    run_cli, tmp_path
) -> None:
    """A renamed request whose operation goes away, upgraded 2023-01-24 → 2023-06-15 → 2026-07-15, kept the first
    hop's note ("… to v2023-06-15: … not an operation in v2023-06-15") in a collection now at 2026-07-15."""
    require_corpus()
    assert run_cli("generate", STABLE / "2023-01-24.json", "-o", tmp_path / "old").exit_code == 0
    [generated] = (tmp_path / "old").glob("*.postman_collection.json")
    fork = json.loads(generated.read_text())
    item = next(
        item for _, item in Collection.from_json(fork).walk() if item.name == "Get Event Relationships"
    )
    text = generated.read_text().replace(
        f'"name": "{item.name}"', '"name": "Get Event Relationships (mine)"', 1
    )
    (tmp_path / "fork.json").write_text(text)
    notes = []
    for hops in (["2026-07-15"], ["2023-06-15", "2026-07-15"]):
        source = upgraded_through(run_cli, tmp_path, hops)
        kept = next(
            item
            for _, item in Collection.from_json(json.loads(source.read_text())).walk()
            if "(mine)" in item.name
        )
        notes.append(kept.request.description.split("\n")[:2])
    assert notes[0] == notes[1] and "to v2026-07-15:**" in notes[0][0], notes


@pytest.mark.corpus
def test_a_multi_hop_upgrade_marks_a_conflict_about_the_whole_way_as_one_upgrade_does(
    run_cli, tmp_path
) -> None:
    """A saved POST with no body yet, a conflict in every revision, upgraded 2024-10-15 → 2025-07-15 →
    2026-07-15, kept "Needs review after upgrading from v2024-10-15 to v2025-07-15" in a collection at
    2026-07-15."""
    require_corpus()
    assert run_cli("generate", STABLE / "2024-10-15.json", "-o", tmp_path / "old").exit_code == 0
    [generated] = (tmp_path / "old").glob("*.postman_collection.json")
    fork = json.loads(generated.read_text())
    lists = next(node for node in fork["item"] if node["name"] == "Lists")
    url = {"raw": "{{baseUrl}}/api/lists", "host": ["{{baseUrl}}"], "path": ["api", "lists"]}
    lists["item"].append({"name": "Create list (no body yet)", "request": {"method": "POST", "url": url}})
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    results = [
        upgraded_through(run_cli, tmp_path, hops).read_bytes()
        for hops in (["2026-07-15"], ["2025-07-15", "2026-07-15"])
    ]
    assert results[0] == results[1]
    assert b"Needs review after upgrading from v2024-10-15 to v2026-07-15:" in results[1]


@pytest.mark.corpus
def test_a_fork_whose_revision_variable_alone_was_bumped_is_not_compared_as_that_revision(
    run_cli, tmp_path
) -> None:
    """A 2024-10-15 fork renamed without its stamp, whose user set `revision` to 2026-07-15 to try it: diff found
    "0 added, 0 changed, 345 unchanged" (OLD taken for 2026-07-15's own requests) and upgrade kept every old
    shape as the user's edit."""
    require_corpus()
    assert run_cli("generate", STABLE / "2024-10-15.json", "-o", tmp_path / "old").exit_code == 0
    [generated] = (tmp_path / "old").glob("*.postman_collection.json")
    fork = json.loads(generated.read_text())
    fork["info"]["name"] = "My Klaviyo"
    for variable in fork["variable"]:
        if variable["key"] == "revision":
            variable["value"] = "2026-07-15"
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    result = run_cli(
        "diff", tmp_path / "fork.json", STABLE / "2026-07-15.json", "--revisions", STABLE, "--format", "json"
    )
    summary = json.loads(result.stdout)["summary"]
    assert summary["added"] > 50 and summary["changed"] > 0, summary


@pytest.mark.corpus
def test_a_beta_fork_upgraded_to_a_stable_revision_is_named_stable(run_cli, tmp_path) -> None:
    """A fork of the beta 2025-01-15.pre collection upgraded to stable 2026-07-15 was named
    "(Beta) Klaviyo API (v2026-07-15)", a beta it is not; otherwise byte-equal to generate's."""
    beta = require_corpus() / "klaviyo" / "beta" / "2025-01-15.pre.json"
    assert run_cli("generate", beta, "-o", tmp_path / "old").exit_code == 0
    [generated] = (tmp_path / "old").glob("*.postman_collection.json")
    out = tmp_path / "up.json"
    assert run_cli("upgrade", generated, "--to", STABLE / "2026-07-15.json", "-o", out).exit_code == 0
    assert json.loads(out.read_text())["info"]["name"] == "(Stable) Klaviyo API (v2026-07-15)"


@pytest.mark.corpus
def test_a_saved_request_whose_id_new_s_path_has_no_place_for_is_kept_as_written(run_cli, tmp_path) -> None:
    """Klaviyo's `POST /api/templates/{id}/render/` became `POST /api/template-render/`, the id in the body: a
    saved request rendering TPL1 was moved there ("Fixed for you") and sent without its id anywhere."""
    require_corpus()
    assert run_cli("generate", STABLE / "2022-10-17.json", "-o", tmp_path / "old").exit_code == 0
    [generated] = (tmp_path / "old").glob("*.postman_collection.json")
    fork = json.loads(generated.read_text())
    url = {
        "raw": "{{baseUrl}}/api/templates/TPL1/render/",
        "host": ["{{baseUrl}}"],
        "path": ["api", "templates", "TPL1", "render", ""],
    }
    body = {
        "mode": "raw",
        "raw": '{"data": {"type": "template", "attributes": {"context": {"name": "Ann"}}}}',
    }
    request = {
        "method": "POST",
        "header": [{"key": "revision", "value": "{{revision}}"}],
        "body": body,
        "url": url,
    }
    fork["item"].append({"name": "Ops runbook", "item": [{"name": "Render template", "request": request}]})
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli(
        "upgrade", tmp_path / "fork.json", "--to", STABLE / "2024-02-15.json", "-o", out, "--format", "json"
    )
    assert result.exit_code == 0, result.output
    [kept] = next(f for f in json.loads(out.read_text())["item"] if f["name"] == "Ops runbook")["item"]
    assert kept["request"]["url"]["raw"] == url["raw"] and kept["name"] == "⚠ Render template"
    [conflict] = json.loads(result.output)["conflicts"]
    assert "no place for your `id=TPL1`" in conflict["problems"][0]


def generated_fork(run_cli, tmp_path: Path, spec: Path) -> dict[str, Any]:
    """The collection generate writes for `spec`, as the fork a user starts from."""
    assert run_cli("generate", spec, "-o", tmp_path / "old").exit_code == 0
    [generated] = (tmp_path / "old").glob("*.postman_collection.json")
    return json.loads(generated.read_text())


def node_named(nodes: list[dict[str, Any]], name: str) -> dict[str, Any]:
    """The first folder or request named `name`, depth first."""
    for node in nodes:
        if node.get("name") == name:
            return node
        found = node_named(node.get("item", []), name)
        if found:
            return found
    return {}


def upgraded_to_latest(run_cli, tmp_path: Path, fork: dict[str, Any], *options: Any) -> tuple[dict, dict]:
    """`fork` upgraded to 2026-07-15 with `options` (`--revisions DIR`, `--base SPEC`): the JSON report and the
    upgraded collection."""
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    args = ("upgrade", tmp_path / "fork.json", "--to", STABLE / "2026-07-15.json", *options, "-o", out)
    result = run_cli(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output), json.loads(out.read_text())


@pytest.mark.corpus
def test_a_beta_only_request_kept_in_a_stable_collection_still_sends_its_beta_revision(
    run_cli, tmp_path
) -> None:
    """A beta 2026-04-15.pre fork's edited Customer Agent request, upgraded to stable 2026-07-15, is kept for the
    edit (⚠), but sent `revision: {{revision}}`, now the stable 2026-07-15 its operation is not in: the request
    changed what it sends and the report did not say so."""
    beta = require_corpus() / "klaviyo" / "beta" / "2026-04-15.pre.json"
    fork = generated_fork(run_cli, tmp_path, beta)
    test = {"listen": "test", "script": {"type": "text/javascript", "exec": ["pm.test('ok', () => {});"]}}
    node_named(fork["item"], "Get Agent Skills")["event"] = [test]
    report, upgraded = upgraded_to_latest(run_cli, tmp_path, fork, "--base", beta)
    kept = node_named(upgraded["item"], "⚠ Get Agent Skills")
    sent = [h["value"] for h in kept["request"]["header"] if h["key"] == "revision" and not h.get("disabled")]
    assert sent == ["2026-04-15.pre"]
    [conflict] = [c for c in report["conflicts"] if c["request"].endswith("Get Agent Skills")]
    assert any("sends revision 2026-04-15.pre as it did" in problem for problem in conflict["problems"])


@pytest.mark.corpus
def test_a_folder_the_user_and_new_both_renamed_keeps_the_user_s_name(run_cli, tmp_path) -> None:
    """The user renamed 2024-02-15's `Profiles/Bulk Profile Imports` to `My Imports`; 2026-07-15 calls it `Bulk
    Import Profiles`. NEW's name won, with a note that did not say the user's was replaced; a request's rename is
    kept."""
    fork = generated_fork(run_cli, tmp_path, require_corpus() / "klaviyo" / "stable" / "2024-02-15.json")
    node_named(fork["item"], "Bulk Profile Imports")["name"] = "My Imports"
    report, upgraded = upgraded_to_latest(run_cli, tmp_path, fork, "--revisions", STABLE)
    profiles = node_named(upgraded["item"], "Profiles")
    names = [node["name"] for node in profiles["item"] if "item" in node]
    assert "My Imports" in names and "Bulk Import Profiles" not in names
    renamed = "folder 'Profiles/Bulk Profile Imports' renamed 'My Imports' (v2026-07-15 calls it 'Bulk Import Profiles')"
    assert renamed in report["editsKept"]


@pytest.mark.corpus
def test_words_the_user_added_to_upstream_s_descriptions_go_into_new_s(run_cli, tmp_path) -> None:
    """A team note put between the collection description's paragraphs, and one appended to Get Accounts': the
    upgraded 2026-07-15 collection still said "Revision `2024-02-15`", and the request hid NEW's words (its new
    `[OpenAPI Spec]` link) behind OLD's. A description rewritten whole stays the user's."""
    fork = generated_fork(run_cli, tmp_path, require_corpus() / "klaviyo" / "stable" / "2024-02-15.json")
    paragraphs = fork["info"]["description"].split("\n\n")
    paragraphs.insert(1, "TEAM-NOTE: use the staging environment.")
    fork["info"]["description"] = "\n\n".join(paragraphs)
    node_named(fork["item"], "Get Accounts")["request"]["description"] += (
        "\n\nREQ-NOTE: we call this at login."
    )
    node_named(fork["item"], "Get Account")["request"]["description"] = "Ours: the one account we have."
    _, upgraded = upgraded_to_latest(run_cli, tmp_path, fork, "--revisions", STABLE)
    description = upgraded["info"]["description"]
    assert "TEAM-NOTE" in description and "2024-02-15" not in description and "2026-07-15" in description
    accounts = node_named(upgraded["item"], "Get Accounts")["request"]["description"]
    assert accounts.endswith("REQ-NOTE: we call this at login.") and "[OpenAPI Spec]" in accounts
    assert (
        node_named(upgraded["item"], "Get Account")["request"]["description"]
        == "Ours: the one account we have."
    )


@pytest.mark.corpus
def test_the_copy_of_a_refused_edit_follows_its_request_when_a_later_upgrade_drops_their_folder(
    run_cli, tmp_path
) -> None:
    """A 2022-10-17 fork's edited Create Event body, which NEW refuses, gets `⚠ Create Event (your edit)` right
    after NEW's request. Upgraded in steps (2024-07-15, 2024-10-15, 2026-07-15, which flattens Events/Events),
    the copy stayed alone in a left-over `Events/Events`; one upgrade puts it beside Create Event."""
    require_corpus()
    assert run_cli("generate", STABLE / "2022-10-17.json", "-o", tmp_path / "old").exit_code == 0
    [generated] = (tmp_path / "old").glob("*.postman_collection.json")
    text = generated.read_text()
    assert "Winnie the Pooh" in text
    (tmp_path / "fork.json").write_text(text.replace("Winnie the Pooh", "My Book"))

    def copies(path: Path) -> list[str]:
        found: list[str] = []

        def walk(nodes: list[dict[str, Any]], trail: list[str]) -> None:
            for node in nodes:
                if "item" in node:
                    walk(node["item"], [*trail, node["name"]])
                elif node["name"].endswith("(your edit)"):
                    found.append("/".join([*trail, node["name"]]))

        walk(json.loads(path.read_text())["item"], [])
        return found

    one = upgraded_through(run_cli, tmp_path, ["2026-07-15"])
    steps = upgraded_through(run_cli, tmp_path, ["2024-07-15", "2024-10-15", "2026-07-15"])
    assert copies(one) == copies(steps)
    assert "Events/⚠ Create Event (your edit)" in copies(steps)


@pytest.mark.corpus
def test_a_folder_renamed_whose_subfolders_new_flattens_is_one_folder_under_the_user_s_name(
    run_cli, tmp_path
) -> None:
    """2024-05-15's Segments holds only Segments/Segments and Segments/Relationships; the user renamed it
    Audience; 2024-10-15's Segments is flat. The fork came out split in two: Audience with the old subfolders and 7
    untouched requests said to be "kept where you moved it", and a second Segments for NEW's new operations."""
    fork = generated_fork(run_cli, tmp_path, require_corpus() / "klaviyo" / "stable" / "2024-05-15.json")
    node_named(fork["item"], "Segments")["name"] = "Audience"
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    args = (
        "upgrade",
        tmp_path / "fork.json",
        "--to",
        STABLE / "2024-10-15.json",
        "--revisions",
        STABLE,
        "-o",
        out,
    )
    result = run_cli(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    top = [node["name"] for node in json.loads(out.read_text())["item"]]
    assert "Audience" in top and "Segments" not in top
    assert not [line for line in json.loads(result.output)["editsKept"] if "kept where you moved it" in line]


@pytest.mark.corpus
def test_a_folder_new_renamed_is_noted_only_where_the_user_set_something_on_it(run_cli, tmp_path) -> None:
    """An untouched 2024-02-15 fork upgraded to 2026-07-15 was told that "what you set on" Bulk Profile Imports
    follows its requests, though the user set nothing there; with a script on it, the note says where it went."""
    fork = generated_fork(run_cli, tmp_path, require_corpus() / "klaviyo" / "stable" / "2024-02-15.json")
    report, _ = upgraded_to_latest(run_cli, tmp_path, fork, "--revisions", STABLE)
    assert not [note for note in report["notes"] if "what you set on it" in note]
    script = {"listen": "prerequest", "script": {"type": "text/javascript", "exec": ["// imports"]}}
    node_named(fork["item"], "Bulk Profile Imports")["event"] = [script]
    report, upgraded = upgraded_to_latest(run_cli, tmp_path, fork, "--revisions", STABLE)
    assert [note for note in report["notes"] if "what you set on it follows its requests there" in note]
    assert node_named(upgraded["item"], "Bulk Import Profiles")["event"] == [script]
