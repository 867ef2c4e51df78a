"""`summitbot feedback`: the 👍 / 👎 tally and the worst-rated questions."""

from __future__ import annotations

import click

from bot.feedback import FeedbackStore
from bot.settings import Settings


@click.command()
@click.option("--worst", default=10, show_default=True, type=click.IntRange(1, 1000), help="How many questions to list.")
@click.pass_obj
def feedback(settings: Settings, worst: int) -> None:
    """The votes people gave answers in chat: the tally, then the worst-rated questions."""
    if not settings.feedback_db.exists():
        click.echo("No feedback yet: votes appear here once people press 👍 or 👎 under an answer in chat.")
        return
    tally = FeedbackStore(settings.feedback_db).tally(worst)
    total = tally.up + tally.down
    share = f" ({100 * tally.up / total:.0f}% positive)" if total else ""
    click.echo(f"👍 {tally.up}   👎 {tally.down}   votes: {total}{share}")
    if not tally.worst:
        click.echo("No question has a 👎 yet.")
        return
    click.echo("\nWorst-rated questions:")
    for row in tally.worst:
        click.echo(f"  {row.up - row.down:+d}  (👍 {row.up} / 👎 {row.down})  {row.question}")
