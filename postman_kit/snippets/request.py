"""One saved request, resolved the way Postman would send it — the model every language renders.

Resolution follows postman-runtime: variables substituted (see :mod:`postman_kit.variables`), `:name` path
segments filled from the URL's path variables, disabled query parameters and headers left out, auth inherited
from the folders and the collection, `Content-Type` added from the raw body's language when the request has
none, and the URL percent-encoded as Postman encodes it.

Secrets never become literals: the auth's key variable, every variable typed ``secret`` and any private-key-
shaped literal are :class:`EnvironmentValue` parts that each language reads from the process environment.
"""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from postman_kit.collection import (
    BODY_PRUNED_METHODS,
    Auth,
    Collection,
    Url,
    parse_raw_url,
    without_json_comments,
)
from postman_kit.errors import InputError
from postman_kit.secrets import (
    PRIVATE_KEY,
    credential_spans,
    holds_named_credential,
    named_credentials,
    redact,
)
from postman_kit.snippets.encoding import encode_path, encode_query
from postman_kit.snippets.items import LocatedItem
from postman_kit.variables import Reference, VariableScopes, merge_literals, references, value_text

# postman-runtime's Content-Type for a raw body of each language, when the request sets none.
RAW_CONTENT_TYPES = {
    "html": "text/html",
    "text": "text/plain",
    "json": "application/json",
    "javascript": "application/javascript",
    "xml": "application/xml",
}
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"
# The auth attribute that holds the secret, per auth type snippets can express.
SECRET_ATTRIBUTE = {"apikey": "value", "bearer": "token", "basic": "password"}


@dataclass(frozen=True)
class EnvironmentValue:
    """A secret the snippet reads from the environment variable `name` at run time."""

    name: str
    variable: str | None = (
        None  # the Postman variable it replaces; None for a literal key found in the request
    )
    literal: str | None = None  # what holds a literal credential found in the request (`client_secret`)


TextPart = str | EnvironmentValue
Text = tuple[TextPart, ...]


@dataclass(frozen=True)
class ResolvedHeader:
    name: str
    value: Text


@dataclass(frozen=True)
class BasicCredentials:
    """Basic auth: each language builds `Authorization: Basic base64(username:password)` (UTF-8) at run time,
    since the password is usually a secret it must not hold."""

    username: Text
    password: Text


@dataclass(frozen=True)
class FormField:
    """One part of a multipart form: a text value, or a file read from `file` (sent under its base name), and the
    part's own Content-Type when the entry sets one (`contentType`: generate writes `application/json` for an
    object part)."""

    name: str
    value: Text = ()
    file: str | None = None
    content_type: str | None = None

    @property
    def filename(self) -> str:
        """The name the part carries, as Postman sends it: the file's base name."""
        return PurePath(self.file or "").name


@dataclass
class ResolvedRequest:
    path: str  # the item path
    name: str
    method: str
    url: Text
    headers: list[ResolvedHeader]
    body: Text | None = None  # exact body text (UTF-8 on the wire); form bodies already encoded
    basic_auth: BasicCredentials | None = None
    form: list[FormField] | None = None  # multipart body; each language writes its own boundary
    warnings: list[str] = field(default_factory=list)
    follow_redirects: bool = True  # as Postman does, unless the item's protocolProfileBehavior turns it off
    # What the secrets hold, only so rendering can prove no snippet contains one; never rendered.
    secret_values: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def secrets(self) -> list[EnvironmentValue]:
        """The environment variables the snippet reads, in order of first use."""
        texts = [self.url, *(h.value for h in self.headers), self.body or ()]
        if self.basic_auth is not None:
            texts += [self.basic_auth.username, self.basic_auth.password]
        texts += [f.value for f in self.form or []]
        found: list[EnvironmentValue] = []
        for text in texts:
            for part in text:
                if isinstance(part, EnvironmentValue) and part.name not in {f.name for f in found}:
                    found.append(part)
        return found


_METHOD = re.compile(r"[A-Z][A-Z0-9_-]{0,31}")


def _shown(text: Text) -> Text:
    """`text` with a credential in any of its literals truncated."""
    return tuple(redact(part) if isinstance(part, str) else part for part in text)


def merged(text: Text | list[TextPart]) -> Text:
    """`text` with adjacent literals joined and empty ones dropped."""
    return tuple(merge_literals(text))


def env_name(variable: str) -> str:
    """`privateKey` → `PRIVATE_KEY`, `api-key` → `API_KEY`: a shell-safe environment variable name."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", variable)
    name = re.sub(r"[^A-Za-z0-9]+", "_", spaced).strip("_").upper() or "SECRET"
    return "_" + name if name[0].isdigit() else name


def auth_key_variables(auth: Auth | None) -> list[str]:
    """The variables holding the auth's secret (`{{privateKey}}` in `Klaviyo-API-Key {{privateKey}}`)."""
    if auth is None or auth.type not in SECRET_ATTRIBUTE:
        return []
    return references(str(auth.get(SECRET_ATTRIBUTE[auth.type]) or ""))


def resolve_request(
    collection: Collection,
    located: LocatedItem,
    scopes: VariableScopes,
    *,
    key_env: str | None = None,
) -> ResolvedRequest:
    """Resolve `located` against `scopes`. `key_env` names the environment variable for the auth's key
    (default: derived from the variable's name, `privateKey` → `PRIVATE_KEY`)."""
    return _Resolver(collection, located, scopes, key_env).resolve()


class _Resolver:
    def __init__(
        self, collection: Collection, located: LocatedItem, scopes: VariableScopes, key_env: str | None
    ) -> None:
        self.located = located
        self.request = located.item.request
        # the URL's parts, read from its `raw` text where it was saved as that alone
        url = self.request.url
        self.url = url if url.host or not url.raw else parse_raw_url(url.raw)
        self.scopes = scopes
        self.auth = located.effective_auth(collection)
        if self.auth is not None and self.auth.type not in SECRET_ATTRIBUTE:
            raise InputError(
                None,
                f"{located.path}: {self.auth.type} auth is not supported by snippet "
                f"(supported: apikey, bearer, basic, noauth)",
            )
        key_variables = auth_key_variables(self.auth)
        # secrets, and variables holding a credential though not typed secret, are read from the environment
        self.env_names = {name: env_name(name) for name in scopes.secret_keys() | scopes.credential_keys()}
        for variable in key_variables:
            self.env_names[variable] = key_env or env_name(variable)
        # a credential typed into an Authorization header by hand (PayPal's `Bearer {{access_token}}`) is read
        # from the environment as the auth's key is: its value is not the snippet's to hold
        for header in self.request.header:
            if not header.disabled and header.key.strip().lower() in _CREDENTIAL_HEADERS:
                for name in references(header.value or ""):
                    if not name.startswith("$"):
                        self.env_names.setdefault(name, env_name(name))
        self.key_env = key_env or (self.env_names[key_variables[0]] if key_variables else "PRIVATE_KEY")
        self.warnings: list[str] = []
        self._literal_envs: dict[str, str] = {}  # a literal credential found in the request → its variable
        self.form: list[FormField] | None = None

    def resolve(self) -> ResolvedRequest:
        headers = self.headers()
        query = self.query_pairs()
        body = self.body(headers)
        self.apply_auth(headers, query)
        basic = self.basic_auth(headers)
        # postman-runtime sends `Accept: */*` when the request names none; clients' own defaults differ.
        _default_header(headers, "Accept", "*/*")
        url = self.base_url() + self.query_text(query)
        method = self.request.method.upper()
        if not _METHOD.fullmatch(method):
            # written into code as it is (`curl -X …`, `requests.request("…")`): only a plain token may be
            raise InputError(
                None,
                f"{self.located.path}: method {method[:40]!r} is not one a snippet writes (letters, digits, - _)",
            )
        # A credential typed into a value is truncated in each literal, before a language escapes it: truncating
        # the finished code instead could take an escaping backslash or quote with it.
        return ResolvedRequest(
            path=self.located.path,
            name=self.located.item.name,
            method=method,
            url=_shown(merged(url)),
            headers=[ResolvedHeader(name, _shown(merged(value))) for name, value in headers],
            body=_shown(merged(body)) if body is not None else None,
            basic_auth=basic,
            form=[replace(part, value=_shown(part.value)) for part in self.form] if self.form else self.form,
            warnings=self.warnings,
            follow_redirects=self._follows_redirects(),
        )

    def _follows_redirects(self) -> bool:
        behaviour = self.located.item.extra.get("protocolProfileBehavior")
        return not (isinstance(behaviour, dict) and behaviour.get("followRedirects") is False)

    # -- text ------------------------------------------------------------------------------------------------
    def text(self, template: str, encode: Callable[[str], str] | None = None) -> list[TextPart]:
        """`template` with variables substituted and secrets as environment values; literals encoded."""
        self.require_defined(template)
        for name in references(template):
            found = self.scopes.get(name)
            message = f"{{{{{name}}}}} is empty in the {found.scope}" if found else ""
            if found and not found.value and name not in self.env_names and message not in self.warnings:
                self.warnings.append(message)
        out: list[TextPart] = []
        for part in self.scopes.parts(template, self.env_names):
            if isinstance(part, Reference):
                out.append(EnvironmentValue(self.env_names[part.variable], part.variable))
            else:
                # searched as typed, then encoded: `api_key=…` inside a value hid behind `%3D`
                out.extend(encode(p) if encode and isinstance(p, str) else p for p in self.literal(part))
        return out

    def require_defined(self, template: str) -> None:
        """Refuse a reference no scope defines: Postman would send `{{name}}` as typed, which no server wants,
        and a snippet must not hold one."""
        for name in self.scopes.unresolved(template):
            if name in self.env_names:  # read from the environment, defined or not
                continue
            if name.startswith("$"):
                # a Postman dynamic variable ({{$guid}}): kept as typed, as Postman's own code panel keeps it
                # (generate writes them into fields kept unique); the snippet says so
                message = (
                    f"{{{{{name}}}}} is a Postman dynamic variable, kept as typed: replace it before running"
                )
                if message not in self.warnings:
                    self.warnings.append(message)
                continue
            raise InputError(
                None,
                f"{self.located.path}: variable {{{{{name}}}}} is not defined in the "
                f"collection, environment or globals; define it (-e ENV, -g GLOBALS)",
            )

    def literal(self, text: str) -> list[TextPart]:
        """A literal, with any credential typed straight into the request read from the environment instead:
        a private key as the auth's key; another (a `client_secret` form field, a `"refresh_token"` in a JSON
        body, a `ghp_…` token) from a variable named for its field, else TOKEN. The snippet would otherwise hold
        it truncated, as every output shows a key, and send that."""
        found: list[tuple[int, int, str, str | None]] = [
            (m.start(), m.end(), self.key_env, None) for m in PRIVATE_KEY.finditer(text)
        ]
        spans = credential_spans(text)
        named = {text[start:end]: name or "token" for start, end, name in reversed(spans)}
        for value in named:  # wherever else the same value stands, under any name
            spans += [(m.start(), m.end(), named[value]) for m in re.finditer(re.escape(value), text)]
        for start, end, name in sorted(spans):
            if not any(start < stop and begin < end for begin, stop, _, _ in found):
                field = name or "token"
                found.append((start, end, self._literal_credential_env(field, text[start:end]), field))
        out: list[TextPart] = []
        position = 0
        for start, end, env, holder in sorted(found, key=lambda span: span[0]):
            out += [text[position:start], EnvironmentValue(env, literal=holder)]
            position = end
        out.append(text[position:])
        return [p for p in out if p != ""]

    def _literal_credential_env(self, name: str, value: str) -> str:
        """The environment variable a literal credential is read from: one per distinct value, named for its
        field (CLIENT_SECRET, then CLIENT_SECRET_2 for another value), with a warning that says so."""
        env = self._literal_envs.get(value)
        if env is None:
            base = env_name(name)
            taken = set(self._literal_envs.values()) | {self.key_env} | set(self.env_names.values())
            env = (
                base
                if base not in taken
                else next(f"{base}_{n}" for n in range(2, 10_000) if f"{base}_{n}" not in taken)
            )
            self._literal_envs[value] = env
            self.warnings.append(
                f"the request holds a literal credential ({name}); the snippet reads it from ${env} instead "
                "(keep it in a secret variable)"
            )
        return env

    def plain(self, template: str) -> str:
        """Text that must be a literal (a header name, a file path): a secret there cannot be read at run time."""
        self.require_defined(template)
        parts = self.scopes.parts(template, self.env_names)
        for part in parts:
            if isinstance(part, Reference):
                raise InputError(
                    None,
                    f"{self.located.path}: {part.variable!r} is a secret, but {template!r} is "
                    f"a name or a file path, which a snippet writes as a literal",
                )
        return "".join(p for p in parts if isinstance(p, str))

    # -- URL -------------------------------------------------------------------------------------------------
    def base_url(self) -> list[TextPart]:
        url = self.url
        path_values = {v.key: v.value for v in self.request.url.variable if not v.disabled}
        segments = [_path_segment(segment, path_values) for segment in url.path]
        template = _origin(url) + ("/" + "/".join(segments) if url.path else "")
        parts = self.text(template, encode_path)
        if not (parts and self._holds_a_scheme(parts[0])):
            parts.insert(0, "http://")  # Postman's default protocol
        return parts

    def _holds_a_scheme(self, part: TextPart) -> bool:
        """The URL's start names its protocol: a literal with `://`, or a value read from the environment that
        does where it is defined (`{{baseUrl}}` as `https://…`) or that is defined nowhere here, its value the
        user's at run time. `http://` before it sent `https://api…` to a host named `https`."""
        if isinstance(part, str):
            return "://" in part
        found = self.scopes.get(part.variable) if part.variable else None
        return found is None or not found.value or "://" in str(found.value)

    def query_pairs(self) -> list[tuple[str, str | None]]:
        return [(q.key or "", q.value) for q in self.url.query if not q.disabled and q.key is not None]

    def query_text(self, pairs: list[tuple[str, str | None]]) -> list[TextPart]:
        if not pairs:
            return []
        template = "&".join(key if value is None else f"{key}={value}" for key, value in pairs)
        return ["?", *self.text(template, encode_query)]

    # -- headers, auth, body ---------------------------------------------------------------------------------
    def headers(self) -> list[tuple[str, list[TextPart]]]:
        """The request's headers; a credential typed into one its name says holds one (`X-Api-Key`, an
        `X-Auth-Token`, the word after `Token` or `Bearer` in `Authorization`) read from the environment, as a
        `client_secret` form field's is."""
        out: list[tuple[str, list[TextPart]]] = []
        for header in self.request.header:
            if header.disabled or not header.key:
                continue
            # spaces before a value are no part of it in HTTP (a server reads none): Python's requests refused them
            value = (header.value or "").lstrip(" \t")
            # a private key is the auth's own key (read as KEY_ENV by `text`); another credential by its name
            credentials = (
                [] if references(value) or PRIVATE_KEY.search(value) else named_credentials(header.key, value)
            )
            if credentials:
                field = "token" if header.key.lower().endswith("authorization") else header.key
                parts: list[TextPart] = []
                rest = value
                for credential in credentials:  # a Cookie's sessions, each read from the environment
                    before, found, after = rest.partition(credential)
                    if found:
                        env = EnvironmentValue(self._literal_credential_env(field, credential), literal=field)
                        parts += [*self.text(before), env]
                        rest = after
                parts += self.text(rest)
                out.append((self.plain(header.key), [part for part in parts if part != ""]))
            else:
                out.append((self.plain(header.key), self.text(value)))
        return _one_cookie_header(out)

    def apply_auth(
        self, headers: list[tuple[str, list[TextPart]]], query: list[tuple[str, str | None]]
    ) -> None:
        auth = self.auth
        if auth is None or auth.type == "basic":
            return
        if auth.type == "bearer":
            token = str(auth.get("token") or "")
            if token:
                _replace_header(headers, "Authorization", ["Bearer ", *self.secret(token)])
            return
        key, value = str(auth.get("key") or ""), str(auth.get("value") or "")
        if not (key or value):
            return
        if auth.get("in") == "query":
            if not references(value) and value:
                self.literal_secret_warning()
                value = "{{" + self._literal_key_variable() + "}}"
            query[:] = [pair for pair in query if pair[0] != key] + [(key, value)]
        else:
            _replace_header(headers, self.plain(key), self.secret(value))

    def secret(self, template: str) -> list[TextPart]:
        """An auth's credential: from its variable, read from the environment; a literal one typed into the auth
        is read from the environment too (KEY_ENV, else PRIVATE_KEY), never written into the snippet."""
        if template and not references(template):
            self.literal_secret_warning()
            return [EnvironmentValue(self.key_env)]
        return self.text(template)

    def literal_secret_warning(self) -> None:
        message = (
            f"the auth holds a literal credential; the snippet reads it from ${self.key_env} instead (keep it "
            "in a secret variable)"
        )
        if message not in self.warnings:
            self.warnings.append(message)

    def _literal_key_variable(self) -> str:
        """A variable name standing for the auth's literal key, read from the environment like any secret."""
        name = "__literal_auth_key__"
        self.env_names[name] = self.key_env
        return name

    def basic_auth(self, headers: list[tuple[str, list[TextPart]]]) -> BasicCredentials | None:
        if self.auth is None or self.auth.type != "basic":
            return self._userinfo_auth(headers)
        # Postman replaces any Authorization header the request has with the Basic one.
        headers[:] = [h for h in headers if h[0].lower() != "authorization"]
        return BasicCredentials(
            merged(self.text(str(self.auth.get("username") or ""))),
            merged(self.secret(str(self.auth.get("password") or ""))),
        )

    def _userinfo_auth(self, headers: list[tuple[str, list[TextPart]]]) -> BasicCredentials | None:
        """The URL's `user:password@` (kept as its `auth`), sent as Basic credentials as Postman sends it where
        no Authorization header is set; the password, typed into the URL, read from the environment. The
        snippet had dropped both and said no environment variable was needed."""
        userinfo = self.url.extra.get("auth")
        if not isinstance(userinfo, dict) or not userinfo.get("user"):
            return None
        if any(name.lower() == "authorization" for name, _ in headers):
            return None
        password = str(userinfo.get("password") or "")
        return BasicCredentials(
            merged(self.text(str(userinfo["user"]))),
            merged(
                self.text(password)
                if references(password) or not password
                else [
                    EnvironmentValue(self._literal_credential_env("password", password), literal="password")
                ]
            ),
        )

    def _form_value(self, key: str, value: str) -> list[TextPart]:
        """A form field's value as sent: a literal credential its name says it is (`client_secret`) read from
        the environment, as one inside the value (`api_key=…`) is by `text`."""
        named = [span for span in credential_spans(f"{key}={value}") if span[0] == len(key) + 1]
        if named and not references(value) and named[0][1] == len(key) + 1 + len(value):
            return [EnvironmentValue(self._literal_credential_env(named[0][2] or key, value), literal=key)]
        return self.text(value, _form_encoded)

    def body(self, headers: list[tuple[str, list[TextPart]]]) -> list[TextPart] | None:
        body = self.request.body
        if body is None or body.extra.get("disabled"):
            return None
        behaviour = self.located.item.extra.get("protocolProfileBehavior")
        pruning_off = isinstance(behaviour, dict) and behaviour.get("disableBodyPruning") is True
        if self.request.method.upper() in BODY_PRUNED_METHODS and not pruning_off:
            # Postman and newman send no body with a GET unless the item turns body pruning off
            self.warnings.append(
                f"{self.request.method.upper()} body left out, as Postman sends it (the item does not turn "
                "body pruning off)"
            )
            return None
        if body.mode == "raw":
            if not body.raw:
                return None
            content_type = RAW_CONTENT_TYPES.get(body.language or "text", RAW_CONTENT_TYPES["text"])
            _default_header(headers, "Content-Type", content_type)
            sent = next((merged(v) for k, v in headers if k.lower() == "content-type"), ())
            if body.language == "json" or (
                not body.language and "json" in "".join(p for p in sent if isinstance(p, str)).lower()
            ):
                # as postman-runtime sends a JSON body: its `//` and `/* */` comments left out
                return self.text(without_json_comments(body.raw))
            return self.text(body.raw)
        if body.mode == "urlencoded":
            fields = [f for f in body.urlencoded if isinstance(f, dict) and not f.get("disabled")]
            if not fields:
                return None
            _default_header(headers, "Content-Type", FORM_CONTENT_TYPE)
            out: list[TextPart] = []
            for entry in fields:
                key, value = value_text(entry.get("key")), value_text(entry.get("value"))
                self.require_defined(key + value)
                out += ["&"] if out else []
                out += [*self.text(key, _form_encoded), "=", *self._form_value(key, value)]
            return merge_literals(out)
        if body.mode == "formdata":
            self.form = self.form_fields(body.formdata) or None
            if self.form:
                # The multipart Content-Type carries a boundary only the sending client knows.
                headers[:] = [h for h in headers if h[0].lower() != "content-type"]
            return None
        raise InputError(
            None,
            f"{self.located.path}: {body.mode} bodies are not supported by snippet "
            f"(supported: raw, urlencoded, formdata)",
        )

    def form_fields(self, entries: list[dict[str, object]]) -> list[FormField]:
        fields: list[FormField] = []
        for entry in entries:
            if not isinstance(entry, dict) or entry.get("disabled"):
                continue
            name = self.plain(str(entry.get("key") or ""))
            typed = entry.get("contentType")
            content_type = self.plain(typed).strip() or None if isinstance(typed, str) else None
            if content_type is not None and any(ord(c) < 0x20 or ord(c) == 0x7F for c in content_type):
                self.warnings.append(
                    f"form field {name!r}: content type {content_type!r} is not a header value"
                )
                content_type = None
            if entry.get("type") != "file":
                typed = value_text(entry.get("value"))
                if holds_named_credential(name, typed) and not references(typed):
                    # a `client_secret` field typed in: read from the environment, as a literal key is
                    value: Text = (EnvironmentValue(self._literal_credential_env(name, typed), literal=name),)
                else:
                    value = merged(self.text(typed))
                fields.append(FormField(name, value, content_type=content_type))
                continue
            sources = entry.get("src")
            chosen = [source for source in (sources if isinstance(sources, list) else [sources]) if source]
            if not chosen:  # `src: null`, `""` or `[]` (Postman's export of a file field with none chosen)
                self.warnings.append(f"form field {name!r} names no file; left out")
            for source in chosen:
                path = self.plain(str(source))
                fields.append(FormField(name, file=path, content_type=content_type or _file_type(path)))
        return fields


_CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization"})


# Python's own table of types by file extension, none read from the machine (/etc/mime.types differs between
# machines; a snippet must not)
_FILE_TYPES = mimetypes.MimeTypes(filenames=())


def _file_type(path: str) -> str:
    """A file part's Content-Type as Postman sends it: by the file's extension, else `application/octet-stream`
    (the python snippet sent none, curl `.json` as octet-stream)."""
    return _FILE_TYPES.guess_type(PurePath(path).name, strict=False)[0] or "application/octet-stream"


def _one_cookie_header(headers: list[tuple[str, list[TextPart]]]) -> list[tuple[str, list[TextPart]]]:
    """Several Cookie headers as one, `a=1; b=2`, where the first stood, as Postman sends them (Python's
    requests joined them with `, `, which a server reads as one cookie; curl sent two headers)."""
    cookies = [value for name, value in headers if name.lower() == "cookie"]
    if len(cookies) < 2:
        return headers
    joined: list[TextPart] = []
    for value in cookies:
        joined += ["; "] if joined else []
        joined += value
    out: list[tuple[str, list[TextPart]]] = []
    for name, value in headers:
        if name.lower() != "cookie":
            out.append((name, value))
        elif not any(n.lower() == "cookie" for n, _ in out):
            out.append((name, merge_literals(joined)))
    return out


def _path_segment(segment: str, values: dict[str, Any]) -> str:
    """A path segment as Postman fills it: `:name` up to the first `.` is a variable (Twilio's `:Sid.json`), its
    value put in its place where it is text that is not empty; the segment stays as written otherwise."""
    if not segment.startswith(":"):
        return segment
    dot = segment.find(".")
    name = segment[1 : dot if dot != -1 else None]
    value = values.get(name)
    if not name or not isinstance(value, str) or not value:
        return segment
    return value + segment[len(name) + 1 :]


def _origin(url: Url) -> str:
    origin = (url.protocol + "://" if url.protocol else "") + ".".join(url.host)
    return origin + (":" + url.port if url.port else "")


def _replace_header(headers: list[tuple[str, list[TextPart]]], name: str, value: list[TextPart]) -> None:
    headers[:] = [h for h in headers if h[0].lower() != name.lower()]
    headers.append((name, value))


def _default_header(headers: list[tuple[str, list[TextPart]]], name: str, value: str) -> None:
    if not any(h[0].lower() == name.lower() for h in headers):
        headers.append((name, [value]))


def _form_encoded(text: str) -> str:
    """A form's key or value encoded as a browser encodes it."""
    return quote(text, safe="*-._~")


__all__ = [
    "BasicCredentials",
    "EnvironmentValue",
    "FormField",
    "ResolvedHeader",
    "ResolvedRequest",
    "Text",
    "TextPart",
    "auth_key_variables",
    "env_name",
    "merged",
    "resolve_request",
]
