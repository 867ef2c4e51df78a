"""`summitbot ask`: answer one question, or a stream of them on stdin."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from typing import Any

import click

from bot import messages
from bot.answer import Answer, Answerer
from bot.commands.progress import build_reporter
from bot.engine import load_answerer
from bot.settings import Settings


def answer_json(answer: Answer, took_ms: float) -> dict[str, Any]:
    """The `ask --json` object of INTERFACE.md."""
    return {
        "question": answer.question,
        "answered": answer.answered,
        "answer": answer.text,
        "citations": [asdict(c) for c in answer.citations],
        "took_ms": round(took_ms, 1),
    }


def timed_ask(answerer: Answerer, question: str) -> tuple[Answer, float]:
    """Ask and measure how long answering took, in milliseconds."""
    start = time.perf_counter()
    answer = answerer.ask(question)
    return answer, (time.perf_counter() - start) * 1000


def render_text(answer: Answer) -> str:
    """The answer for a person at a terminal: the answer, then numbered sources."""
    lines = [answer.text, ""]
    if answer.citations:
        lines.append("Sources:" if answer.answered else "Nearest passages:")
        for number, citation in enumerate(answer.citations, start=1):
            lines.append(f"  [{number}] “{citation.quote}”")
            lines.append(f"      — {citation.source}, paragraph {citation.paragraph}")
    return "\n".join(lines).rstrip()


@click.command()
@click.argument("question", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object; with no QUESTION, read questions from stdin.")
@click.pass_obj
def ask(settings: Settings, question: tuple[str, ...], as_json: bool) -> None:
    """Answer QUESTION from the indexed documents, with its sources.

    The index is built on first use (from the bundled article unless SUMMITBOT_DOCS
    or an earlier `summitbot index build` says otherwise) and reused after.
    """
    text = " ".join(question)
    if question and not text.strip():
        raise click.UsageError(messages.EMPTY_QUESTION_CLI)
    if not question and not as_json:
        raise click.UsageError(messages.EMPTY_QUESTION_CLI)
    answerer = load_answerer(settings, on_build=build_reporter)
    if question:
        answer, took_ms = timed_ask(answerer, text)
        click.echo(json.dumps(answer_json(answer, took_ms), ensure_ascii=False) if as_json else render_text(answer))
        return
    for line in sys.stdin:
        if not line.strip():
            continue
        answer, took_ms = timed_ask(answerer, line.rstrip("\n"))
        sys.stdout.write(json.dumps(answer_json(answer, took_ms), ensure_ascii=False) + "\n")
        sys.stdout.flush()
