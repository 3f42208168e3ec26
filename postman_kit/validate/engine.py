"""Run the selected rules over collections and collect one sorted :class:`Report`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from postman_kit.collection import Collection
from postman_kit.collection_files import CollectionFile, read_collection, read_variables
from postman_kit.openapi import Api, load_api
from postman_kit.profiles import Profile, detect_collection_profile, detect_profile
from postman_kit.validate.config import ValidateConfig
from postman_kit.validate.model import Finding, Report, Rule
from postman_kit.validate.rules import RULES
from postman_kit.validate.target import Target, VariablesFile


def selected_rules(config: ValidateConfig, with_spec: bool, profile: Profile | None = None) -> list[Rule]:
    """The rules that can report anything: selected by id, or by family for the saved-request ones; a
    profile's own rules only for that profile (all of them when `profile` is None)."""
    return [
        r
        for r in RULES
        if config.is_selected(r.id)
        and (with_spec or not r.needs_spec)
        and (profile is None or r.profile in (None, profile.name))
    ]


def target_profile(data: dict[str, Any], api: Api | None) -> Profile:
    """The spec's profile when there is a spec, else the one the collection itself names."""
    return detect_profile(api) if api is not None else detect_collection_profile(data)


def check_target(target: Target, rules: Sequence[Rule], config: ValidateConfig) -> list[Finding]:
    """Every finding of `rules` on one collection (pure: no files read or written)."""
    findings: list[Finding] = []
    for rule in rules:
        for hit in rule.check(target):
            rule_id = f"{rule.family}/{hit.code}" if hit.code else rule.id
            if rule_id != rule.id and not config.is_selected(rule_id):
                continue
            severity = config.severity_of(rule_id, hit.severity or rule.severity)
            findings.append(
                Finding(rule_id, severity, hit.message, hit.file or target.source, hit.item, hit.pointer)
            )
    return findings


def collection_model(data: dict[str, Any]) -> Collection:
    """The collection model the rules walk, without the examples' original requests.

    No rule reads an example's original request through the model (the secret and schema rules read the raw
    JSON), and parsing thousands of them is two thirds of the model's cost on a large collection.
    """

    def without_original_requests(nodes: list[Any]) -> list[Any]:
        out = []
        for node in nodes:
            if not isinstance(node, dict):
                out.append(node)
            elif "item" in node and "request" not in node:
                out.append({**node, "item": without_original_requests(node.get("item") or [])})
            else:
                responses = node.get("response")
                out.append(
                    {
                        **node,
                        "response": [
                            {k: v for k, v in r.items() if k != "originalRequest"}
                            if isinstance(r, dict)
                            else r
                            for r in responses
                        ]
                        if isinstance(responses, list)
                        else responses,
                    }
                )
        return out

    items = data.get("item")
    return Collection.from_json(
        {**data, "item": without_original_requests(items) if isinstance(items, list) else items}
    )


def validate_collection(
    data: dict[str, Any],
    source: str = "collection.json",
    *,
    api: Api | None = None,
    environment: VariablesFile | None = None,
    globals_file: VariablesFile | None = None,
    profile: Profile | None = None,
    config: ValidateConfig | None = None,
    located: CollectionFile | None = None,
) -> Report:
    """Validate one collection given as parsed JSON (the Python API the command wraps); `located`, the file it
    was read from, places each finding in the YAML file and line of a v3 collection."""
    config = config or ValidateConfig()
    profile = profile or target_profile(data, api)
    target = Target(
        source=source,
        data=data,
        collection=collection_model(data),
        api=api,
        profile=profile,
        environment=environment,
        globals=globals_file,
    )
    rules = selected_rules(config, api is not None, profile)
    findings = check_target(target, rules, config)
    if located is not None and located.sources:
        findings = [
            _in_v3_file(finding, located) if finding.file == source else finding for finding in findings
        ]
    findings = sorted(set(findings), key=Finding.sort_key)
    return Report(
        files=[source],
        findings=findings,
        items={source: [ref.path for ref in target.items]},
        rules=rules,
        fail_on=config.fail_on,
    )


def _in_v3_file(finding: Finding, located: CollectionFile) -> Finding:
    """A finding on a v3 collection placed in the YAML file (and line) of the item it is about."""
    place = located.locate(finding.pointer)
    if place is None:
        return finding
    return replace(finding, file=place[0], line=place[1])


def validate(
    collections: Sequence[str],
    *,
    spec: str | None = None,
    environment: str | None = None,
    globals_file: str | None = None,
    config: ValidateConfig | None = None,
) -> Report:
    """Read the files named (paths, URLs or `-`) and validate each collection; bad input raises InputError."""
    return _validate(collections, spec, environment, globals_file, config or ValidateConfig())


def _validate(
    collections: Sequence[str],
    spec: str | None,
    environment: str | None,
    globals_file: str | None,
    config: ValidateConfig,
) -> Report:
    spec = spec or config.spec
    environment = environment or config.environment
    globals_file = globals_file or config.globals
    loaded = [read_collection(source) for source in collections]
    env = _variables_file(environment, "environment") if environment else None
    glob = _variables_file(globals_file, "globals") if globals_file else None
    api = load_api(spec) if spec else None
    report = Report(files=[], fail_on=config.fail_on, read=[str(f) for f in api.files] if api else [])
    ran: set[str] = set()
    report.sources = {file.source: file.text for file in loaded if file.text is not None}
    report.sources.update({f.source: f.text for f in (env, glob) if f is not None and f.text is not None})
    for file in loaded:
        one = validate_collection(
            file.data, file.source, api=api, environment=env, globals_file=glob, config=config, located=file
        )
        ran.update(rule.id for rule in one.rules)
        report.files.extend(one.files)
        report.findings.extend(one.findings)
        report.items.update(one.items)
    report.rules = [rule for rule in RULES if rule.id in ran]
    # A finding in a shared environment or globals file is reported once, not once per collection.
    report.findings = sorted(set(report.findings), key=Finding.sort_key)
    return report


def _variables_file(source: str, scope: str) -> VariablesFile:
    read = read_variables(source, scope)
    return VariablesFile(read.source, read.data, scope, read.text)
