"""`generate`: an OpenAPI spec in, Postman collection, environment and globals files out."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from postman_kit.errors import InputError
from postman_kit.gcpause import gc_paused
from postman_kit.generate.build import Build, BuildOptions, build
from postman_kit.generate.speccheck import full_validation_problems
from postman_kit.loader import is_url
from postman_kit.openapi import Api, load_api
from postman_kit.valueclass import value_class
from postman_kit.writer import write_json_files

GenerateOptions = BuildOptions


@value_class
class GenerateResult:
    """What `generate` built and the files it wrote."""

    build: Build
    files: list[Path] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        return self.build.warnings


def build_collection_from_spec(source: str | Api, options: BuildOptions | None = None) -> Build:
    """Load (when given a path or URL) and build, without writing anything."""
    with gc_paused():
        api = source if isinstance(source, Api) else load_api(source)
        return build(api, options)


def generate(
    source: str,
    out_dir: str | Path = "collections",
    options: BuildOptions | None = None,
    *,
    validate: bool = False,
    strict: bool = False,
) -> GenerateResult:
    """Generate the three files into `out_dir`; returns what was built and written.

    With `validate`, the full OpenAPI validator runs too; its findings are warnings unless `strict`.
    With `strict`, any warning is an error (raised as :class:`InputError`, nothing written).
    """
    with gc_paused():
        return _generate(source, out_dir, options, validate, strict)


def _generate(source: str, out_dir: str | Path, options: BuildOptions | None, validate: bool,
              strict: bool) -> GenerateResult:
    api = load_api(source)
    result = build(api, options)
    if validate:
        result.warnings.extend(full_validation_problems(api))
    if strict and result.warnings:
        raise InputError(api.source, f"{len(result.warnings)} problem(s) with --strict: {result.warnings[0]}")
    out = Path(out_dir)
    protect = set() if source == "-" or is_url(source) else {Path(source)}
    files = {
        out / result.collection_filename: result.collection.to_json(),
        out / result.environment_filename: result.environment,
        out / result.globals_filename: result.globals,
    }
    written = write_json_files(files, protect)
    return GenerateResult(build=result, files=written)
