"""`postman-kit snippet`: resolution, secrets, quoting and the command line (no network; see
test_snippet_run.py for the snippets run against a server and compared with newman)."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from postman_kit.collection import Collection
from postman_kit.errors import InputError
from postman_kit.generation import build_collection_from_spec
from postman_kit.snippets import LANGUAGES, render_snippet, resolve_item
from postman_kit.snippets.code import string_literal
from postman_kit.snippets.request import EnvironmentValue, env_name
from postman_kit.snippets.shell import word
from tests.tools import EXAMPLE_SPEC

PRIVATE_KEY = "pk_0123456789abcdef0123456789abcdef01"
TRICKY = 'it\'s "quoted" $HOME `id` $(id) ; & | \\ * ? ! # % ~ é 日本 🚀\nnext line\ttab'


def _environment(**extra: str) -> dict[str, Any]:
    values = [
        {"key": "baseUrl", "value": "https://api.test", "enabled": True},
        {"key": "privateKey", "value": PRIVATE_KEY, "type": "secret", "enabled": True},
    ]
    values += [{"key": k, "value": v, "enabled": True} for k, v in extra.items()]
    return {"values": values}


GLOBALS = {"values": [{"key": "companyId", "value": "AbC123", "enabled": True}]}


def _request(name: str, url: str, **request: Any) -> dict[str, Any]:
    path, _, query = url.partition("?")
    host, *segments = path.split("/")
    url_json: dict[str, Any] = {"raw": url, "host": [host], "path": segments}
    if query:
        url_json["query"] = [
            dict(zip(("key", "value"), pair.split("=", 1), strict=False)) for pair in query.split("&")
        ]
    return {"name": name, "request": {"method": "GET", "header": [], "url": url_json, **request}}


def _collection(*items: dict[str, Any], auth: dict[str, Any] | None = None, **variables: str) -> Collection:
    data: dict[str, Any] = {
        "info": {"name": "Test"},
        "item": list(items),
        "variable": [{"key": k, "value": v} for k, v in variables.items()],
    }
    if auth is not None:
        data["auth"] = auth
    return Collection.from_json(data)


KLAVIYO_AUTH = {
    "type": "apikey",
    "apikey": [
        {"key": "key", "value": "Authorization"},
        {"key": "value", "value": "Klaviyo-API-Key {{privateKey}}"},
        {"key": "in", "value": "header"},
    ],
}


@pytest.fixture(scope="module")
def example() -> Collection:
    return build_collection_from_spec(str(EXAMPLE_SPEC)).collection


def _first_line(text: str) -> str:
    """The snippet's opening comment (PHP's comes after `<?php`)."""
    return text.removeprefix("<?php\n").splitlines()[0]


# -- secrets ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_no_language_ever_contains_the_private_key(example, language) -> None:
    for located_path in ("Profiles/Profiles/Get Profiles", "Lists/Update List", "Client/Create Client Event"):
        text = render_snippet(example, located_path, language, environment=_environment(), globals_=GLOBALS)
        assert PRIVATE_KEY not in text


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_first_line_says_which_variable_to_set(example, language) -> None:
    text = render_snippet(example, "Lists/Get Lists", language, environment=_environment(), globals_=GLOBALS)
    first = _first_line(text)
    assert first.startswith(("#", "//"))
    assert "Set KLAVIYO_PRIVATE_KEY" in first and "the Postman variable privateKey" in first
    assert "{{" not in text


@pytest.mark.parametrize(
    ("language", "lookup"),
    [
        ("curl", '"${KLAVIYO_PRIVATE_KEY:?'),
        ("httpie", '"${KLAVIYO_PRIVATE_KEY:?'),
        ("python", 'os.environ["KLAVIYO_PRIVATE_KEY"]'),
        ("javascript", "process.env.KLAVIYO_PRIVATE_KEY"),
        ("go", 'os.Getenv("KLAVIYO_PRIVATE_KEY")'),
    ],
)
def test_the_key_is_read_from_the_environment(example, language, lookup) -> None:
    text = render_snippet(example, "Lists/Get Lists", language, environment=_environment(), globals_=GLOBALS)
    assert lookup in text


def test_client_endpoints_inline_the_public_key_and_need_no_secret(example) -> None:
    text = render_snippet(
        example, "Client/Create Client Event", "curl", environment=_environment(), globals_=GLOBALS
    )
    assert "company_id=AbC123" in text
    assert "Authorization" not in text
    assert text.startswith("# No environment variable needed")


def test_key_env_overrides_the_variable_name(example) -> None:
    text = render_snippet(
        example, "Lists/Get Lists", "python", environment=_environment(), key_env="ACME_KEY"
    )
    assert 'os.environ["ACME_KEY"]' in text and "KLAVIYO_PRIVATE_KEY" not in text


def test_generic_key_variables_give_their_own_environment_name() -> None:
    auth = {
        "type": "apikey",
        "apikey": [{"key": "key", "value": "X-Api-Key"}, {"key": "value", "value": "{{apiKey}}"}],
    }
    collection = _collection(_request("Ping", "{{baseUrl}}/ping"), auth=auth, baseUrl="https://api.test")
    request = resolve_item(collection, "Ping", environment={"values": [{"key": "apiKey", "value": "k" * 30}]})
    assert [(h.name, h.value) for h in request.headers if h.name == "X-Api-Key"] == [
        ("X-Api-Key", (EnvironmentValue("API_KEY", "apiKey"),))
    ]
    assert [env_name(n) for n in ("privateKey", "api-key", "clientSecret", "2fa")] == [
        "PRIVATE_KEY",
        "API_KEY",
        "CLIENT_SECRET",
        "_2FA",
    ]


def test_any_environment_secret_is_read_from_the_environment() -> None:
    item = _request(
        "Hook", "{{baseUrl}}/hooks", header=[{"key": "X-Signature", "value": "sha={{webhookSecret}}"}]
    )
    environment = {"values": [{"key": "webhookSecret", "value": "s3cr3t-value-here", "type": "secret"}]}
    text = render_snippet(
        _collection(item, baseUrl="https://api.test"), "Hook", "curl", environment=environment
    )
    assert "s3cr3t-value-here" not in text
    assert "'X-Signature: sha='\"${WEBHOOK_SECRET:?" in text
    assert text.startswith("# Set WEBHOOK_SECRET (the Postman variable webhookSecret)")


def test_a_private_key_typed_into_a_header_is_not_printed() -> None:
    item = _request(
        "Raw",
        "https://api.test/x",
        header=[{"key": "Authorization", "value": f"Klaviyo-API-Key {PRIVATE_KEY}"}],
    )
    text = render_snippet(_collection(item), "Raw", "javascript", key_env="KLAVIYO_PRIVATE_KEY")
    assert PRIVATE_KEY not in text
    assert '"Klaviyo-API-Key " + process.env.KLAVIYO_PRIVATE_KEY' in text


# -- resolution -------------------------------------------------------------------------------------------------
def test_disabled_parameters_and_headers_are_left_out_and_path_variables_filled(example) -> None:
    request = resolve_item(example, "Profiles/Profiles/Get Profile", environment=_environment())
    url = "".join(p for p in request.url if isinstance(p, str))
    assert url.startswith("https://api.test/api/profiles/")  # the environment's baseUrl, not the collection's
    assert "?" not in url  # every optional query parameter is disabled in a generated collection
    assert ":id" not in url
    names = [h.name for h in request.headers]
    assert names == ["Accept", "revision", "Authorization"]


def test_auth_is_inherited_from_the_nearest_folder_and_noauth_stops_it() -> None:
    folder = {
        "name": "Folder",
        "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}"}]},
        "item": [
            _request("Inner", "https://api.test/a"),
            _request("Open", "https://api.test/b", auth={"type": "noauth"}),
        ],
    }
    collection = _collection(folder, auth=KLAVIYO_AUTH)
    environment = {"values": [{"key": "token", "value": "t" * 30, "type": "secret"}]}
    inner = resolve_item(collection, "Folder/Inner", environment=environment)
    assert [(h.name, h.value) for h in inner.headers if h.name == "Authorization"] == [
        ("Authorization", ("Bearer ", EnvironmentValue("TOKEN", "token")))
    ]
    open_request = resolve_item(collection, "Open", environment=environment)
    assert not any(h.name == "Authorization" for h in open_request.headers)


BASIC_AUTH = {
    "type": "basic",
    "basic": [{"key": "username", "value": "{{username}}"}, {"key": "password", "value": "{{password}}"}],
}
BASIC_ENVIRONMENT = {
    "values": [
        {"key": "username", "value": "ann"},
        {"key": "password", "value": "correct horse battery", "type": "secret"},
    ]
}


def test_basic_auth_replaces_the_authorization_header_and_keeps_the_password_out() -> None:
    item = _request("B", "https://api.test/b", header=[{"key": "Authorization", "value": "Bearer stale"}])
    request = resolve_item(_collection(item, auth=BASIC_AUTH), "B", environment=BASIC_ENVIRONMENT)
    assert not any(h.name == "Authorization" for h in request.headers)
    assert request.basic_auth is not None
    assert request.basic_auth.username == ("ann",)
    assert request.basic_auth.password == (EnvironmentValue("PASSWORD", "password"),)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("curl", '--user ann:"${PASSWORD:?'),
        ("httpie", '--auth ann:"${PASSWORD:?'),
        ("python", 'base64.b64encode(("ann:" + os.environ["PASSWORD"]).encode("utf-8"))'),
        ("javascript", 'Buffer.from("ann:" + process.env.PASSWORD, "utf8").toString("base64")'),
        ("go", 'req.SetBasicAuth("ann", os.Getenv("PASSWORD"))'),
    ],
)
def test_basic_auth_in_every_language(language, expected) -> None:
    item = _request("B", "https://api.test/b")
    text = render_snippet(_collection(item, auth=BASIC_AUTH), "B", language, environment=BASIC_ENVIRONMENT)
    assert expected in text
    assert "correct horse battery" not in text


def test_apikey_in_query_replaces_a_parameter_of_the_same_name() -> None:
    auth = {
        "type": "apikey",
        "apikey": [
            {"key": "key", "value": "api_key"},
            {"key": "value", "value": "{{apiKey}}"},
            {"key": "in", "value": "query"},
        ],
    }
    collection = _collection(_request("Q", "https://api.test/q?api_key=old&x=1"), auth=auth)
    request = resolve_item(collection, "Q", environment={"values": [{"key": "apiKey", "value": "secret-k"}]})
    assert request.url == ("https://api.test/q?x=1&api_key=", EnvironmentValue("API_KEY", "apiKey"))


def test_raw_body_gets_postmans_content_type_and_is_kept_exactly() -> None:
    body = {"mode": "raw", "raw": '{\n  "a": "{{value}}"\n}', "options": {"raw": {"language": "json"}}}
    item = _request("Post", "https://api.test/p", method="POST", body=body)
    request = resolve_item(_collection(item, value=TRICKY), "Post")
    assert ("Content-Type", ("application/json",)) in [(h.name, h.value) for h in request.headers]
    assert request.body == ('{\n  "a": "' + TRICKY + '"\n}',)


def test_urlencoded_bodies_are_encoded_like_a_form() -> None:
    body = {
        "mode": "urlencoded",
        "urlencoded": [{"key": "a b", "value": "1&2=3 é"}, {"key": "off", "value": "x", "disabled": True}],
    }
    request = resolve_item(
        _collection(_request("Form", "https://api.test/f", method="POST", body=body)), "Form"
    )
    assert request.body == ("a%20b=1%262%3D3%20%C3%A9",)
    assert ("Content-Type", ("application/x-www-form-urlencoded",)) in [
        (h.name, h.value) for h in request.headers
    ]


def test_urls_are_encoded_as_postman_sends_them() -> None:
    item = _request("U", "https://api.test/a/:id?filter=equals(name,'x y')&n=日&p=100%&q=%41")
    item["request"]["url"]["variable"] = [{"key": "id", "value": "a b"}]
    request = resolve_item(_collection(item), "U")
    assert request.url == (
        "https://api.test/a/a%20b?filter=equals(name,%27x%20y%27)&n=%E6%97%A5&p=100%25&q=%41",
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "{{baseUrl}}/w?x={{nope}}",
            r"W: variable \{\{nope}} is not defined in the collection, environment or globals",
        ),
        ("{{baseUrl}}/w?x={{loop}}", r"variable \{\{loop}} refers to itself \(loop → loop\)"),
    ],
)
def test_variables_that_cannot_be_resolved_are_refused(url, message) -> None:
    collection = _collection(_request("W", url), baseUrl="https://api.test", loop="{{loop}}{{loop}}")
    with pytest.raises(InputError, match=message):
        resolve_item(collection, "W")


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_key_variable_is_read_from_the_environment_when_no_file_defines_it(example, language) -> None:
    text = render_snippet(example, "Lists/Get Lists", language)
    assert "{{" not in text
    assert "KLAVIYO_PRIVATE_KEY" in _first_line(text) and _first_line(text).count("Set ") == 1


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_a_secret_variable_without_a_value_is_still_read_from_the_environment(language) -> None:
    item = _request("S", "{{baseUrl}}/s", header=[{"key": "X-Token", "value": "{{token}}"}])
    collection = Collection.from_json(
        {
            **_collection(item, baseUrl="https://api.test").to_json(),
            "variable": [
                {"key": "baseUrl", "value": "https://api.test"},
                {"key": "token", "value": "", "type": "secret"},
            ],
        }
    )
    text = render_snippet(collection, "S", language)
    assert "TOKEN" in _first_line(text) and "{{" not in text


@pytest.mark.parametrize(
    ("request_json", "message"),
    [
        ({"auth": {"type": "digest", "digest": []}}, "digest auth is not supported"),
        (
            {"method": "POST", "body": {"mode": "graphql", "graphql": {"query": "{ a }"}}},
            "graphql bodies are not supported",
        ),
    ],
)
def test_what_snippets_cannot_express_is_refused(request_json, message) -> None:
    with pytest.raises(InputError, match=message):
        resolve_item(_collection(_request("X", "https://api.test/x", **request_json)), "X")


def test_multipart_forms_keep_text_and_files_and_drop_the_boundaryless_content_type() -> None:
    body = {
        "mode": "formdata",
        "formdata": [
            {"key": "name", "value": "{{title}}", "type": "text"},
            {"key": "off", "value": "x", "type": "text", "disabled": True},
            {"key": "file", "src": "/data/logo.png", "type": "file"},
            {"key": "empty", "src": "", "type": "file"},
        ],
    }
    item = _request(
        "Up",
        "https://api.test/up",
        method="POST",
        body=body,
        header=[{"key": "Content-Type", "value": "multipart/form-data"}],
    )
    collection = _collection(item, title="Q3 'sale'")
    request = resolve_item(collection, "Up")
    assert [(f.name, f.value, f.file) for f in request.form or []] == [
        ("name", ("Q3 'sale'",), None),
        ("file", (), "/data/logo.png"),
    ]
    assert request.form[1].filename == "logo.png"
    assert request.body is None
    assert not any(h.name == "Content-Type" for h in request.headers)
    assert request.warnings == ["form field 'empty' names no file; left out"]
    lines = [line.strip(" \\") for line in render_snippet(collection, "Up", "curl").splitlines()]
    assert "--form-string 'name=Q3 '\\''sale'\\'''" in lines
    assert "--form 'file=@\"/data/logo.png\";type=image/png'" in lines


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        # where a language can type a part, the part's own Content-Type is in the code (each runs in
        # test_snippet_run where its runtime is installed; these are the ones that are not, here)
        ("go", 'head1.Set("Content-Type", "application/json")'),
        ("rust-reqwest", 'Part::text("{\\"country\\":\\"GBR\\"}").mime_str("application/json")?'),
        ("csharp-httpclient", 'ContentType = MediaTypeHeaderValue.Parse("application/json")'),
        ("curl", """--form 'location="{\\"country\\":\\"GBR\\"}";type=application/json'"""),
        # where it cannot, the snippet leaves the type out and says so
        ("ruby", None),
        ("php-curl", None),
        ("powershell", None),
        ("httpie", None),
        ("javascript", None),
        ("nodejs-axios", None),
    ],
)
def test_a_part_of_its_own_content_type_keeps_it_or_the_snippet_says_it_cannot(
    language: str, typed: str | None
) -> None:
    """generate writes `contentType: application/json` on an object part of a multipart body (OpenAPI's default);
    Postman sends that type, so a snippet does too, or warns."""
    body = {
        "mode": "formdata",
        "formdata": [
            {"key": "name", "value": "x", "type": "text"},
            {
                "key": "location",
                "value": '{"country":"GBR"}',
                "type": "text",
                "contentType": "application/json",
            },
            {"key": "logo", "src": "/data/logo.png", "type": "file", "contentType": "image/png"},
        ],
    }
    collection = _collection(_request("Up", "https://api.test/up", method="POST", body=body))
    request = resolve_item(collection, "Up")
    assert [part.content_type for part in request.form or []] == [None, "application/json", "image/png"]
    text = LANGUAGES[language](request)
    warned = [w for w in request.warnings if "'location' is sent without its content type" in w]
    if typed is not None:
        assert typed in text and not warned
    else:
        assert len(warned) == 1
    # every language but PowerShell's -Form types a file part
    assert "image/png" in text or any(
        "'logo' is sent without its content type" in w for w in request.warnings
    )


# -- quoting ----------------------------------------------------------------------------------------------------
@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
def test_shell_words_expand_to_the_exact_text() -> None:
    for text in (TRICKY, "'", "", "plain", "a'b'c", "--flag"):
        result = subprocess.run(["sh", "-c", "printf %s " + word((text,))], capture_output=True, check=True)
        assert result.stdout.decode() == text


def test_string_literals_read_back_exactly_in_python() -> None:
    for text in (TRICKY, "\x00\x1b\x7f", '"\\', "\ufeffbom"):
        assert ast.literal_eval(string_literal(text)) == text


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
def test_string_literals_read_back_exactly_in_javascript() -> None:
    literal = string_literal(TRICKY)
    result = subprocess.run(
        ["node", "-e", f"process.stdout.write(JSON.stringify({literal}))"], capture_output=True, check=True
    )
    assert json.loads(result.stdout) == TRICKY


def test_httpie_escapes_its_separators_in_header_values() -> None:
    item = _request("H", "https://api.test/h", header=[{"key": "X-Odd", "value": "a=b:c@d;e"}])
    text = render_snippet(_collection(item), "H", "httpie")
    assert "'X-Odd:a\\=b\\:c\\@d\\;e'" in text


# -- command line ------------------------------------------------------------------------------------------------
@pytest.fixture
def files(tmp_path: Path, example: Collection) -> dict[str, Path]:
    paths = {"collection": tmp_path / "c.json", "env": tmp_path / "env.json", "globals": tmp_path / "g.json"}
    paths["collection"].write_text(json.dumps(example.to_json()))
    paths["env"].write_text(json.dumps(_environment()))
    paths["globals"].write_text(json.dumps(GLOBALS))
    return paths


def test_cli_prints_the_snippet(run_cli, files) -> None:
    result = run_cli(
        "snippet",
        files["collection"],
        "Get Lists",
        "--lang",
        "python",
        "-e",
        files["env"],
        "-g",
        files["globals"],
    )
    assert result.exit_code == 0
    assert 'requests.request("GET", url, headers=headers, timeout=30)' in result.stdout
    assert PRIVATE_KEY not in result.stdout
    compile(result.stdout, "snippet.py", "exec")


def test_cli_lists_item_paths(run_cli, files) -> None:
    result = run_cli("snippet", files["collection"], "--list")
    assert result.exit_code == 0
    assert "Profiles/Relationships/Get List IDs for Profile" in result.stdout.splitlines()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["Get Profil"],
            "no request 'Get Profil' in the collection; did you mean 'Profiles/Profiles/Get Profile'",
        ),
        (
            ["Get Profiles", "--key-env", "BAD-NAME"],
            "--key-env 'BAD-NAME' is not an environment variable name",
        ),
        ([], "give the ITEM to print"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(run_cli, files, args, message) -> None:
    result = run_cli("snippet", files["collection"], *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert result.stderr.startswith("postman-kit: error: ")


def test_cli_ambiguous_names_list_the_candidates(run_cli, tmp_path) -> None:
    collection = _collection(
        {"name": "A", "item": [_request("Same", "https://x/a")]},
        {"name": "B", "item": [_request("Same", "https://x/b")]},
    )
    path = tmp_path / "c.json"
    path.write_text(json.dumps(collection.to_json()))
    result = run_cli("snippet", path, "Same")
    assert result.exit_code == 2
    assert "2 requests are named 'Same'; give the item path: 'A/Same', 'B/Same'" in result.stderr


def test_cli_rejects_a_file_that_is_not_a_collection(run_cli, tmp_path) -> None:
    path = tmp_path / "env.json"
    path.write_text(json.dumps({"values": []}))
    result = run_cli("snippet", path, "x")
    assert result.exit_code == 2
    assert f"{path}: this is an environment file, not a collection" in result.stderr


def test_cli_names_the_collection_when_a_request_cannot_be_written(run_cli, tmp_path) -> None:
    path = tmp_path / "c.json"
    item = _request("Digest", "https://api.test/d", auth={"type": "digest", "digest": []})
    path.write_text(json.dumps(_collection(item).to_json()))
    result = run_cli("snippet", path, "Digest")
    assert result.exit_code == 2
    assert (
        result.stderr == f"postman-kit: error: {path}: Digest: digest auth is not supported by snippet "
        "(supported: apikey, bearer, basic, noauth)\n"
    )


def test_cli_warns_about_empty_variables(run_cli, files, tmp_path) -> None:
    empty_globals = tmp_path / "empty.json"
    empty_globals.write_text(json.dumps({"values": [{"key": "companyId", "value": ""}]}))
    result = run_cli("snippet", files["collection"], "Create Client Event", "-g", empty_globals)
    assert result.exit_code == 0
    assert "warning: Client/Create Client Event: {{companyId}} is empty in the globals" in result.stderr


def test_cli_a_self_referencing_variable_is_one_line_in_bounded_time(run_cli, tmp_path) -> None:
    path = tmp_path / "c.json"
    path.write_text(
        json.dumps(_collection(_request("Loop", "https://api.test/{{a}}"), a="{{a}}{{a}}").to_json())
    )
    started = time.monotonic()
    result = run_cli("snippet", path, "Loop")
    assert time.monotonic() - started < 2
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"postman-kit: error: {path}: variable {{{{a}}}} refers to itself (a → a); it can never be resolved\n"
    )


def test_cli_an_undefined_variable_is_one_line_naming_it(run_cli, tmp_path) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps(_collection(_request("U", "https://api.test/u?x={{nope}}")).to_json()))
    result = run_cli("snippet", path, "U", "--lang", "java")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "variable {{nope}} is not defined" in result.stderr


def test_cli_accepts_postmans_generator_names(run_cli, files) -> None:
    ours = run_cli("snippet", files["collection"], "Get Lists", "--lang", "python")
    postmans = run_cli("snippet", files["collection"], "Get Lists", "--lang", "python-requests")
    assert postmans.exit_code == 0 and postmans.stdout == ours.stdout


# -- collections exported from the Postman app and committed to public repositories --------------------------------
def test_requests_sharing_a_path_are_picked_by_method_and_listed_so(tmp_path, run_cli) -> None:
    """PlayingWithAuthentication's three `2FA-Setup` requests (GET, DELETE, POST) in one folder: the snippet
    silently gave the GET, and the POST and DELETE could not be picked."""
    items = [
        {
            **_request("2FA-Setup", "https://api.test/setup"),
            "request": {"method": method, "header": [], "url": "https://api.test/setup"},
        }
        for method in ("GET", "DELETE", "POST")
    ]
    data = {"info": {"name": "T"}, "item": [{"name": "Auth", "item": items}]}
    path = tmp_path / "c.postman_collection.json"
    path.write_text(json.dumps(data))
    listed = run_cli("snippet", path, "--list").stdout.splitlines()
    assert listed == ["GET Auth/2FA-Setup", "DELETE Auth/2FA-Setup", "POST Auth/2FA-Setup"]
    ambiguous = run_cli("snippet", path, "Auth/2FA-Setup")
    assert ambiguous.exit_code == 2 and "3 requests have the path 'Auth/2FA-Setup'" in ambiguous.stderr
    post = run_cli("snippet", path, "POST Auth/2FA-Setup")
    assert post.exit_code == 0 and "--request POST" in post.stdout


def test_a_name_ending_in_a_space_is_picked_as_listed() -> None:
    """A Twilio collection's `Create Verification ` (a trailing space): the path `--list` prints failed."""
    collection = _collection(_request("Create Verification ", "https://api.test/v"))
    assert resolve_item(collection, "Create Verification ").method == "GET"


def test_a_hand_written_authorization_header_reads_its_token_from_the_environment() -> None:
    """PayPal's collections send `Authorization: Bearer {{access_token}}` by hand: the token's value was
    printed (truncated to garbage by the redaction), and the first line said no secret was needed."""
    collection = _collection(
        _request(
            "Delete token",
            "https://api.test/t",
            header=[{"key": "Authorization", "value": "Bearer {{access_token}}"}],
        )
    )
    environment = {"values": [{"key": "access_token", "value": "A21AA" + "x" * 40, "enabled": True}]}
    text = render_snippet(collection, "Delete token", environment=environment)
    assert "A21AA" not in text and "${ACCESS_TOKEN:?" in text
    assert "ACCESS_TOKEN" in _first_line(text)


def test_a_file_field_with_no_file_chosen_is_named_in_a_warning() -> None:
    """Contentstack's asset upload exports its file field as `src: []`: it was dropped without a word."""
    body = {
        "mode": "formdata",
        "formdata": [
            {"key": "asset[upload]", "type": "file", "src": []},
            {"key": "title", "value": "x", "type": "text"},
        ],
    }
    collection = _collection(_request("Upload", "https://api.test/a", method="POST", body=body))
    resolved = resolve_item(collection, "Upload")
    assert "form field 'asset[upload]' names no file; left out" in resolved.warnings


def test_a_dynamic_variable_kept_as_typed_is_named_in_a_warning() -> None:
    """PayPal's `PayPal-Request-Id: {{$guid}}`: kept as Postman's code panel keeps it, and now said."""
    collection = _collection(
        _request("Capture", "https://api.test/c", header=[{"key": "PayPal-Request-Id", "value": "{{$guid}}"}])
    )
    resolved = resolve_item(collection, "Capture")
    assert any("{{$guid}} is a Postman dynamic variable" in w for w in resolved.warnings)


def test_a_get_body_is_sent_only_where_the_item_turns_body_pruning_off() -> None:
    """Postman and newman leave out a GET's body unless the item's protocolProfileBehavior says
    `disableBodyPruning` (generate says so where the spec gives a GET a body); the snippet sends what they send."""
    body = {"mode": "raw", "raw": '{"q": 1}', "options": {"raw": {"language": "json"}}}
    plain = _request("Search", "https://api.test/s", body=body)
    unpruned = {
        **_request("Search all", "https://api.test/s", body=body),
        "protocolProfileBehavior": {"disableBodyPruning": True},
    }
    collection = _collection(plain, unpruned)
    left_out = resolve_item(collection, "Search")
    assert left_out.body is None and any("body left out" in w for w in left_out.warnings)
    assert "--data-raw" in render_snippet(collection, "Search all")


@pytest.mark.parametrize("language", ["curl", "python", "javascript-fetch", "go"])
def test_a_name_holding_a_line_break_never_leaves_the_snippets_comment(
    run_cli, tmp_path: Path, language: str
) -> None:
    """A folder named `Things\\necho … > pwned.txt\\n#` broke out of the `# GET path` comment: running the curl
    snippet, asked for by the request's name alone, ran the command the collection chose."""
    marker = tmp_path / "pwned.txt"
    collection = {
        "info": {
            "name": "C",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": [
            {
                "name": f"Things\necho ran > {marker}\n#\u2028x",
                "item": [
                    {
                        "name": "Get thing",
                        "request": {"method": "GET", "url": "https://api.example.invalid/things"},
                    }
                ],
            }
        ],
    }
    path = tmp_path / "c.json"
    path.write_text(json.dumps(collection))
    result = run_cli("snippet", path, "Get thing", "-l", language)
    assert result.exit_code == 0, result.output
    comment = [line for line in result.stdout.splitlines() if "echo ran" in line]
    assert len(comment) == 1 and "\\necho ran" in comment[0] and "\\u2028" in comment[0]
    if language == "curl":
        subprocess.run(["sh", "-c", result.stdout.split("curl ", 1)[0]], check=True, timeout=10)
        assert not marker.exists()


@pytest.mark.parametrize("language", ["php-curl", "java"])
def test_a_name_that_ends_a_php_or_java_comment_stays_in_it(run_cli, tmp_path: Path, language: str) -> None:
    """PHP ends a `//` comment at `?>`, and javac reads `\\u000a` as a line break before it reads comments: a
    request named `Get ?><?php file_put_contents(…) ?>` (or `Get \\u000a import …; /*` with the rest in its
    body and an `Accept: */ //` header) ran the collection's code when the user ran the snippet. Run here with
    PHP and Java where the machine has them."""
    marker = tmp_path / "PWNED"
    names = {
        "php-curl": f'Get items ?><?php file_put_contents("{marker}", "ran"); ?>',
        "java": "Get \\u000a import java.net.*; import java.net.http.*; /*",
    }
    body = (
        f'*/ class Snippet {{ public static void main(String[] a) throws Exception {{ new java.io.File("{marker}")'
        ".createNewFile(); } } /*"
    )
    request = {
        "method": "POST",
        "header": [{"key": "Accept", "value": "*/ //"}],
        "body": {"mode": "raw", "raw": body},
        "url": "https://api.example.invalid/things",
    }
    collection = {
        "info": {
            "name": "C",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": [{"name": names[language], "request": request}],
    }
    path = tmp_path / "c.json"
    path.write_text(json.dumps(collection))
    result = run_cli("snippet", path, names[language], "-l", language)
    assert result.exit_code == 0, result.output
    [comment] = [
        line for line in result.stdout.splitlines() if "Get" in line and "from postman-kit snippet" in line
    ]
    assert "?>" not in comment and "\\u000a" not in comment.replace("\\\\", "")
    if language == "php-curl" and shutil.which("php"):
        (tmp_path / "s.php").write_text(result.stdout)
        subprocess.run(["php", "-l", str(tmp_path / "s.php")], capture_output=True, timeout=60)
        subprocess.run(["php", str(tmp_path / "s.php")], capture_output=True, timeout=60)
    if language == "java" and shutil.which("javac"):
        (tmp_path / "Snippet.java").write_text(result.stdout)
        compiled = subprocess.run(["javac", "Snippet.java"], cwd=tmp_path, capture_output=True, timeout=120)
        if compiled.returncode == 0:
            subprocess.run(["java", "Snippet"], cwd=tmp_path, capture_output=True, timeout=60)
    assert not marker.exists()


def test_credentials_typed_into_an_auth_or_a_credential_variable_are_read_from_the_environment(
    run_cli, tmp_path: Path
) -> None:
    """A Basic password typed into the auth was printed as `--user admin:…` under "this request carries no
    secret"; a collection variable `apiKey` holding a key was written into the header in full."""
    v21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
    password, key = "hunter2SuperSecretPw", "AbCdEf0123456789GhIjKlMnOpQr"
    basic = {
        "type": "basic",
        "basic": [{"key": "username", "value": "admin"}, {"key": "password", "value": password}],
    }
    collection = {
        "info": {"name": "C", "schema": v21},
        "variable": [{"key": "apiKey", "value": key}],
        "item": [
            {
                "name": "basic",
                "request": {"method": "GET", "auth": basic, "url": "https://api.example.com/things"},
            },
            {
                "name": "keyed",
                "request": {
                    "method": "GET",
                    "header": [{"key": "X-Api-Key", "value": "{{apiKey}}"}],
                    "url": "https://api.example.com/things",
                },
            },
        ],
    }
    path = tmp_path / "c.json"
    path.write_text(json.dumps(collection))
    for item, env in (("basic", "PRIVATE_KEY"), ("keyed", "API_KEY")):
        result = run_cli("snippet", path, item)
        assert result.exit_code == 0, result.output
        assert password not in result.stdout and key not in result.stdout
        assert f"${{{env}:?set {env}}}" in result.stdout and "carries no secret" not in result.stdout


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_credentials_typed_into_a_body_are_read_from_the_environment_never_sent_truncated(language) -> None:
    """A `client_secret` form field, a `"refresh_token"` and a `ghp_…` token in a JSON body: printed, the
    snippet would show each truncated (`…g0Ff`) and send that; it reads each from a variable of its own."""
    secret, refresh = "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Ff", "rt_4f8a2c9e7b1d3f5a6c8e0b2d4f6a8c0e"
    github = "ghp_" + "a1b2c3d4e5" * 3 + "f6a7b8c9d0"
    form = _request(
        "form",
        "https://auth.test/token",
        method="POST",
        body={"mode": "urlencoded", "urlencoded": [{"key": "grant_type", "value": "client_credentials"},
                                                   {"key": "client_secret", "value": secret}]},
    )  # fmt: skip
    raw = json.dumps({"refresh_token": refresh, "revoke": [github], "again": refresh})
    body = _request("json", "https://auth.test/token", method="POST", body={"mode": "raw", "raw": raw})
    collection = _collection(form, body)
    text = render_snippet(collection, "form", language)
    assert secret not in text and "…" not in text and "CLIENT_SECRET" in text
    assert "carries no secret" not in text
    resolved = resolve_item(collection, "json")
    assert [s.name for s in resolved.secrets] == ["REFRESH_TOKEN", "TOKEN"]  # one variable per credential
    text = render_snippet(collection, "json", language)
    assert refresh not in text and github not in text and "…" not in text
    assert any("literal credential (refresh_token)" in w for w in resolved.warnings)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_a_credential_in_an_xml_body_s_element_is_read_from_the_environment(language) -> None:
    """A SOAP-style body's `<api_key>` was printed in full under "this request carries no secret"."""
    key = "a9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    raw = f'<?xml version="1.0"?><auth><ns:api_key xmlns:ns="urn:x">{key}</ns:api_key><n>1</n></auth>'
    body = _request(
        "xml",
        "https://auth.test/soap",
        method="POST",
        header=[{"key": "Content-Type", "value": "application/xml"}],
        body={"mode": "raw", "raw": raw},
    )
    text = render_snippet(_collection(body), "xml", language)
    assert key not in text and "…" not in text and "API_KEY" in text
    assert "carries no secret" not in text and "<n>1</n>" in text


@pytest.mark.parametrize("language", sorted(set(LANGUAGES) - {"wget"}))  # wget sends no multipart form
def test_a_credential_typed_into_a_multipart_field_is_read_from_the_environment(language) -> None:
    """A `client_secret` form-data field was printed in full by 13 languages (and truncated by curl and httpie,
    which then sent `…2543`), under "this request carries no secret"."""
    secret = "8f14e45fceea167a5a36dedd4bea2543"
    fields = [{"key": "grant_type", "value": "client_credentials"}, {"key": "client_secret", "value": secret}]
    item = _request(
        "token", "https://auth.test/token", method="POST", body={"mode": "formdata", "formdata": fields}
    )
    text = render_snippet(_collection(item), "token", language)
    assert secret not in text and "…2543" not in text and "CLIENT_SECRET" in text
    assert "carries no secret" not in text


def _one_request_collection(tmp_path: Path, request: dict) -> Path:
    collection = {
        "info": {
            "name": "C",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": [{"name": "a", "request": request}],
    }
    path = tmp_path / "c.json"
    path.write_text(json.dumps(collection))
    return path


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_a_method_that_is_no_plain_token_is_refused_in_one_line(
    run_cli, tmp_path: Path, language: str
) -> None:
    """The method went into code as written, upper-cased: `GET" + 𝐞𝐱𝐞𝐜("\\151…") + "` (letters upper-casing
    leaves alone, octal escapes of digits) ran the collection's code in the curl, wget, httpie, Python and
    JavaScript snippets."""
    method = 'GET" + 𝐬𝐭𝐫(𝐞𝐱𝐞𝐜("\\151\\155\\160"))[0:0] + "'
    path = _one_request_collection(tmp_path, {"method": method, "url": "https://api.example.invalid/x"})
    result = run_cli("snippet", path, "a", "-l", language)
    assert result.exit_code == 2 and "is not one a snippet writes" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and result.stdout == ""


def test_a_credential_is_truncated_in_its_literal_before_escaping_and_never_across_the_code(
    run_cli, tmp_path: Path
) -> None:
    """The finished snippet was searched for credentials and truncated: a body `<token>AAAA\\tBBB"…` lost the
    backslash escaping its quote, and the JavaScript string closed early, running what followed. Literals are
    truncated before a language escapes them; what still reads as one across the code's syntax is refused."""
    body = '<token>AAAA\tBBB"*(1</a/)||require("child_process").execSync("touch PWNED"),//'
    request = {"method": "POST", "url": "https://api.example.invalid/x", "body": {"mode": "raw", "raw": body}}
    path = _one_request_collection(tmp_path, request)
    for language in ("javascript-fetch", "nodejs-native", "python"):
        result = run_cli("snippet", path, "a", "-l", language)
        assert result.exit_code in (0, 2), result.output
        if result.exit_code == 0:
            assert 'BBB\\"' in result.stdout  # the quote still escaped
    key = "sk_live_" + "51HpastedInTheUrl0000AAAA"
    plain = {"method": "GET", "url": f"https://api.example.invalid/x?api_key={key}"}
    result = run_cli("snippet", _one_request_collection(tmp_path, plain), "a", "-l", "python")
    assert result.exit_code == 0 and key not in result.stdout


def test_powershell_doubles_every_quote_it_reads_as_one_and_rust_escapes_bidi_controls() -> None:
    """PowerShell ends a single-quoted string at ‘ ’ ‚ ‛ as at ': only ' was doubled. rustc refuses a literal
    holding a right-to-left override as written."""
    from postman_kit.snippets.powershell import _literal
    from postman_kit.snippets.rust import literal

    assert _literal("a\u2019;x") == "'a\u2019\u2019;x'"
    assert _literal("‘'‚‛") == "'‘‘''‚‚‛‛'"
    assert literal("a\u202eb\u2066c") == '"a\\u{202e}b\\u{2066}c"'


@pytest.mark.parametrize("url", ["http://h:abc/p", "http://h:99999/p", "http://[x/p"])
@pytest.mark.parametrize("language", ["http", "python-http.client", "nodejs-native"])
def test_a_url_whose_port_or_host_cannot_be_sent_is_one_line(
    run_cli, tmp_path: Path, url: str, language: str
) -> None:
    path = _one_request_collection(tmp_path, {"method": "GET", "url": url})
    result = run_cli("snippet", path, "a", "-l", language)
    assert result.exit_code == 2 and "cannot be sent" in result.stderr, result.output


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_a_url_s_user_and_password_are_sent_as_basic_credentials_the_password_read_from_the_environment(
    language,
) -> None:
    """`https://alice:Tr0ub4dor3xyzQ@api.test/v1/x`, as a string or an object: newman sends Basic credentials
    from the userinfo. Every language dropped both, and said no environment variable was needed."""
    password = "Tr0ub4dor3xyzQ"
    as_text = {"name": "S", "request": {"method": "GET", "url": f"https://alice:{password}@api.test/v1/x"}}
    request = resolve_item(_collection(as_text), "S")
    assert request.basic_auth is not None
    assert request.basic_auth.username == ("alice",)
    assert request.basic_auth.password == (EnvironmentValue("PASSWORD", literal="password"),)
    as_object = _request("O", "https://api.test/v1/x")
    as_object["request"]["url"]["auth"] = {"user": "alice", "password": password}
    for item, name in ((as_text, "S"), (as_object, "O")):
        text = render_snippet(_collection(item), name, language)
        assert password not in text and "alice" in text and "PASSWORD" in text
        assert "No environment variable needed" not in text


def test_a_url_that_starts_with_a_secret_variable_holding_its_scheme_gets_no_second_one() -> None:
    """`{{baseUrl}}/v1/x`, `baseUrl` a secret `https://api.example.com` read from the environment: `http://` was
    written before it, and curl went to a host named `https` over plain HTTP. Defined without a scheme, it gets
    Postman's default one."""
    item = _request("V", "{{baseUrl}}/v1/x")

    def url(value: str) -> tuple[Any, ...]:
        environment = {"values": [{"key": "baseUrl", "value": value, "type": "secret", "enabled": True}]}
        return resolve_item(_collection(item), "V", environment=environment).url

    assert url("https://api.example.com") == (EnvironmentValue("BASE_URL", "baseUrl"), "/v1/x")
    assert url("api.example.com") == ("http://", EnvironmentValue("BASE_URL", "baseUrl"), "/v1/x")


def test_a_refused_snippet_says_so_in_one_line_naming_the_file(tmp_path: Path, run_cli) -> None:
    """A form whose file path holds a key is refused; the warning about its `access_token` field came first, two
    lines for one refusal, and the error named the item where every other names the file."""
    form = [
        {"key": "access_token", "value": "FormT0kenValue8899aa", "type": "text"},
        {"key": "file", "type": "file", "src": f"/home/u/{PRIVATE_KEY}.txt"},
    ]
    item = {
        "name": "form",
        "request": {
            "method": "POST",
            "body": {"mode": "formdata", "formdata": form},
            "url": "https://api.test/z",
        },
    }
    path = tmp_path / "col.json"
    path.write_text(json.dumps({"info": {"name": "F"}, "item": [item]}))
    result = run_cli("snippet", path, "form")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"postman-kit: error: {path}: form: the curl snippet would hold text that reads as a credential; not printed"
    ]


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_a_credential_hidden_by_percent_encoding_is_read_from_the_environment(language) -> None:
    """A query value holding a URL with its password percent-encoded (`next=https%3A%2F%2Falice%3A…%40h`), and a
    form field whose value holds `api_key=…`, which the form's encoding turned into `api_key%3D…`: each was
    written into all 16 languages in full (the same text in a raw body was read from the environment)."""
    password, token = "Tr0ub4dor3xyzQ", "SrcT0kenInPath5544zz"
    query = _request("Q", f"https://api.test/v1/x?next=https%3A%2F%2Falice%3A{password}%40h.example.com")
    form = {
        "name": "F",
        "request": {
            "method": "POST",
            "url": "https://api.test/up",
            "body": {
                "mode": "urlencoded",
                "urlencoded": [{"key": "note", "value": f"api_key={token} & more"}],
            },
        },
    }
    for item, name in ((query, "Q"), (form, "F")):
        text = render_snippet(_collection(item), name, language)
        assert password not in text and token not in text
    assert "API_KEY" in render_snippet(_collection(form), "F", language)


def test_curl_follows_redirects_as_postman_does_and_asks_a_head_for_no_body() -> None:
    """newman and Postman's own curl code follow a redirect; the kit's curl stopped at the 302. A HEAD sent with
    `--request HEAD` left curl waiting for a body that never comes. An item that turns redirects off keeps
    curl from following them."""
    head = _request("H", "https://api.test/h")
    head["request"]["method"] = "HEAD"
    still = _request("S", "https://api.test/s")
    still["protocolProfileBehavior"] = {"followRedirects": False}
    collection = _collection(_request("G", "https://api.test/g"), head, still)
    assert "--location" in render_snippet(collection, "G", "curl")
    head_text = render_snippet(collection, "H", "curl")
    assert "--head" in head_text and "--request HEAD" not in head_text
    assert "--location" not in render_snippet(collection, "S", "curl")


def test_a_file_part_is_typed_by_its_extension_as_postman_types_it() -> None:
    """newman types each file part by its name (`.json` application/json, `.png` image/png); the python snippet
    sent none and curl `.json` as application/octet-stream."""
    form = [
        {"key": "meta", "type": "file", "src": "/data/meta.json"},
        {"key": "logo", "type": "file", "src": "/data/logo.png"},
        {"key": "blob", "type": "file", "src": "/data/blob"},
        {"key": "typed", "type": "file", "src": "/data/x.json", "contentType": "text/plain"},
    ]
    item = {
        "name": "U",
        "request": {
            "method": "POST",
            "url": "https://api.test/u",
            "body": {"mode": "formdata", "formdata": form},
        },
    }
    request = resolve_item(_collection(item), "U")
    assert [(part.name, part.content_type) for part in request.form or []] == [
        ("meta", "application/json"),
        ("logo", "image/png"),
        ("blob", "application/octet-stream"),
        ("typed", "text/plain"),
    ]
