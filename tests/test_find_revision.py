from postman_kit.loader import LoadedDocument
from postman_kit.openapi import read_api
from postman_kit.profiles import KLAVIYO, find_revision


def _api(version, defaults):
    paths = {
        f"/api/things{i}": {
            "get": {
                "parameters": [
                    {
                        "name": "revision",
                        "in": "header",
                        "required": True,
                        "schema": {"type": "string", "default": default},
                    }
                ],
                "responses": {"200": {"description": "ok"}},
            }
        }
        for i, default in enumerate(defaults)
    }
    doc = {"openapi": "3.0.2", "info": {"title": "T", "version": version}, "paths": paths}
    return read_api(LoadedDocument(doc, "spec.json", None))


def test_the_revision_header_default_stamps_the_collection():
    assert find_revision(_api("1.0", ["2024-10-15", "2024-10-15"]), KLAVIYO) == "2024-10-15"


def test_disagreeing_defaults_prefer_info_version_then_the_latest():
    # Klaviyo's 2025-07-15.pre beta keeps 2025-04-15.pre defaults on operations that did not change.
    mixed = ["2025-04-15.pre", "2025-04-15.pre", "2025-07-15.pre"]
    assert find_revision(_api("2025-07-15.pre", mixed), KLAVIYO) == "2025-07-15.pre"
    assert find_revision(_api("beta", mixed), KLAVIYO) == "2025-07-15.pre"


def test_without_a_revision_header_info_version_is_used():
    assert find_revision(_api("3.2.1", []), KLAVIYO) == "3.2.1"
