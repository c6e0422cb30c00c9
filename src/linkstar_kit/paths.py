"""Where the product data lives: inside the installed package, or at the top of a checkout."""

from __future__ import annotations

from pathlib import Path


def data_dir(name: str) -> Path:
    """`role_libraries`, `blueprints` or `examples`: the copy that travels inside the wheel
    (`linkstar_kit/_data/<name>`), else the repository's own folder in a source checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "_data" / name
    if installed.is_dir():
        return installed
    return here.parents[1] / name
