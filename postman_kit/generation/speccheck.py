"""The full OpenAPI validator, on request only: it is slow on large specs and costly to import."""

from __future__ import annotations

from postman_kit.openapi import Api

MAX_REPORTED = 50


def full_validation_problems(api: Api) -> list[str]:
    """Every problem openapi-spec-validator finds, as one line each (capped)."""
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    validator_class = (
        OpenAPIV31SpecValidator if api.openapi_version.startswith("3.1") else OpenAPIV30SpecValidator
    )
    problems: list[str] = []
    errors = validator_class(api.document).iter_errors()
    while True:
        try:
            error = next(errors)
        except StopIteration:
            break
        except Exception as exc:  # noqa: BLE001 - the validator's own failure (a path `/user/{me` breaks its
            # path-template parser with a ValueError) is its finding, not a traceback
            problems.append(f"spec validation: the validator stopped: {exc}".splitlines()[0])
            break
        where = "/".join(str(p) for p in getattr(error, "absolute_path", []) or [])
        message = str(getattr(error, "message", error)).splitlines()[0]
        if len(message) > 200:
            message = message[:197] + "..."
        problems.append(f"spec validation: {message}" + (f" (at /{where})" if where else ""))
        if len(problems) >= MAX_REPORTED:
            problems.append("spec validation: more problems not shown")
            break
    return problems
