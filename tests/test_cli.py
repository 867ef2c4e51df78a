"""The `summitbot` command as a user runs it (CliRunner), with the real bundled model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli

from conftest import DATA, SEEDS

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


def run(home: Path, *args: str, stdin: str | None = None, **env: str):  # type: ignore[no-untyped-def]
    runner = CliRunner()
    return runner.invoke(cli, list(args), input=stdin, env={"SUMMITBOT_HOME": str(home), **env}, catch_exceptions=False)


def test_ask_builds_the_index_on_first_use_and_reuses_it(home: Path) -> None:
    first = run(home, "ask", "what was agreed on fentanyl?")
    assert first.exit_code == 0, first.output
    assert "Building the index (no index yet)" in first.stderr
    assert "fentanyl" in first.stdout and "paragraph" in first.stdout
    again = run(home, "ask", "what was agreed on fentanyl?")
    assert again.exit_code == 0 and "Building" not in again.stderr


def test_ask_json_follows_the_interface(home: Path) -> None:
    result = run(home, "ask", "--json", "how long did they meet?")
    assert result.exit_code == 0
    answer = json.loads(result.stdout)
    assert set(answer) == {"question", "answered", "answer", "citations", "took_ms"}
    assert answer["answered"] is True and "four hours" in answer["answer"]
    text = (SEEDS / "biden-xi-summit-2023.txt").read_text(encoding="utf-8")
    for citation in answer["citations"]:
        assert set(citation) == {"source", "title", "paragraph", "quote", "score"}
        assert citation["quote"] in text
        assert citation["source"] == "biden-xi-summit-2023.txt"


def test_ask_json_streams_stdin_one_object_a_line(home: Path) -> None:
    result = run(home, "ask", "--json", stdin="who attended from china?\n\n   \ndid they discuss tariffs?\n")
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["question"] == "who attended from china?" and first["answered"]
    assert second["answered"] is False and "tariffs" in second["answer"]


@pytest.mark.parametrize("question", ["", "   ", "\t\n"])
def test_blank_question_is_a_usage_error(home: Path, question: str) -> None:
    result = run(home, "ask", question)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "question is empty" in result.stderr


def test_bad_flag_is_one_line_exit_2(home: Path) -> None:
    result = run(home, "ask", "--nope", "x")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "question",
    [
        "fentanyl " * 1200,  # ~10,000 characters
        "what \x00\x07 was\x1b[31m agreed\u200f on fentanyl?",
        "🤔🤔 fentanyl deal?? 🇺🇸🇨🇳",
        "ماذا اتفقوا بشأن الفنتانيل؟",
        "# **fentanyl** `deal` > [link](http://x) ~~no~~ ||spoiler||",
        "@everyone <@&123> <!channel> fentanyl?",
    ],
)
def test_odd_input_never_crashes(home: Path, question: str) -> None:
    result = run(home, "ask", "--json", question)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert isinstance(answer["answered"], bool) and answer["answer"]


def test_index_info_and_build_with_paths(home: Path, tmp_path: Path) -> None:
    info = run(home, "index", "info")
    assert info.exit_code == 0 and "biden-xi-summit-2023.txt" in info.stdout and "passages" in info.stdout
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.md").write_text("# Panda news\n\nThe zoo in Washington expects two pandas next spring.\n")
    built = run(home, "index", "build", str(SEEDS), str(other))
    assert built.exit_code == 0 and "Indexed 2 document(s)" in built.stdout
    answer = json.loads(run(home, "ask", "--json", "when will the pandas arrive?").stdout)
    assert answer["answered"] and answer["citations"][0]["source"] == "note.md"
    assert "Building" not in run(home, "ask", "who attended from china?").stderr  # the build's inputs are kept
    assert run(home, "index", "build").exit_code == 0  # back to the seeds


def test_unreadable_document_names_the_file(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa")
    result = run(home, "index", "build", str(bad))
    assert result.exit_code == 2 and "bad.txt" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    missing = run(home, "ask", "x?", SUMMITBOT_DOCS=str(tmp_path / "gone"))
    assert missing.exit_code == 2 and "gone" in missing.stderr


def test_index_info_without_an_index_says_what_to_do(tmp_path: Path) -> None:
    result = run(tmp_path, "index", "info")
    assert result.exit_code == 2 and "summitbot index build" in result.stderr


def test_eval_prints_figures_and_rejects_bad_files(home: Path, tmp_path: Path) -> None:
    cases = tmp_path / "q.jsonl"
    cases.write_text(
        '{"question": "how long did they meet?", "expect": ["four hours"]}\n'
        '{"question": "what is the capital of France?", "answerable": false}\n'
    )
    result = run(home, "eval", str(cases), "--min-answered", "1", "--min-declined", "1")
    assert result.exit_code == 0, result.output
    assert "1/1" in result.stdout and "quotes verbatim" in result.stdout
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"question": "ok", "expect": ["x"]}\nnot json\n')
    bad = run(home, "eval", str(broken))
    assert bad.exit_code == 2 and "broken.jsonl:2" in bad.stderr
    assert run(home, "eval", str(tmp_path / "none.jsonl")).exit_code == 2


def test_eval_reads_each_questions_kind_and_source(home: Path, tmp_path: Path) -> None:
    cases = tmp_path / "q.jsonl"
    cases.write_text(
        '{"question": "how long did they meet?", "expect": ["four hours"], "source": "biden-xi-summit-2023.txt"}\n'
        '{"question": "who won the world cup?", "expect": [], "kind": "off_topic"}\n'
        '{"question": "did they discuss tariffs?", "expect": [], "kind": "not_covered"}\n'
        '{"question": "how long did they meet?", "expect": ["four hours"], "source": "another.txt"}\n'
    )
    result = run(home, "eval", str(cases), "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["unanswerable"] == 2 and figures["declined_off_topic"] == 1 and figures["asked_not_covered"] == 1
    assert figures["answerable"] == 2 and figures["answered_right"] == 1  # the second is cited to the seed


def test_damaged_index_is_rebuilt_by_ask(home: Path) -> None:
    current = home / "index" / "current"
    (current / "chunks.jsonl").write_text("")
    result = run(home, "ask", "who attended from china?")
    assert result.exit_code == 0 and "Wang Yi" in result.stdout


def test_feedback_without_votes(home: Path) -> None:
    result = run(home, "feedback")
    assert result.exit_code == 0 and "No feedback yet" in result.stdout


def test_question_set_is_in_the_repo() -> None:
    assert (DATA / "eval.jsonl").is_file()
