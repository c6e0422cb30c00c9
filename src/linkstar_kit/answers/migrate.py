"""Carry an answers file written for an earlier library to this one (`linkstar migrate`).

The library narrows where a KPI applies as platforms are read more closely (ACoS is Amazon's
console unit, FBA sell-through is Amazon's): a pin that validated last month can be refused
today. `role_libraries/changes.yaml` records each such change and what takes the KPI's place;
`plan` lists the edits a file needs, `validate` quotes them, `apply_plan` makes them on the file
as written (comments and layout of a YAML file kept).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from ..errors import InputError, Issue, KeyPath
from ..library.applicability import platforms_for
from ..library.loader import Library
from ..library.models import Id, Text
from ..validation import validate

CHANGES_FILE = "changes.yaml"


class Change(BaseModel):
    """One change of the library that an earlier answers file may run into."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kpi: Id
    since: Annotated[str, Field(min_length=1)]
    what: Text
    renamed_to: Id | None = None
    instead: Id | None = None


@dataclass(frozen=True)
class Edit:
    """One edit to the file: at `path` (a goal's `kpi`, a pin or an exclude), `old` becomes
    `new`, or is removed when `new` is None."""

    path: KeyPath
    old: str
    new: str | None
    change: Change

    def describe(self, lang: str = "en") -> str:
        from ..errors import format_path

        what = self.change.what.get(lang)
        to = f"`{self.new}`" if self.new else "removed"
        return (f"{format_path(self.path)}: `{self.old}` -> {to} "
                f"(library {self.change.since}: {what})")


def load_changes(library_dirs: Sequence[Path]) -> dict[str, Change]:
    """The changes of the shipped library and of each `--library` folder, by KPI id."""
    from ..positioned import load_document

    out: dict[str, Change] = {}
    issues: list[Issue] = []
    adapter: TypeAdapter[Any] = TypeAdapter(list[Change])
    for folder in library_dirs:
        f = folder / CHANGES_FILE
        if not f.exists():
            continue
        doc = load_document(f)
        changes, errs = validate(doc, doc.data or [], adapter, (), Change)
        issues.extend(errs)
        for c in changes or []:
            out[c.kpi] = c
    if issues:
        raise InputError(issues, title="invalid library")
    return out


def plan(data: Any, library: Library, changes: dict[str, Change]) -> list[Edit]:
    """The edits that carry `data` (an answers file as read) to `library`: a renamed KPI
    follows its new id anywhere; a pin or exclude the role's platforms no longer take moves to
    the change's `instead` (when the role can hold it and has not named it) or is dropped."""
    if not isinstance(data, dict):
        return []
    edits: list[Edit] = []
    for i, g in enumerate(_items(data.get("goals"))):
        kid = g.get("kpi") if isinstance(g, dict) else None
        c = changes.get(kid) if isinstance(kid, str) else None
        if c is not None and c.renamed_to and kid not in library.kpis:
            edits.append(Edit(("goals", i, "kpi"), kid, c.renamed_to, c))  # type: ignore[arg-type]
    platforms, fulfillment = _platforms(data)
    for i, r in enumerate(_items(data.get("roles"))):
        if not isinstance(r, dict):
            continue
        role_platforms = [p for p in (r.get("platforms") or platforms) if isinstance(p, str)]
        if any(p not in library.platforms for p in role_platforms):
            # a misspelt platform, not a library change: validate's own message says so
            continue
        named = {k for name in ("pin", "exclude") for k in _items(r.get(name))
                 if isinstance(k, str)}
        for name in ("pin", "exclude"):
            for j, kid in enumerate(_items(r.get(name))):
                if not isinstance(kid, str):
                    continue
                c = changes.get(kid)
                if c is None:
                    continue
                path: KeyPath = ("roles", i, name, j)
                if kid not in library.kpis:
                    if c.renamed_to and c.renamed_to not in named:
                        edits.append(Edit(path, kid, c.renamed_to, c))
                        named.add(c.renamed_to)
                    elif c.renamed_to is None:
                        edits.append(Edit(path, kid, None, c))
                    continue
                if platforms_for(library.kpis[kid], role_platforms, fulfillment):
                    continue
                new = c.instead if name == "pin" else None
                target = library.kpis.get(new) if new else None
                if target is None or new in named \
                        or not platforms_for(target, role_platforms, fulfillment):
                    new = None
                edits.append(Edit(path, kid, new, c))
                if new:
                    named.add(new)
    return edits


def apply_plan(data: Any, edits: Sequence[Edit]) -> None:
    """Make `edits` on `data` in place (a ruamel round-trip tree or plain lists and dicts).
    Removals go last and from the end of each list, so earlier indexes stay right."""
    for e in edits:
        if e.new is not None:
            parent = _at(data, e.path[:-1])
            parent[e.path[-1]] = e.new
    for e in sorted((e for e in edits if e.new is None), key=lambda e: e.path, reverse=True):
        parent = _at(data, e.path[:-1])
        del parent[e.path[-1]]


def migrate_file(src: Path, library: Library, changes: dict[str, Change]
                 ) -> tuple[str, list[Edit]]:
    """The migrated text of `src` (YAML keeps its comments; JSON is re-indented) and the edits;
    the text is the file unchanged when there is nothing to do."""
    from ..positioned import load_document

    # first: it refuses what `validate` would refuse as unreadable (not UTF-8, too large, a
    # device), with the file and byte, before the text is read as UTF-8 below
    doc = load_document(src)
    text = src.read_text(encoding="utf-8-sig")
    edits = plan(doc.data, library, changes)
    if not edits:
        return text, []
    if src.suffix.lower() == ".json":
        data = json.loads(text)
        apply_plan(data, edits)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n", edits
    import io

    from ruamel.yaml import YAML

    yaml = YAML()  # round trip: comments, order and quoting stay as the consultant wrote them
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)  # `  - item`, as the examples are written
    yaml.width = 4096
    tree = yaml.load(text)
    apply_plan(tree, edits)
    buf = io.StringIO()
    yaml.dump(tree, buf)
    return buf.getvalue(), edits


def explain_issues(issues: list[Issue], edits: Sequence[Edit], file: str) -> list[Issue]:
    """`issues` with each one a change explains saying which change, and how to migrate."""
    from dataclasses import replace

    by_path = {e.path: e for e in edits}
    out = []
    for i in issues:
        e = by_path.get(i.path)
        if e is not None:
            to = f"puts `{e.new}` in its place" if e.new else "removes it"
            gone = "no longer exists" if e.old != e.change.kpi or e.change.renamed_to \
                else "no longer applies here"
            i = replace(i, message=f"KPI `{e.old}` {gone} since library {e.change.since}: "
                                   f"{e.change.what.en}",
                        hint=f"`linkstar migrate {file}` {to}")
        out.append(i)
    return out


# --- helpers --------------------------------------------------------------------------------


def _items(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else []


def _platforms(data: dict[str, Any]) -> tuple[list[str], dict[str, list[str]]]:
    platforms, fulfillment = [], {}
    for p in _items(data.get("platforms")):
        pid = p.get("id") if isinstance(p, dict) else p
        if not isinstance(pid, str):
            continue
        platforms.append(pid)
        models = p.get("fulfillment") if isinstance(p, dict) else None
        fulfillment[pid] = [m for m in _items(models) if isinstance(m, str)]
    return platforms, fulfillment


def _at(tree: Any, path: KeyPath) -> Any:
    for k in path:
        tree = tree[k]
    return tree
