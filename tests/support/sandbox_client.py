"""The sandbox in process (Starlette's TestClient): keys, request headers and the error document's shape."""

from __future__ import annotations

from postman_kit.sandbox.keys import keys_from_data

FULL_KEY = "pk_" + "0123456789abcdef" * 2 + "ab"
READ_ONLY_KEY = "pk_" + "fedcba9876543210" * 2 + "cd"
COMPANY_ID = "AbC123"
REVISION = "2026-07-15"
LOCAL = "http://127.0.0.1"  # the sandbox answers only Host names of its bound address, not TestClient's "testserver"


def key_ring():
    return keys_from_data(
        {
            "keys": {
                FULL_KEY: {"name": "ci"},
                READ_ONLY_KEY: {"name": "dashboard", "scopes": ["profiles:read", "lists:write"]},
            },
            "company_ids": {COMPANY_ID: {"name": "storefront"}},
        },
        "keys.yaml",
    )


def headers(key: str = FULL_KEY, **extra: str) -> dict[str, str]:
    return {
        "Authorization": f"Klaviyo-API-Key {key}",
        "revision": REVISION,
        "Content-Type": "application/vnd.api+json",
        **extra,
    }


def profile_body(email: str, **attributes: str) -> dict:
    return {"data": {"type": "profile", "attributes": {"email": email, **attributes}}}


def only_error(response) -> dict:
    assert response.headers["content-type"] == "application/vnd.api+json"
    errors = response.json()["errors"]
    assert len(errors) == 1 and errors[0]["status"] == response.status_code
    return errors[0]
