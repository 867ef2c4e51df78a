#!/usr/bin/env bash
# Set up a virtual environment in .venv (CPU torch first), then run every check:
# lint, types, the test suite (real model included) and the question-set evaluation.
# Usage: bash scripts/test.sh [extra pytest args, e.g. -m "not model"]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
. .venv/bin/activate
python -m pip install --quiet --upgrade pip
# CPU torch before the project, so no multi-GB CUDA build is pulled in.
python -m pip install --quiet "torch==2.13.0"
python -m pip install --quiet -e ".[test]"

export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
if [ -z "${SUMMITBOT_HOME:-}" ]; then
    # a scratch index home for this run, removed when it ends
    SUMMITBOT_HOME="$(mktemp -d)"
    trap 'rm -rf "$SUMMITBOT_HOME"' EXIT
fi
export SUMMITBOT_HOME

echo "== ruff"
ruff check bot index tests benchmarks
echo "== mypy --strict"
mypy --strict bot index
echo "== question set (summitbot eval)"
summitbot eval tests/data/eval.jsonl --min-answered 0.9 --min-declined 0.8 --max-median-chars 250
echo "== pytest"
python -m pytest -q "$@"
