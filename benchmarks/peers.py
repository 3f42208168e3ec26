"""The peer tools benchmarks run side by side with postman-kit, installed pinned into a cache.

benchmarks/node/package-lock.json pins openapi-to-postmanv2 (Postman's own converter, `openapi2postmanv2`).
It is installed with `npm ci` into ~/.cache/postman-kit/bench-node (or $POSTMAN_KIT_CACHE/bench-node), with
npm's download cache beside it, so a second run is offline and instant.

    python benchmarks/peers.py            # install if needed, print the path of openapi2postmanv2

From another benchmark script in this folder::

    from peers import peer_binary
    converter = peer_binary("openapi2postmanv2")
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PINNED = Path(__file__).resolve().parent / "node"
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
    return all((target / name).is_file() and (target / name).read_bytes() == (PINNED / name).read_bytes()
               for name in MANIFESTS)


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
        command = [npm, "ci", "--prefix", str(target), "--cache", str(cache_root() / "npm"), "--prefer-offline",
                   "--no-audit", "--no-fund", "--loglevel=error"]
        result = subprocess.run(command, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_SECONDS,
                                check=False)
        if result.returncode != 0:
            raise PeerUnavailable(f"npm ci failed in {target}: {result.stderr.strip()[-500:]}")
    return target / "node_modules" / ".bin"


def peer_binary(name: str) -> str:
    """The path of one installed peer command, e.g. `openapi2postmanv2`."""
    binary = install_peers() / name
    if not binary.exists():
        raise PeerUnavailable(f"{name} is not among the pinned peer tools in {PINNED}")
    return str(binary)


if __name__ == "__main__":
    try:
        print(peer_binary(sys.argv[1] if len(sys.argv) > 1 else "openapi2postmanv2"))
    except PeerUnavailable as exc:
        print(f"peers: {exc}", file=sys.stderr)
        sys.exit(1)
