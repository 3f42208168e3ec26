"""Rate limits from the spec (`x-klaviyo-ratelimit`: burst "75/s", steady "750/m"), one token bucket per limit.

Buckets are kept per key and operation, as the real API counts them. The clock is passed in so tests do not sleep.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

_LIMIT = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\w*\s*$")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Limit:
    name: str  # burst, steady
    count: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.count / self.seconds


def parse_limit(name: str, text: str) -> Limit | None:
    """`"75/s"` → 75 per second; `"750/m"` → 750 per minute; anything else → None."""
    match = _LIMIT.match(text)
    if not match or int(match.group(1)) <= 0:
        return None
    span = int(match.group(2) or 1) * _SECONDS[match.group(3)]
    return Limit(name, int(match.group(1)), float(span))


class RateLimiter:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._buckets: dict[tuple[str, str, str], tuple[float, float]] = {}  # → (tokens, last time)
        self._lock = threading.Lock()

    def take(self, who: str, operation: str, limits: list[Limit]) -> float | None:
        """Spend one token from every bucket; None when allowed, else the seconds to wait."""
        now = self._clock()
        with self._lock:
            states = []
            wait = 0.0
            for limit in limits:
                key = (who, operation, limit.name)
                tokens, last = self._buckets.get(key, (float(limit.count), now))
                tokens = min(float(limit.count), tokens + (now - last) * limit.rate)
                states.append((key, tokens))
                if tokens < 1.0:
                    wait = max(wait, (1.0 - tokens) / limit.rate)
            if wait > 0:
                for key, tokens in states:
                    self._buckets[key] = (tokens, now)
                return wait
            for key, tokens in states:
                self._buckets[key] = (tokens - 1.0, now)
            return None


def retry_after(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))
