"""Load the shipped library and any user libraries, validate everything, report with positions."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, TypeAdapter

from ..errors import InputError, Issue, did_you_mean, display_path
from ..paths import data_dir
from ..positioned import Document, load_document
from ..validation import validate
from ..vocabulary import ERPS, FULFILLMENTS, RULE_VOCABULARIES
from .conditions import ConditionError, Node, parse_condition
from .models import (
    Category,
    Exclusion,
    KeepPlatformMeasure,
    Kpi,
    LibraryMeta,
    Note,
    Platform,
    Role,
    Rule,
    Scoped,
    SetTarget,
    Target,
    excluded,
)

# Every KPI keeps at least this many actions a role can use on each platform (and fulfilment
# model) it applies to, once actions tagged for other platforms are set aside.
MIN_ACTIONS = 2

M = TypeVar("M", bound=BaseModel)



@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    condition: Node


@dataclass
class Library:
    """The merged, validated library. Ordering is deterministic (sorted by id)."""

    meta: LibraryMeta
    platforms: dict[str, Platform]
    roles: dict[str, Role]
    categories: dict[str, Category]
    kpis: dict[str, Kpi]
    rules: list[CompiledRule]

    def vocab(self, name: str) -> Iterable[str] | None:
        match name:
            case "platform":
                return self.platforms
            case "role":
                return self.roles
            case "kpi":
                return self.kpis
            case "category":
                return self.categories
            case "site":
                return None
        return RULE_VOCABULARIES.get(name)

    @property
    def version(self) -> str:
        return self.meta.version

    def kpis_for(self, role: str | None = None, platform: str | None = None) -> list[Kpi]:
        out = []
        for k in self.kpis.values():
            if role and role not in k.roles:
                continue
            if platform and k.platforms is not None and platform not in k.platforms:
                continue
            out.append(k)
        return out


def shipped_library_dir() -> Path:
    """The library that travels with the package (or the repository's, in a source checkout)."""
    return data_dir("role_libraries")


@functools.lru_cache(maxsize=1)
def sale_event_ids() -> tuple[str, ...]:
    """The ids of the shipped sale calendar (`season.py` reads the rest of it), which advice
    names in `events: [...]`. Read here, not through `season`, which sits above the library."""
    import yaml

    with open(shipped_library_dir() / "sale_events.yaml", encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return tuple(str(e["id"]) for e in data.get("events") or ())


@dataclass
class _Entry:
    obj: Any
    doc: Document
    path: tuple[str | int, ...]


Reader = Callable[[Path], Document]


def _fast_read(path: Path) -> Document:
    """libyaml without positions; FastPathUnavailable sends the caller to the full reader."""
    from ..fastyaml import load_plain

    return Document(file=display_path(path), data=load_plain(path))


@dataclass
class _LazyDocument(Document):
    """Data read fast; the positions are read (with the full reader) only when a problem in
    this file is reported."""

    source: Path | None = None

    def where(self, path: tuple[str | int, ...], *, key: bool = False
              ) -> tuple[int | None, int | None]:
        if self.source is not None:
            full = load_document(self.source)
            self.values, self.keys, self.source = full.values, full.keys, None
        return super().where(path, key=key)


def _read_for_report(path: Path) -> Document:
    """The second pass, once something is off: a file the fast reader can read is read fast
    again, with its positions only on demand (the full reader takes seconds for the shipped
    library, whose files are fine while a house file is not); any other file in full."""
    from ..fastyaml import FastPathUnavailable

    try:
        doc = _fast_read(path)
    except FastPathUnavailable:
        return load_document(path)
    return _LazyDocument(doc.file, doc.data, source=path)


def _load_list(path: Path, model: type[M], issues: list[Issue], read: Reader) -> list[_Entry]:
    doc = read(path)
    if doc.data is None:
        return []
    if not isinstance(doc.data, list):
        issues.append(doc.issue((), f"expected a list of {model.__name__} records"))
        return []
    adapter: TypeAdapter[Any] = TypeAdapter(model)
    out = []
    for i, item in enumerate(doc.data):
        obj, errs = validate(doc, item, adapter, (i,), model)
        issues.extend(errs)
        if obj is not None:
            out.append(_Entry(obj, doc, (i,)))
    return out


def _raise(issues: list[Issue]) -> None:
    issues.sort(key=lambda i: (i.file, i.line or 0, i.column or 0))
    raise InputError(issues, title="invalid library")


def load_library(extra: Sequence[Path | str] = (), *, base: Path | None = None) -> Library:
    """Load the shipped library (or `base`) and overlay each folder in `extra`, in order."""
    from ..fastyaml import FastPathUnavailable

    folders = [base or shipped_library_dir(), *(Path(e) for e in extra)]
    # A library that is valid needs no positions: read it fast, and only when anything is off
    # read it again with positions, so that every problem is reported with its file and line.
    from .cache import read_cached, write_cached

    cached, key = read_cached(folders)
    if isinstance(cached, Library):
        return cached
    try:
        lib = _load(folders, _fast_read)
    except (FastPathUnavailable, InputError):
        lib = _load(folders, _read_for_report)
    write_cached(key, lib)
    return lib


def _load(folders: list[Path], read: Reader) -> Library:
    issues: list[Issue] = []
    meta: LibraryMeta | None = None
    tables: dict[str, dict[str, _Entry]] = {k: {} for k in ("platforms", "roles", "categories", "kpis")}
    rules: dict[str, _Entry] = {}
    models: dict[str, type[BaseModel]] = {"platforms": Platform, "roles": Role,
                                          "categories": Category}
    for folder in folders:
        if not folder.is_dir():
            issues.append(Issue(display_path(folder), None, None, (), "library folder not found"))
            continue
        meta_file = folder / "library.yaml"
        if meta_file.exists():
            doc = read(meta_file)
            m, errs = validate(doc, doc.data, TypeAdapter(LibraryMeta), (), LibraryMeta)
            issues.extend(errs)
            if m is not None:
                meta = m if meta is None else LibraryMeta(
                    name=f"{meta.name}+{m.name}", version=f"{meta.version}+{m.name}.{m.version}",
                    description=meta.description)
        for name, model in models.items():
            f = folder / f"{name}.yaml"
            if f.exists():
                for e in _load_list(f, model, issues, read):
                    tables[name][e.obj.id] = e
        for f in sorted((folder / "kpis").glob("*.yaml")):
            for e in _load_list(f, Kpi, issues, read):
                _no_duplicate(tables["kpis"], e, folder, issues)
        for f in sorted((folder / "rules").glob("*.yaml")):
            for e in _load_list(f, Rule, issues, read):
                _no_duplicate(rules, e, folder, issues)
    if meta is None:
        issues.append(Issue(display_path(folders[0] / "library.yaml"), None, None, (),
                            "missing library.yaml (name and version)"))
    if issues:
        _raise(issues)

    lib = Library(
        meta=meta,  # type: ignore[arg-type]
        platforms={k: e.obj for k, e in sorted(tables["platforms"].items())},
        roles={k: e.obj for k, e in tables["roles"].items()},
        categories={k: e.obj for k, e in sorted(tables["categories"].items())},
        kpis={k: e.obj for k, e in sorted(tables["kpis"].items())},
        rules=[],
    )
    _check_references(lib, tables["kpis"], issues)
    compiled = []
    for _rid, e in sorted(rules.items()):
        compiled_rule = _compile_rule(lib, e, issues)
        if compiled_rule is not None:
            compiled.append(compiled_rule)
    lib.rules = compiled
    if issues:
        _raise(issues)
    return lib


# Within one library folder an id must be unique; a later folder may override an earlier one.
def _no_duplicate(table: dict[str, _Entry], e: _Entry, folder: Path, issues: list[Issue]) -> None:
    prev = table.get(e.obj.id)
    if prev is not None and Path(prev.doc.file).resolve().is_relative_to(folder.resolve()):
        line = prev.doc.where(prev.path)[0]
        issues.append(e.doc.issue((*e.path, "id"), f"duplicate id `{e.obj.id}`",
                                  f"first defined at {prev.doc.file}:{line}"))
        return
    table[e.obj.id] = e


def _check_references(lib: Library, kpis: dict[str, _Entry], issues: list[Issue]) -> None:
    for _kid, e in sorted(kpis.items()):
        k: Kpi = e.obj

        def bad(sub: tuple[str | int, ...], msg: str, value: str, known: Iterable[str],
                e: _Entry = e) -> None:
            issues.append(e.doc.issue((*e.path, *sub), msg, did_you_mean(value, known)))

        for i, p in enumerate(k.platforms or ()):
            if p not in lib.platforms:
                bad(("platforms", i), f"unknown platform `{p}`", p, lib.platforms)
        for r in k.roles:
            if r not in lib.roles:
                bad(("roles", r), f"unknown role `{r}`", r, lib.roles)
        for field_name in ("counter", "drives", "same_as"):
            for i, ref in enumerate(getattr(k, field_name)):
                if ref not in lib.kpis:
                    bad((field_name, i), f"unknown KPI `{ref}`", ref, lib.kpis)
                elif ref == k.id:
                    bad((field_name, i), f"a KPI cannot list itself in `{field_name}`", ref, ())
        for i, ds in enumerate(k.data_sources):
            for j, p in enumerate(ds.platforms or ()):
                if p not in lib.platforms:
                    bad(("data_sources", i, "platforms", j), f"unknown platform `{p}`", p,
                        lib.platforms)
        for i, a in enumerate(k.actions):
            _check_scope(lib, a, ("actions", i), bad)
        _check_except(lib, k.except_, (), bad)
        _check_action_coverage(lib, k, e, issues)
        for i, t in enumerate(k.targets):
            if t.kind == "official":
                for sub, msg, hint in official_target_problems(lib, t):
                    issues.append(e.doc.issue((*e.path, "targets", i, *sub), msg, hint))
            if t.platform is None:
                continue
            if t.platform not in lib.platforms:
                bad(("targets", i, "platform"), f"unknown platform `{t.platform}`", t.platform,
                    lib.platforms)
            elif k.platforms is not None and t.platform not in k.platforms:
                bad(("targets", i, "platform"),
                    f"target for `{t.platform}`, but the KPI applies only to {k.platforms}",
                    t.platform, ())


def official_target_problems(lib: Library, t: Target) -> list[tuple[tuple[str, ...], str, str | None]]:
    """Why an `official` target is not one: a platform's line cites that platform's own page
    (https, on a domain `platforms.yaml` lists for it) with the window it measures over; a line
    seen only on a third party's page, a mirror, a package file or a forum is a `reference`."""
    out: list[tuple[tuple[str, ...], str, str | None]] = []
    as_reference = "a line only on another site is `kind: reference`"
    platform = lib.platforms.get(t.platform) if t.platform else None
    if t.platform is None:
        out.append((("kind",), "an official target names its `platform`", as_reference))
    if t.window is None:
        out.append((("kind",), "an official target needs `window` (the period the platform measures over)",
                    None))
    if not t.url:
        out.append((("kind",), "an official target needs `url` (the platform's own page)", as_reference))
        return out
    parts = urlsplit(t.url)
    if parts.scheme != "https" or not parts.hostname:
        out.append((("url",), f"an official target's url must be https://..., not `{t.url}`", None))
    elif platform is not None and not platform.owns(parts.hostname):
        known = ", ".join(platform.domains) or "none listed"
        out.append((("url",), f"`{parts.hostname}` is not one of {platform.id}'s own domains ({known})",
                    f"{as_reference}; or add the domain to `domains` in platforms.yaml"))
    return out


def _check_scope(lib: Library, item: Scoped, sub: tuple[str | int, ...],
                 bad: Callable[[tuple[str | int, ...], str, str, Iterable[str]], None]) -> None:
    """Unknown platform or site ids in a text's `platforms` / `sites` tags."""
    for j, p in enumerate(item.platforms or ()):
        if p not in lib.platforms:
            bad((*sub, "platforms", j), f"unknown platform `{p}`", p, lib.platforms)
    for j, f in enumerate(item.fulfillment or ()):
        if f not in FULFILLMENTS:
            bad((*sub, "fulfillment", j), f"unknown fulfillment model `{f}`", f, FULFILLMENTS)
    _check_except(lib, item.except_, sub, bad)
    for j, erp in enumerate(item.erp or ()):
        if erp not in ERPS:
            bad((*sub, "erp", j), f"unknown ERP `{erp}`", erp, ERPS)
    if item.events:
        known_events = sale_event_ids()
        for j, ev in enumerate(item.events):
            if ev not in known_events:
                bad((*sub, "events", j), f"unknown sale event `{ev}` (role_libraries/"
                    "sale_events.yaml)", ev, known_events)
    listed = [lib.platforms[p] for p in item.platforms or () if p in lib.platforms]
    known = sorted({s for pl in (listed or lib.platforms.values()) for s in pl.sites})
    for j, site in enumerate(item.sites or ()):
        if site not in known:
            where = f"on {', '.join(p.id for p in listed)}" if listed else "on any platform"
            bad((*sub, "sites", j), f"unknown site `{site}` {where}", site, known)


def _check_except(lib: Library, exclusions: Sequence[Exclusion], sub: tuple[str | int, ...],
                  bad: Callable[[tuple[str | int, ...], str, str, Iterable[str]], None]) -> None:
    """Unknown platforms, or models the platform does not offer, in an `except` list."""
    for j, x in enumerate(exclusions):
        platform = lib.platforms.get(x.platform)
        if platform is None:
            bad((*sub, "except", j, "platform"), f"unknown platform `{x.platform}`", x.platform,
                lib.platforms)
            continue
        for m, f in enumerate(x.fulfillment or ()):
            if f not in platform.fulfillment:
                bad((*sub, "except", j, "fulfillment", m),
                    f"`{x.platform}` offers no fulfillment model `{f}`", f, platform.fulfillment)


def _check_action_coverage(lib: Library, k: Kpi, e: _Entry, issues: list[Issue]) -> None:
    """A role on any platform (and fulfilment model) the KPI applies to keeps two actions.

    Counted conservatively: an action tagged with sites does not count, since a role may sell
    on none of them; on a platform that lists no fulfilment model, only untagged-by-model
    actions count."""
    for pid in k.platforms or lib.platforms:
        platform = lib.platforms.get(pid)
        if platform is None:
            continue  # reported as an unknown platform
        models: list[str | None] = [f for f in platform.fulfillment
                                    if k.fulfillment is None or f in k.fulfillment]
        if not platform.fulfillment:
            models = [None]
        for f in models:
            on_models = [f] if f is not None else []
            if excluded(k.except_, pid, on_models):
                continue
            usable = [a for a in k.actions if a.sites is None and not a.conditional
                      and a.channel in (None, platform.channel)
                      and (a.platforms is None or pid in a.platforms)
                      and (a.fulfillment is None or (f is not None and f in a.fulfillment))
                      and not excluded(a.except_, pid, on_models)]
            if len(usable) < MIN_ACTIONS:
                on = f"{pid} ({f})" if f else pid
                issues.append(e.doc.issue(
                    (*e.path, "actions"),
                    f"KPI `{k.id}` has {len(usable)} action(s) a role on {on} can use; "
                    f"at least {MIN_ACTIONS} are needed",
                    "add a platform-neutral action, or tag one with this platform"))
                return  # one message per KPI is enough to act on


def _compile_rule(lib: Library, e: _Entry, issues: list[Issue]) -> CompiledRule | None:
    rule: Rule = e.obj
    ok = True
    try:
        node = parse_condition(rule.when, lib.vocab)
    except ConditionError as exc:
        issues.append(e.doc.issue((*e.path, "when", *exc.path), str(exc), exc.hint))
        ok = False
    for i, r in enumerate(rule.roles or ()):
        if r not in lib.roles:
            issues.append(e.doc.issue((*e.path, "roles", i), f"unknown role `{r}`",
                                      did_you_mean(r, lib.roles)))
            ok = False
    for i, eff in enumerate(rule.then):
        kpi = getattr(eff, "kpi", None)
        if kpi is not None and kpi not in lib.kpis:
            issues.append(e.doc.issue((*e.path, "then", i, "kpi"), f"unknown KPI `{kpi}`",
                                      did_you_mean(kpi, lib.kpis)))
            ok = False
        if isinstance(eff, SetTarget) and eff.kind == "official":
            issues.append(e.doc.issue(
                (*e.path, "then", i, "kind"),
                "a rule cannot set an official line (it has no url or window)",
                "put the platform's line in the KPI's targets, or use kind reference or house"))
            ok = False
        if isinstance(eff, Note):

            def bad(sub: tuple[str | int, ...], msg: str, value: str, known: Iterable[str],
                    i: int = i) -> None:
                issues.append(e.doc.issue((*e.path, "then", i, *sub), msg,
                                          did_you_mean(value, known)))

            n_before = len(issues)
            _check_scope(lib, eff, (), bad)
            ok = ok and len(issues) == n_before
        platform = getattr(eff, "platform", None)
        if platform is not None and platform not in lib.platforms:
            issues.append(e.doc.issue((*e.path, "then", i, "platform"),
                                      f"unknown platform `{platform}`",
                                      did_you_mean(platform, lib.platforms)))
            ok = False
        if isinstance(eff, KeepPlatformMeasure):
            for j, p in enumerate(eff.platforms):
                if p not in lib.platforms:
                    issues.append(e.doc.issue((*e.path, "then", i, "platforms", j),
                                              f"unknown platform `{p}`",
                                              did_you_mean(p, lib.platforms)))
                    ok = False
            for j, k in enumerate(eff.ignore):
                if k not in lib.kpis:
                    issues.append(e.doc.issue((*e.path, "then", i, "ignore", j),
                                              f"unknown KPI `{k}`", did_you_mean(k, lib.kpis)))
                    ok = False
            for j, r in enumerate(eff.unless_covered_by):
                if r not in lib.roles:
                    issues.append(e.doc.issue((*e.path, "then", i, "unless_covered_by", j),
                                              f"unknown role `{r}`", did_you_mean(r, lib.roles)))
                    ok = False
    if not ok:
        return None
    return CompiledRule(rule, node)
