"""`generate`: an OpenAPI spec in, Postman collection, environment and globals files out."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from postman_kit.errors import InputError
from postman_kit.generation.build import Build, BuildOptions, build
from postman_kit.generation.speccheck import full_validation_problems
from postman_kit.openapi import Api, load_api
from postman_kit.writer import COLLECTION_FORMATS, input_paths, output_file, write_json_files

GenerateOptions = BuildOptions


@dataclass(slots=True)
class GenerateResult:
    """What `generate` built and the files it wrote."""

    build: Build
    files: list[Path] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        return self.build.warnings


def build_collection_from_spec(source: str | Api, options: BuildOptions | None = None) -> Build:
    """Load (when given a path or URL) and build, without writing anything."""
    api = source if isinstance(source, Api) else load_api(source)
    return build(api, options)


def generate(
    source: str,
    out_dir: str | Path = "collections",
    options: BuildOptions | None = None,
    *,
    validate: bool = False,
    strict: bool = False,
    collection_format: str = "v2.1",
) -> GenerateResult:
    """Generate the collection, environment and globals into `out_dir`; returns what was built and written.

    `collection_format` "v2.1" writes three JSON files; "v3" writes Postman v12's git layout:
    `out_dir/postman/collections/<name>/` as `postman collection migrate` makes it of the v2.1 file, and the
    environment and globals as YAML in `out_dir/postman/environments/`.
    With `validate`, the full OpenAPI validator runs too; its findings are warnings unless `strict`.
    With `strict`, any warning is an error (raised as :class:`InputError`, nothing written).
    """
    if collection_format not in COLLECTION_FORMATS:
        raise ValueError(f"collection_format must be one of {', '.join(COLLECTION_FORMATS)}")
    api = load_api(source)
    result = build(api, options)
    if validate:
        result.warnings.extend(full_validation_problems(api))
    if strict and result.warnings:
        raise InputError(api.source, f"{len(result.warnings)} problem(s) with --strict: {result.warnings[0]}")
    out = Path(out_dir)
    if collection_format == "v3":
        # Imported here: it is a tenth of the start-up a small spec's v2.1 run pays (benchmarks/bench_generate.py,
        # Train Travel).
        from postman_kit.collection_v3 import write_v3_collection

        written = write_v3_collection(
            result.collection.to_json(),
            out,
            environments=(result.environment, result.globals),
            protect=input_paths(source, *api.files),
        )
        return GenerateResult(build=result, files=written)
    files = {
        output_file(out, result.collection_filename): result.collection.to_json(),
        output_file(out, result.environment_filename): result.environment,
        output_file(out, result.globals_filename): result.globals,
    }
    written = write_json_files(files, input_paths(source, *api.files))
    return GenerateResult(build=result, files=written)
