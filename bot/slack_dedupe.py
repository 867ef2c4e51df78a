"""Answer each Slack event once: Slack resends events it thinks timed out, with the same event_id."""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

log = logging.getLogger(__name__)


class SeenKeys:
    """Keys seen in the last `ttl_seconds`, at most `max_keys` of them (oldest forgotten first).

    Args:
        ttl_seconds: how long a key is remembered; Slack retries for about an hour at most.
        max_keys: memory bound.
        clock: a monotonic clock, replaceable in tests.
    """

    def __init__(
        self, ttl_seconds: float = 3600.0, max_keys: int = 50_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl_seconds = ttl_seconds
        self.max_keys = max_keys
        self._clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()

    def first_time(self, key: str) -> bool:
        """Record `key`; True the first time it is seen within the TTL, False after.

        Args:
            key: e.g. an event_id.

        Returns:
            Whether this is the first sighting.
        """
        now = self._clock()
        while self._seen:
            oldest, seen_at = next(iter(self._seen.items()))
            if now - seen_at < self.ttl_seconds and len(self._seen) < self.max_keys:
                break
            del self._seen[oldest]
        if key in self._seen:
            return False
        self._seen[key] = now
        return True


class RepeatedEventFilter(AsyncMiddleware):
    """Bolt middleware that acknowledges a repeated event at once and stops it there.

    Args:
        seen: the event ids already handled.
    """

    def __init__(self, seen: SeenKeys) -> None:
        self.seen = seen

    async def async_process(
        self,
        *,
        req: AsyncBoltRequest,
        resp: BoltResponse,
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse | None:
        """Pass a new event on; answer a repeat with an empty 200 (acknowledged, nothing done)."""
        event_id = req.body.get("event_id") if isinstance(req.body, dict) else None
        if isinstance(event_id, str) and event_id and not self.seen.first_time(event_id):
            retry = req.headers.get("x-slack-retry-num", ["0"])[0]
            log.info("skipped a repeated delivery of event %s (retry %s)", event_id, retry)
            return BoltResponse(status=200, body="")
        return await next()
