"""Progress on stderr while an index builds (tqdm: hidden when stderr is not a terminal)."""

from __future__ import annotations

from collections.abc import Callable

import click
from tqdm import tqdm

from bot import messages


def build_reporter(reason: str) -> Callable[[int, int], None]:
    """Say why the index is being built, and return a progress callback for it.

    Args:
        reason: why a build is needed (no index yet, documents changed, ...).

    Returns:
        A callback taking (done, total) that drives a tqdm bar on stderr.
    """
    bar: dict[str, tqdm] = {}

    def progress(done: int, total: int) -> None:
        if "bar" not in bar:
            # Said once the documents have been read, so a bad file's error stands alone.
            click.echo(messages.BUILDING_INDEX.format(reason=reason), err=True)
            bar["bar"] = tqdm(total=total, desc="Embedding", unit="passage", disable=None, leave=False)
        shown = bar["bar"]
        shown.update(done - shown.n)
        if done >= total:
            shown.close()

    return progress
