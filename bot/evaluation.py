"""Score the answerer on a question set: the figures `summitbot eval` prints (pure but for reading files)."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from bot.answer import Answer, Answerer


# A question of one of these kinds must be declined, unless its line says `"answerable": true`.
_UNANSWERABLE_KINDS = frozenset({"off_topic", "not_covered", "unanswerable"})


class EvalFileError(Exception):
    """The question file is unreadable or malformed; the message names the line."""


@dataclass(frozen=True)
class Case:
    """One question: phrases its answer must contain, or `answerable=False` to be declined."""

    question: str
    expect: tuple[str, ...] = ()
    answerable: bool = True
    kind: str = ""
    source: str = ""  # when set, the answer must cite this document first


@dataclass
class Report:
    """The figures of one evaluation run."""

    answerable: int = 0
    answered_right: int = 0
    wrongly_declined: int = 0
    unanswerable: int = 0
    declined: int = 0
    lengths: list[int] = field(default_factory=list)
    quotes: int = 0
    quotes_verbatim: int = 0
    failures: list[str] = field(default_factory=list)
    # declined / asked, by the `kind` of each unanswerable question ("off_topic", "not_covered")
    declined_by_kind: dict[str, list[int]] = field(default_factory=dict)

    @property
    def answered_share(self) -> float:
        return self.answered_right / self.answerable if self.answerable else 1.0

    @property
    def declined_share(self) -> float:
        return self.declined / self.unanswerable if self.unanswerable else 1.0

    @property
    def median_chars(self) -> float:
        return statistics.median(self.lengths) if self.lengths else 0.0


def read_cases(path: Path) -> list[Case]:
    """Parse a JSONL question file (see INTERFACE.md).

    Args:
        path: the file.

    Returns:
        The cases, in file order.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvalFileError(f"{path}: cannot read it ({error}); check the path") from None
    cases = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            question = raw["question"]
            expect = tuple(raw.get("expect", ()))
            kind = str(raw.get("kind", ""))
            source = str(raw.get("source", ""))
            answerable = bool(raw.get("answerable", kind not in _UNANSWERABLE_KINDS))
            if not isinstance(question, str) or not all(isinstance(p, str) for p in expect):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            raise EvalFileError(
                f"{path}:{number}: expected {{\"question\": \"...\", \"expect\": [\"...\"]}} "
                "or {\"question\": \"...\", \"answerable\": false}"
            ) from None
        cases.append(Case(question, expect, answerable, kind, source))
    if not cases:
        raise EvalFileError(f"{path}: no questions in it; add one JSON object a line")
    return cases


def _verbatim(answer: Answer, texts: dict[str, str]) -> tuple[int, int]:
    checked = [c.quote in texts.get(c.source, "") for c in answer.citations]
    return len(checked), sum(checked)


def score_cases(answerer: Answerer, cases: list[Case], texts: dict[str, str]) -> Report:
    """Ask every question and score the answers.

    Args:
        answerer: the answerer under test.
        cases: the question set.
        texts: each indexed document's full text by source name, to check quotes are verbatim.

    Returns:
        The report.
    """
    report = Report()
    for case in cases:
        answer = answerer.ask(case.question)
        quotes, verbatim = _verbatim(answer, texts)
        report.quotes += quotes
        report.quotes_verbatim += verbatim
        if answer.answered:
            report.lengths.append(len(answer.text))
        if case.answerable:
            report.answerable += 1
            missing = [p for p in case.expect if p.lower() not in answer.text.lower()]
            cited = answer.citations[0].source if answer.citations else ""
            if not answer.answered:
                report.wrongly_declined += 1
                report.failures.append(f"declined: {case.question}  ->  {answer.text[:100]}")
            elif missing:
                report.failures.append(f"missing {missing}: {case.question}  ->  {answer.text[:160]}")
            elif case.source and cited != case.source:
                report.failures.append(f"cited {cited}, not {case.source}: {case.question}  ->  {answer.text[:120]}")
            else:
                report.answered_right += 1
        else:
            report.unanswerable += 1
            tally = report.declined_by_kind.setdefault(case.kind or "unanswerable", [0, 0])
            tally[1] += 1
            if answer.answered:
                report.failures.append(f"answered: {case.question}  ->  {answer.text[:120]}")
            else:
                report.declined += 1
                tally[0] += 1
    return report
