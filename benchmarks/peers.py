"""The peer tools benchmarks run side by side with postman-kit, installed pinned into a cache.

benchmarks/node/package-lock.json pins openapi-to-postmanv2 (Postman's own converter, `openapi2postmanv2`).
It is installed with `npm ci` into ~/.cache/postman-kit/bench-node (or $POSTMAN_KIT_CACHE/bench-node), with
npm's download cache beside it, so a second run is offline and instant.

    python benchmarks/peers.py            # install if needed, print the path of openapi2postmanv2
    python benchmarks/peers.py postman-kit   # the same for postman-kit itself, installed as a release

postman-kit is measured as users install it, `pip install` of this checkout (not an editable install) into a venv
of its own at ~/.cache/postman-kit/bench-kit, reinstalled whenever the package's sources change. So the timings
hold what a user's `postman-kit` does and nothing of a development setup: neither the editable install's import
hook nor startup hooks other packages put in the development interpreter's site-packages.

From another benchmark script in this folder::

    from peers import peer_binary
    converter = peer_binary("openapi2postmanv2")
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

PINNED = Path(__file__).resolve().parent / "node"
CHECKOUT = Path(__file__).resolve().parent.parent
KIT_SOURCES = ("pyproject.toml", "postman_kit")
MANIFESTS = ("package.json", "package-lock.json")
INSTALL_TIMEOUT_SECONDS = 600


class PeerUnavailable(RuntimeError):
    """npm is missing or the pinned install failed; the message says which."""


def cache_root() -> Path:
    return Path(os.environ.get("POSTMAN_KIT_CACHE") or Path.home() / ".cache" / "postman-kit")


def install_dir() -> Path:
    return cache_root() / "bench-node"


def _installed_matches_pins(target: Path) -> bool:
    # npm ci writes node_modules/.package-lock.json; equal lock files mean the pinned tree is in place.
    installed = target / "node_modules" / ".package-lock.json"
    if not installed.is_file():
        return False
    return all(
        (target / name).is_file() and (target / name).read_bytes() == (PINNED / name).read_bytes()
        for name in MANIFESTS
    )


def install_peers() -> Path:
    """Install the pinned peer tools (once) and return their `node_modules/.bin` folder."""
    target = install_dir()
    if not _installed_matches_pins(target):
        npm = shutil.which("npm")
        if npm is None:
            raise PeerUnavailable("npm is not installed; it is needed to install openapi-to-postmanv2")
        target.mkdir(parents=True, exist_ok=True)
        for name in MANIFESTS:
            shutil.copyfile(PINNED / name, target / name)
        command = [
            npm,
            "ci",
            "--prefix",
            str(target),
            "--cache",
            str(cache_root() / "npm"),
            "--prefer-offline",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ]
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_SECONDS, check=False
        )
        if result.returncode != 0:
            raise PeerUnavailable(f"npm ci failed in {target}: {result.stderr.strip()[-500:]}")
    return target / "node_modules" / ".bin"


def kit_dir() -> Path:
    return cache_root() / "bench-kit"


def _sources_digest() -> str:
    digest = hashlib.sha256()
    for name in KIT_SOURCES:
        top = CHECKOUT / name
        for path in sorted([top] if top.is_file() else top.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(f"{path.relative_to(CHECKOUT)}\0".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def install_kit() -> Path:
    """This checkout's `postman-kit` program, installed as a release (see the module's docstring)."""
    target = kit_dir()
    program, python, stamp = (
        target / "bin" / "postman-kit",
        target / "bin" / "python",
        target / "installed-from",
    )
    digest = _sources_digest()
    if program.is_file() and stamp.is_file() and stamp.read_text() == digest:
        return program
    steps = [] if python.is_file() else [[sys.executable, "-m", "venv", "--clear", str(target)]]
    # pip reinstalls a local directory every time, and brings the dependencies pyproject.toml names.
    steps.append([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(CHECKOUT)])
    for command in steps:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_SECONDS, check=False
        )
        if result.returncode != 0:
            raise PeerUnavailable(
                f"installing postman-kit into {target} failed: {result.stderr.strip()[-500:]}"
            )
    stamp.write_text(digest)
    return program


def peer_binary(name: str) -> str:
    """The path of one installed peer command, e.g. `openapi2postmanv2`."""
    binary = install_peers() / name
    if not binary.exists():
        raise PeerUnavailable(f"{name} is not among the pinned peer tools in {PINNED}")
    return str(binary)


if __name__ == "__main__":
    name = sys.argv[1] if len(sys.argv) > 1 else "openapi2postmanv2"
    try:
        print(install_kit() if name == "postman-kit" else peer_binary(name))
    except PeerUnavailable as exc:
        print(f"peers: {exc}", file=sys.stderr)
        sys.exit(1)
