"""Where each request goes: the document's server as `{{baseUrl}}`, an operation's or path's own `servers` as a
collection variable of their own, server variables as collection variables with their defaults."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from postman_kit.collection import Variable
from postman_kit.openapi import Operation, Server
from postman_kit.secrets import holds_named_credential, truncate_key

_SERVER_VARIABLE = re.compile(r"\{([^{}]+)\}")
# a `{name}` left single-braced (not one of Postman's `{{name}}`)
_UNDECLARED = re.compile(r"(?<!\{)\{([^{}]+)\}(?!\})")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# a scheme given by a server variable: `{{scheme}}://api.example.com`
_VARIABLE_SCHEME = re.compile(r"^\{\{[^{}]+\}\}://")


def is_absolute(url: str) -> bool:
    """Whether a server URL (Postman form) names its scheme, itself or through a variable."""
    return _SCHEME.match(url) is not None or _VARIABLE_SCHEME.match(url) is not None


def postman_url(server: Server) -> str:
    """The server's URL with `{name}` written as Postman's `{{name}}` for each variable it declares. A URL with
    no scheme but a host (`//api.rebilly.com/v2.1`, relative to the scheme of wherever the spec is served from)
    is given `https:`: Postman and newman would read it as `http:////api…` and send nothing."""
    url = _SERVER_VARIABLE.sub(
        lambda m: "{{" + m.group(1) + "}}" if m.group(1) in server.variables else m.group(0), server.template
    )
    return "https:" + url if is_scheme_relative(url) else url


def is_scheme_relative(url: str) -> bool:
    """`//host/path`: a network-path reference (RFC 3986 §4.2)."""
    return url.startswith("//") and len(url) > 2 and url[2] != "/"


def variable_name(url: str, base_variable: str, taken: set[str]) -> str:
    """A readable, unused name for another server: its host's first label before the base URL variable's name
    (`https://upload.box.com/api/2.0` → `uploadBaseUrl`)."""
    parts = urlsplit(_VARIABLE_SCHEME.sub("scheme://", url))
    host = parts.hostname or ""
    label = host_label(host) if host and not host.startswith("{") else ""
    if not host and not parts.scheme:  # a relative server: its first path segment, or `root` for `/`
        label = host_label(parts.path.strip("/").split("/")[0]) or "root"
    stem = f"{label}{base_variable[:1].upper()}{base_variable[1:]}" if label else f"{base_variable}Server"
    name, number = stem, 2
    while name in taken:
        name, number = f"{stem}{number}", number + 1
    return name


def host_label(host: str) -> str:
    """A host's first label, letters and digits only, to start a variable's name: `upload.box.com` → `upload`."""
    return re.sub(r"[^A-Za-z0-9]", "", host.split(".")[0])


class ServerHosts:
    """The `host` of each request's URL, and the collection variables those hosts need.

    `base_url` is what `{{baseUrl}}` holds (the document's first server, or --base-url); an operation whose own
    first server is another URL gets a variable of its own, one per distinct URL, named by :func:`variable_name`.
    A relative server URL of an operation is joined to the base URL's origin; when the base URL is relative too
    (`/slurmdb/v0.0.37`, beside a path's `/`), it is a variable of its own (`rootBaseUrl`), set as baseUrl is.
    """

    def __init__(self, servers: list[Server], base_variable: str, base_url: str) -> None:
        self.base_variable = base_variable
        self.base_url = base_url
        self.own: dict[str, str] = {}  # server URL (Postman form) → variable name
        self.undeclared: list[str] = []  # operations' server URLs left with a `{name}` nothing declares
        self.variables: list[Variable] = []
        self._taken = {base_variable}
        self._declare(servers[0] if servers else None)
        self._document_url = postman_url(servers[0]) if servers else None
        self._document_template = servers[0].template if servers else None

    def _declare(self, server: Server | None) -> None:
        if server is None:
            return
        for name, spec in server.variables.items():
            if name in self._taken:
                continue
            self._taken.add(name)
            enum = spec.get("enum")
            description = str(spec.get("description") or "")
            if isinstance(enum, list) and enum:
                allowed = "One of: " + ", ".join(f"`{v}`" for v in enum)
                description = f"{description}\n\n{allowed}" if description else allowed
            default = str(spec.get("default", ""))
            if server.template.endswith("{" + name + "}"):
                # the URL's last part (Kong's `{protocol}://{hostname}:{port}{path}`, `path: /`): every request
                # path starts with `/`, so a default ending in one sent `//services`, which no server route takes
                default = default.rstrip("/")
            # the password of the URL's userinfo (`https://{user}:{password}@…`), or a credential by its name:
            # truncated, as every output writes a key; the user sets the real one in their environment
            password = re.search(r"://[^/@]*:\{" + re.escape(name) + r"\}@", server.template)
            if password or holds_named_credential(name, default):
                default = truncate_key(default)
            self.variables.append(Variable(name, default, "string", description))

    def host(self, op: Operation) -> str:
        """`{{baseUrl}}`, or the variable standing for the operation's own server."""
        if not op.servers:
            return "{{" + self.base_variable + "}}"
        server = op.servers[0]
        if server.template == self._document_template:
            # the document's server written again, its variables left undeclared (Sentry's `{region}`)
            return "{{" + self.base_variable + "}}"
        url = postman_url(server)
        if url == self._document_url:
            return "{{" + self.base_variable + "}}"
        # a `{name}` the server does not declare but the collection has (the document's server declared it)
        url = _UNDECLARED.sub(
            lambda m: "{{" + m.group(1) + "}}" if m.group(1) in self._taken else m.group(0), url
        )
        if not is_absolute(url):
            parts = urlsplit(self.base_url)
            if parts.scheme:
                url = f"{parts.scheme}://{parts.netloc}/{url.lstrip('/')}".rstrip("/")
            else:  # relative to the same origin as the base URL: a variable of its own, set as baseUrl is
                url = url.rstrip("/")
                if url == self.base_url.rstrip("/"):
                    return "{{" + self.base_variable + "}}"
        name = self.own.get(url)
        if name is None:
            if _UNDECLARED.search(url):
                self.undeclared.append(server.template)
            name = self.own[url] = variable_name(url, self.base_variable, self._taken)
            self._taken.add(name)
            self.variables.append(Variable(name, url, "string", server.description))
            self._declare(server)
        return "{{" + name + "}}"


__all__ = ["ServerHosts", "is_absolute", "postman_url", "variable_name"]
