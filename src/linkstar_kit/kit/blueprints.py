"""Render documents through cookiecutter blueprints.

A blueprint is a cookiecutter template folder (`cookiecutter.json` plus one
`{{cookiecutter.out}}/` tree and an optional `templates/` folder of partials). Blueprints are
looked up along a search path, the user's `--blueprints DIR` first, then the shipped ones, so a
consultant can copy one folder, brand it and override only that.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import BlueprintError, display_path
from ..paths import data_dir

EXTENSIONS = ["linkstar_kit.kit.jinja_ext.LinkstarExtension"]
_bytecode: Any = None


def _bytecode_cache() -> Any:
    """One in-memory Jinja bytecode cache per process.

    cookiecutter builds a fresh Jinja environment for every render, so without this each role
    card would compile the same template again. Entries are checked against the template's
    source, so a user blueprint with the same file name never reuses the shipped one's code.
    """
    global _bytecode
    if _bytecode is None:
        from jinja2.bccache import Bucket, BytecodeCache

        class MemoryBytecodeCache(BytecodeCache):
            def __init__(self) -> None:
                self.store: dict[str, bytes] = {}

            def load_bytecode(self, bucket: Bucket) -> None:
                data = self.store.get(bucket.key)
                if data is not None:
                    bucket.bytecode_from_string(data)

            def dump_bytecode(self, bucket: Bucket) -> None:
                self.store[bucket.key] = bucket.bytecode_to_string()

        _bytecode = MemoryBytecodeCache()
    return _bytecode


def shipped_blueprints_dir() -> Path:
    return data_dir("blueprints")


class Blueprints:
    def __init__(self, user_dir: Path | str | None = None) -> None:
        self.search: list[Path] = []
        if user_dir is not None:
            d = Path(user_dir)
            if not d.is_dir():
                raise BlueprintError(f"blueprint folder {display_path(d)} not found")
            self.search.append(d)
        self.search.append(shipped_blueprints_dir())

    def find(self, name: str) -> Path:
        for base in self.search:
            if (base / name / "cookiecutter.json").is_file():
                return base / name
        raise BlueprintError(f"no blueprint `{name}` (looked in "
                             + ", ".join(display_path(b) for b in self.search) + ")")

    def render(self, name: str, context: dict[str, Any], expect: Sequence[str]) -> dict[str, str]:
        """Render blueprint `name`; return {relative path: text}. `expect` must all be produced."""
        from cookiecutter.exceptions import CookiecutterException
        from cookiecutter.generate import generate_files
        from jinja2 import TemplateError

        repo = self.find(name)
        ctx = {"cookiecutter": {**context, "out": "out", "_extensions": EXTENSIONS,
                                "_new_lines": "\n",
                                "_jinja2_env_vars": {"bytecode_cache": _bytecode_cache()}}}
        with tempfile.TemporaryDirectory(prefix="linkstar-bp-") as tmp:
            try:
                generate_files(repo_dir=str(repo), context=ctx, output_dir=tmp,
                               accept_hooks=False)
            except TemplateError as exc:
                raise BlueprintError(_describe(repo, exc)) from None
            except CookiecutterException as exc:
                cause = getattr(exc, "error", None) or exc.__cause__
                text = _describe(repo, cause or exc)
                infile = re.search(r"Unable to create (?:file|directory) '([^']+)'",
                                   getattr(exc, "message", "") or "")
                if infile:  # cookiecutter knows which file failed; the Jinja error does not
                    text = text.replace(" does not render:",
                                        f" ({infile.group(1)}) does not render:", 1)
                raise BlueprintError(text) from None
            out = Path(tmp) / "out"
            files: dict[str, str] = {}
            for p in sorted(out.rglob("*")) if out.is_dir() else []:
                if not p.is_file():
                    continue
                try:
                    files[str(p.relative_to(out))] = p.read_text(encoding="utf-8")
                except UnicodeDecodeError:
                    raise BlueprintError(
                        f"blueprint {display_path(repo)}: {p.relative_to(out)} is not UTF-8 text; "
                        "a document template must be text (images belong next to the HTML "
                        "layout's style.css)") from None
        missing = [e for e in expect if e not in files]
        if missing:
            raise BlueprintError(
                f"blueprint {display_path(repo)} did not produce " + ", ".join(missing)
                + f": its template {display_path(repo)}/{{{{cookiecutter.out}}}}/"
                + missing[0].split("/")[-1] + " (or the folder holding it) is missing")
        return files


def _describe(repo: Path, exc: BaseException) -> str:
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    line = getattr(exc, "lineno", None)
    msg = getattr(exc, "message", None) or str(exc)
    where = display_path(repo)
    if name:
        where += f" ({name}" + (f", line {line}" if line else "") + ")"
    return f"blueprint {where} does not render: {msg}"
