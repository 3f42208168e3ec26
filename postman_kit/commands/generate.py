"""`postman-kit generate SPEC`."""

from __future__ import annotations

from pathlib import Path

import click

from postman_kit.cli import finish
from postman_kit.commands.refroots import ref_root_option
from postman_kit.generation import generate
from postman_kit.generation.build import FOLDER_MODES, BuildOptions
from postman_kit.generation.error_examples import parse_statuses
from postman_kit.secrets import redact
from postman_kit.terminal import printable
from postman_kit.writer import COLLECTION_FORMATS


@click.command("generate")
@click.argument("spec")
@click.option(
    "-o",
    "--out",
    "out_dir",
    default="collections",
    show_default=True,
    type=click.Path(),
    help="Directory for the collection, environment and globals files (created if need be).",
)
@click.option(
    "--revision", help="Revision to stamp (default: the revision header's default, else info.version)."
)
@click.option(
    "--channel",
    type=click.Choice(["stable", "beta"]),
    help="Name label (default: beta when the revision ends in .pre or is a pre-release version, such as 2.0.0-rc.1).",
)
@click.option("--base-url", help="baseUrl for the environment (default: the spec's first server).")
@click.option(
    "--folders",
    type=click.Choice(FOLDER_MODES),
    default="tags",
    show_default=True,
    help="Folder layout: by tag (and sub-tag), by first path segment, or none.",
)
@click.option(
    "--profile",
    type=click.Choice(["auto", "klaviyo", "generic"]),
    default="auto",
    show_default=True,
    help="API conventions to apply (auto detects Klaviyo specs).",
)
@click.option(
    "--key-variable",
    help="Variable holding the API key or token (Klaviyo: privateKey; default: named after the scheme).",
)
@click.option(
    "--public-key-variable", help="Variable holding the public key of client endpoints (companyId)."
)
@click.option(
    "--troubleshooting",
    "troubleshooting",
    default="all",
    show_default=True,
    help="Error examples to add to each request (comma-separated statuses, all or none): the spec's own "
    "documented errors, or Klaviyo's 401,403,404,405,409 set under its profile.",
)
@click.option(
    "--tests",
    is_flag=True,
    help="Add contract tests to each request: documented status, Content-Type, body against the schema.",
)
@click.option(
    "--format",
    "collection_format",
    type=click.Choice(COLLECTION_FORMATS),
    default="v2.1",
    show_default=True,
    help="v2.1: one collection JSON file. v3: Postman v12's git layout, "
    "OUT/postman/collections/<name>/ (one YAML file per request, folder and example) with the "
    "environment and globals as YAML in OUT/postman/environments/.",
)
@click.option(
    "--validate",
    "full_validation",
    is_flag=True,
    help="Also run the full OpenAPI validator (slow on large specs); its findings are warnings.",
)
@click.option("--strict", is_flag=True, help="Treat every warning as an error: exit 2 and write nothing.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@ref_root_option
def generate_command(
    spec: str,
    out_dir: str,
    revision: str | None,
    channel: str | None,
    base_url: str | None,
    folders: str,
    profile: str,
    key_variable: str | None,
    public_key_variable: str | None,
    troubleshooting: str,
    tests: bool,
    collection_format: str,
    full_validation: bool,
    strict: bool,
    quiet: bool,
) -> None:
    """Generate a revision-stamped Postman collection, environment and globals file from SPEC.

    SPEC is an OpenAPI 3.0/3.1 document (JSON or YAML): a path, an http(s) URL, or - for stdin.
    """
    options = BuildOptions(
        revision=revision,
        channel=channel,
        base_url=base_url,
        folders=folders,
        profile=profile,
        key_variable=key_variable,
        public_key_variable=public_key_variable,
        troubleshooting=troubleshooting_statuses(troubleshooting),
        tests=tests,
    )
    result = generate(
        spec, out_dir, options, validate=full_validation, strict=strict, collection_format=collection_format
    )
    finish(result)
    if quiet:
        return
    for warning in result.warnings:
        click.echo(f"warning: {printable(redact(warning))}", err=True)
    collection = result.build.collection
    requests = sum(1 for _ in collection.walk())
    folders_count = sum(1 for _ in collection.folders())
    click.echo(
        f"{printable(redact(collection.info.name))}: {requests} requests in {folders_count} folders"
        + (f", {len(result.warnings)} warning(s)" if result.warnings else "")
    )
    if collection_format == "v3":  # a file a request: the directory stands for them
        from postman_kit.collection_v3 import collection_directory_name

        environments = [path for path in result.files if path.parent.name == "environments"]
        collection_files = len(result.files) - len(environments)
        directory = (
            Path(out_dir) / "postman" / "collections" / collection_directory_name(collection.to_json())
        )
        click.echo(f"  wrote {printable(redact(str(directory)))}/ ({collection_files} files)")
        shown = environments
    else:
        shown = result.files
    for path in shown:
        click.echo(f"  wrote {printable(redact(str(path)))}")


def troubleshooting_statuses(text: str) -> tuple[int, ...] | None:
    try:
        return parse_statuses(text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--troubleshooting") from None


__all__ = ["generate_command"]
