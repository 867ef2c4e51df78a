"""`summitbot eval FILE.jsonl`: score the bot on a question set and print the figures."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bot.commands.progress import build_reporter
from bot.engine import load_answerer
from bot.evaluation import EvalFileError, Report, read_cases, score_cases
from bot.settings import Settings


def _document_texts(manifest: dict[str, object]) -> dict[str, str]:
    texts = {}
    for document in manifest.get("documents", []):  # type: ignore[attr-defined]
        try:
            texts[document["source"]] = Path(document["path"]).read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        except OSError:
            continue
    return texts


def _figures(report: Report) -> dict[str, float | int]:
    return {
        "answerable": report.answerable,
        "answered_right": report.answered_right,
        "answered_share": round(report.answered_share, 4),
        "wrongly_declined": report.wrongly_declined,
        "unanswerable": report.unanswerable,
        "declined": report.declined,
        "declined_share": round(report.declined_share, 4),
        "median_chars": report.median_chars,
        "max_chars": max(report.lengths, default=0),
        "quotes": report.quotes,
        "quotes_verbatim": report.quotes_verbatim,
        **{f"declined_{kind}": declined for kind, (declined, _) in sorted(report.declined_by_kind.items())},
        **{f"asked_{kind}": asked for kind, (_, asked) in sorted(report.declined_by_kind.items())},
    }


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("--min-answered", type=click.FloatRange(0, 1), help="Fail (exit 1) below this share of answerable questions answered right.")
@click.option("--min-declined", type=click.FloatRange(0, 1), help="Fail (exit 1) below this share of unanswerable questions declined.")
@click.option("--max-median-chars", type=int, help="Fail (exit 1) if the median answer is longer.")
@click.option("--show-failures/--hide-failures", default=True, help="List the questions that missed.")
@click.pass_obj
def evaluate(
    settings: Settings,
    file: Path,
    as_json: bool,
    min_answered: float | None,
    min_declined: float | None,
    max_median_chars: int | None,
    show_failures: bool,
) -> None:
    """Score the bot on FILE, one {"question", "expect": [...]} or {"question", "answerable": false} a line."""
    try:
        cases = read_cases(file)
    except EvalFileError as error:
        raise click.UsageError(str(error)) from None
    answerer = load_answerer(settings, on_build=build_reporter)
    report = score_cases(answerer, cases, _document_texts(answerer.retriever.manifest))
    figures = _figures(report)
    if as_json:
        click.echo(json.dumps(figures))
    else:
        click.echo(f"answerable answered right: {report.answered_right}/{report.answerable} ({report.answered_share:.1%})")
        click.echo(f"answerable wrongly declined: {report.wrongly_declined}")
        click.echo(f"unanswerable declined: {report.declined}/{report.unanswerable} ({report.declined_share:.1%})")
        if len(report.declined_by_kind) > 1:
            for kind, (declined, asked) in sorted(report.declined_by_kind.items()):
                click.echo(f"  {kind.replace('_', '-')} declined: {declined}/{asked}")
        click.echo(f"answer length: median {report.median_chars:.0f} chars, max {figures['max_chars']}")
        click.echo(f"quotes verbatim: {report.quotes_verbatim}/{report.quotes}")
    if show_failures and report.failures:
        click.echo("\n".join(["", "Misses:", *("  " + f for f in report.failures)]), err=as_json)
    below = [
        name
        for name, limit, value, higher_is_better in (
            ("--min-answered", min_answered, report.answered_share, True),
            ("--min-declined", min_declined, report.declined_share, True),
            ("--max-median-chars", max_median_chars, report.median_chars, False),
        )
        if limit is not None and (value < limit if higher_is_better else value > limit)
    ]
    if report.quotes_verbatim != report.quotes:
        below.append("verbatim quotes")
    if below:
        raise click.ClickException(f"below the bar on {', '.join(below)}")
