"""The wheel carries every package of the project, and the seed article with them."""

from __future__ import annotations

import tomllib
from pathlib import Path

from conftest import ROOT


def test_every_package_folder_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("bot", "index")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert on_disk <= listed, f"add {sorted(on_disk - listed)} to [tool.setuptools] packages"
    assert config["package-dir"]["summitbot_seeds"] == "seeds"
    assert "*.txt" in config["package-data"]["summitbot_seeds"]
    assert any(Path(ROOT / "seeds").glob("*.txt"))
