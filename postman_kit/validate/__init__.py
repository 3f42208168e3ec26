"""`postman-kit validate`: rules over (collection, spec) with one result model and many reporters.

from postman_kit.validate import validate
report = validate(["collections/acme.postman_collection.json"], spec="openapi.yaml")
report.exit_code  # 0 clean, 1 findings at or above fail_on
"""

from __future__ import annotations

from postman_kit.validate.config import ValidateConfig, load_config
from postman_kit.validate.engine import validate, validate_collection
from postman_kit.validate.model import Finding, Report, Rule, Severity

__all__ = [
    "Finding",
    "Report",
    "Rule",
    "Severity",
    "ValidateConfig",
    "load_config",
    "validate",
    "validate_collection",
]
