"""Score many question sets in one process and compare the outcome of every question with a saved run.

    python benchmarks/score_sets.py --save /tmp/before.json                 # every set, seed article
    python benchmarks/score_sets.py --compare /tmp/before.json              # what changed since
    python benchmarks/score_sets.py --sets benchmarks/blind130.jsonl ...     # only these

The seed sets (`blind*.jsonl`, `heldout.jsonl`, `tests/data/eval.jsonl`) are scored against the bundled
article; `multidoc*.jsonl` against the seed plus its second article; `other-*.jsonl` against the one article
of another meeting under `benchmarks/articles/` that `ARTICLES` names. Each document set gets its own
index in a temporary home. A question is "right" as `summitbot eval` counts it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bot.engine import load_answerer
from bot.evaluation import Case, read_cases
from bot.settings import Settings

ARTICLES = ROOT / "benchmarks" / "articles"
# which documents a set is about, by its file name's start
DOCUMENTS = {
    "multidoc2": [ROOT / "seeds", ARTICLES / "xi-dinner-and-readout.txt"],
    "multidoc3": [ROOT / "seeds", ARTICLES / "summit-reactions-2023.txt"],
    "multidoc": [ROOT / "seeds", ROOT / "tests" / "data" / "articles"],
    "other-geneva": [ARTICLES / "biden-putin-geneva-2021.txt"],
    "other-opec": [ARTICLES / "opec-plus-june-2023.md"],
    "other-fomc": [ARTICLES / "fomc-july-2023.txt"],
    "other-kazan": [ARTICLES / "modi-xi-kazan-2024.md"],
    "other-hiroshima": [ARTICLES / "g7-hiroshima-2023.txt"],
    "other-singapore": [ARTICLES / "trump-kim-singapore-2018.txt"],
    "other-campdavid": [ARTICLES / "camp-david-trilateral-2023.txt"],
    "other-vilnius": [ARTICLES / "nato-vilnius-2023.txt"],
    "other-moscow": [ARTICLES / "xi-putin-moscow-2023.txt"],
    "other-ecb": [ARTICLES / "ecb-september-2023.txt"],
    "other-reykjavik": [ARTICLES / "reykjavik-1986.txt"],
    "other-modidc": [ARTICLES / "modi-biden-washington-2023.txt"],
    "other-cop28": [ARTICLES / "cop28-dubai-2023.txt"],
    "other-vostochny": [ARTICLES / "putin-kim-vostochny-2023.txt"],
    "other-berkshire": [ARTICLES / "berkshire-omaha-2023.txt"],
    "other-g20delhi": [ARTICLES / "g20-delhi-2023.txt"],
    "other-kishida": [ARTICLES / "biden-kishida-2024.txt"],
}


def documents_of(path: Path) -> list[Path]:
    for prefix, documents in DOCUMENTS.items():
        if path.stem.startswith(prefix):
            return documents
    return [ROOT / "seeds"]


def outcome(case: Case, answered: bool, text: str, cited: str) -> str:
    if not case.answerable:
        return "declined" if not answered else "answered"
    if not answered:
        return "declined"
    if any(p.lower() not in text.lower() for p in case.expect) or (case.source and cited != case.source):
        return "wrong"
    return "right"


def score(paths: list[Path], home: Path) -> dict[str, dict[str, object]]:
    by_documents: dict[tuple[Path, ...], list[Path]] = {}
    for path in paths:
        by_documents.setdefault(tuple(documents_of(path)), []).append(path)
    results: dict[str, dict[str, object]] = {}
    for number, (documents, sets) in enumerate(by_documents.items()):
        env = dict(os.environ, SUMMITBOT_HOME=str(home / str(number)), SUMMITBOT_DOCS=":".join(map(str, documents)))
        answerer = load_answerer(Settings.from_env(env))
        for path in sets:
            for i, case in enumerate(read_cases(path)):
                answer = answerer.ask(case.question)
                cited = answer.citations[0].source if answer.citations else ""
                key = f"{path.relative_to(ROOT)}:{i}"
                results[key] = {
                    "question": case.question,
                    "kind": case.kind or ("answerable" if case.answerable else "unanswerable"),
                    "outcome": outcome(case, answer.answered, answer.text, cited),
                    "text": answer.text,
                }
    return results


def summary(results: dict[str, dict[str, object]]) -> str:
    tally: dict[str, dict[str, int]] = {}
    for result in results.values():
        kind = str(result["kind"])
        tally.setdefault(kind, {})
        tally[kind][str(result["outcome"])] = tally[kind].get(str(result["outcome"]), 0) + 1
    return "\n".join(f"  {kind}: {json.dumps(counts, sort_keys=True)}" for kind, counts in sorted(tally.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="*", type=Path, help="question sets (default: every set)")
    parser.add_argument("--save", type=Path, help="write every outcome to this JSON file")
    parser.add_argument("--compare", type=Path, help="list the questions whose outcome or answer changed since this file")
    args = parser.parse_args()
    paths = [p.resolve() for p in args.sets] if args.sets else sorted(
        [*ROOT.glob("benchmarks/*.jsonl"), ROOT / "tests" / "data" / "eval.jsonl", ROOT / "tests" / "data" / "multidoc.jsonl"]
    )
    with tempfile.TemporaryDirectory() as home:
        results = score(paths, Path(home))
    print(summary(results))
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        for key, now in results.items():
            then = before.get(key)
            if then and (then["outcome"] != now["outcome"] or then["text"] != now["text"]):
                print(f"{key} [{now['kind']}] {then['outcome']} -> {now['outcome']}: {now['question']}")
                print(f"    was: {str(then['text'])[:150]}")
                print(f"    now: {str(now['text'])[:150]}")
    if args.save:
        args.save.write_text(json.dumps(results, ensure_ascii=False, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
