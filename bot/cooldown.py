"""Fair use: how long a user must wait before the next question."""

from __future__ import annotations

import time
from collections.abc import Callable


class Cooldown:
    """One question per user every `seconds`; memory stays bounded.

    Args:
        seconds: the minimum gap between a user's questions; 0 turns it off.
        clock: a monotonic clock, replaceable in tests.
    """

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._last: dict[str, float] = {}

    def wait_seconds(self, user: str) -> float:
        """Seconds the user must still wait; 0 means go ahead (and the question is counted).

        Args:
            user: a platform-qualified user id.

        Returns:
            0.0 when allowed, else the remaining wait.
        """
        if self.seconds <= 0:
            return 0.0
        now = self._clock()
        last = self._last.get(user)
        if last is not None and now - last < self.seconds:
            return self.seconds - (now - last)
        self._last[user] = now
        if len(self._last) > 10_000:
            self._last = {u: t for u, t in self._last.items() if now - t < self.seconds}
        return 0.0
