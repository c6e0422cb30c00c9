"""What a kit tracks: one row per role entry, KPI and platform (plus one per company goal).

This is the content of the store's `targets` table, of the CSV template, of the dashboard
panels and of the workbook rows. It is read off the selection; no rule is re-run. The only
choice made here is presentational: whether a KPI is reported per platform or once across
the role's platforms (per platform when the engine resolved per-platform targets, when the
KPI only exists on some platforms, or when the role works per platform).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import catalog
from ..answers.models import Answers
from ..engine.models import ResolvedTarget, SelectedKpi, Selection
from ..library.loader import Library
from ..library.models import Kpi, Text
from ..rag import Rag, rag_of

COMPANY = "_company"  # role key of the company goals' rows (a role key can never start with _)
ALL = ""              # platform of a row that holds for every platform of its role
PLACE_SEP = "@"       # between platform and site group in a `place`
# The same `place` in SQL over the store's actuals (see `Tracked.place`).
PLACE_SQL = "platform || CASE WHEN site_group = '' THEN '' ELSE '@' || site_group END"


@dataclass(frozen=True)
class Tracked:
    role_key: str
    role_title: str
    kpi: str
    platform: str
    name: Text
    short: str | None
    unit: str
    direction: str
    frequency: str
    target: ResolvedTarget | None
    data_source: str
    sort_order: int
    signed: bool = False
    above_one: bool = False   # a ratio that may pass 100 % (Kpi.above_one)
    aggregation: str = "last"
    # A watch row: a counter metric of `watch_for` (a KPI the role carries) that the role does
    # not carry itself; its target is the floor or ceiling that must hold while it is pushed.
    watch_for: str = ""
    # The sites the row covers, "US" or "MY/PH", when the platform's line differs by site (a
    # row per site group); "" when one line holds for every site of the platform.
    site_group: str = ""

    @property
    def key(self) -> tuple[str, str, str, str]:
        """The row's key in the store, the workbook and the dashboards."""
        return (self.role_key, self.kpi, self.platform, self.site_group)

    @property
    def place(self) -> str:
        """Platform and site group in one string (`tiktok_shop@MY`), for keys of three parts
        (the reviews and their issues)."""
        return f"{self.platform}{PLACE_SEP}{self.site_group}" if self.site_group else self.platform

    @property
    def rag(self) -> Rag | None:
        return rag_of(self.target) if self.target else None

    @property
    def is_goal(self) -> bool:
        return self.role_key == COMPANY

    def platform_label(self, library: Library, lang: str) -> str:
        """The platform's name, with the sites the row's target holds for when it holds for
        some of them only (the documents show every site group; a row carries the first)."""
        name = platform_name(library, self.platform, lang)
        if self.site_group:
            return f"{name} {self.site_group}"
        sites = self.target.sites if self.target else None
        return f"{name} {'/'.join(sites)}" if sites else name

    def title(self, lang: str) -> str:
        """`Advertising cost of sales · ACoS`: the name in the client's language, then the short
        name (an acronym) if it has one; never the other language's name (one language a
        document, issue 10)."""
        first = self.name.get(lang)
        other = self.short
        return first if not other or other in first else f"{first} · {other}"


def company_title(lang: str) -> str:
    return catalog.text(lang, "tracking.company_goals")


def place_name(library: Library, place: str, lang: str) -> str:
    """`TikTok Shop MY` for the place `tiktok_shop@MY`, the platform's name for a platform."""
    platform, _, group = place.partition(PLACE_SEP)
    name = platform_name(library, platform, lang)
    return f"{name} {group}" if group else name


def platform_name(library: Library, platform: str, lang: str) -> str:
    if platform == ALL:
        return catalog.text(lang, "tracking.all_platforms")
    p = library.platforms.get(platform)
    return p.name.get(lang) if p else platform


def tracked(answers: Answers, selection: Selection, library: Library) -> list[Tracked]:
    lang = selection.client.language
    out: list[Tracked] = []
    excluded = {key: set(role.exclude) for role, key in zip(answers.roles, answers.role_keys(),
                                                            strict=True)}

    def add(**kw: object) -> None:
        out.append(Tracked(sort_order=len(out) + 1, **kw))  # type: ignore[arg-type]

    for g in selection.goals:
        lib = library.kpis.get(g.kpi)
        add(role_key=COMPANY, role_title=company_title(lang), kpi=g.kpi, platform=ALL,
            name=g.name, short=lib.short if lib else None, unit=g.unit,
            direction=lib.direction if lib else "higher",
            frequency=lib.frequency if lib else "monthly", target=g.resolved_target,
            data_source=_goal_source(answers, selection, library, g.kpi, lang),
            **_kind(lib))

    for r in selection.roles:
        role = library.roles.get(r.role)
        title = r.title or (role.name.get(lang) if role else r.key)
        for k in r.kpis:
            lib = library.kpis.get(k.kpi)
            for platform, group, tg in _rows(k.targets, r.platforms,
                                             lib.platforms if lib else None,
                                             role.platform_bound if role else True,
                                             k.open_sites):
                add(role_key=r.key, role_title=title, kpi=k.kpi, platform=platform,
                    site_group=group,
                    name=k.name, short=lib.short if lib else None, unit=k.unit,
                    direction=k.direction, frequency=k.frequency, target=tg,
                    # a platform's row cites that platform's own report
                    data_source=k.sources.get(platform, k.data_source), **_kind(lib))
        carried = {k.kpi for k in r.kpis}
        # a KPI the client excluded (a quarterly review's "replace") is not watched either
        for guarded, counter in _watched(r.kpis, carried | excluded.get(r.key, set()), library):
            carried.add(counter.id)
            add(role_key=r.key, role_title=title, kpi=counter.id, platform=ALL,
                name=counter.name, short=counter.short, unit=counter.unit,
                direction=counter.direction, frequency=counter.frequency,
                target=_watch_target(counter, r.platforms, lang, selection, answers),
                data_source=_source_of(counter, answers, lang, r.platforms, library),
                watch_for=guarded,
                **_kind(counter))
    return out


def _kind(lib: Kpi | None) -> dict[str, object]:
    return ({"signed": lib.signed, "above_one": lib.above_one, "aggregation": lib.aggregation}
            if lib else {})


def _watched(kpis: list[SelectedKpi], carried: set[str], library: Library
             ) -> list[tuple[str, Kpi]]:
    """(guarded KPI, counter KPI) for each counter metric of the role's KPIs it does not carry,
    first mention only."""
    out: list[tuple[str, Kpi]] = []
    seen = set(carried)
    for k in kpis:
        for c in k.counter:
            counter = library.kpis.get(c)
            if counter is not None and c not in seen:
                seen.add(c)
                out.append((k.kpi, counter))
    return out


def _watch_target(kpi: Kpi, platforms: list[str], lang: str, selection: Selection | None = None,
                  answers: Answers | None = None) -> ResolvedTarget | None:
    """The line a watch row must hold: the platform's official line when every platform of the
    role shares one, else the library's default target, else (a kit made with --history) the
    client's recent actual, not to get worse."""
    from ..engine.targets import hold_target, library_target_for

    per = [library_target_for(kpi, p, lang) for p in platforms]
    first = per[0] if per else None
    if first is not None and all(t is not None and t.model_dump(exclude={"platform"})
                                 == first.model_dump(exclude={"platform"}) for t in per):
        return first
    found = library_target_for(kpi, None, lang)
    if found is None and selection is not None and answers is not None:
        fact = selection.baseline_for(kpi.id, platforms[0] if len(platforms) == 1 else None)
        if fact is not None:
            return hold_target(kpi, fact, answers.stage, lang, answers.client.currency)
    return found


def _platform_names(library: Library, lang: str) -> dict[str, str]:
    """Platform ids as a document in `lang` names them (TikTok Shop, not `tiktok_shop`)."""
    return {pid: p.name.get(lang) for pid, p in library.platforms.items()}


def _source_of(kpi: Kpi, answers: Answers, lang: str, platforms: list[str],
               library: Library) -> str:
    """A watched KPI's source on the role's platforms where the KPI applies (a Lazada role is
    not sent to Shopee's console), each platform under its own name."""
    from ..engine.sources import data_source_for

    on = [p for p in platforms if kpi.platforms is None or p in kpi.platforms]
    return data_source_for(kpi, answers, lang, on or None, _platform_names(library, lang))[1]


def _rows(targets: list[ResolvedTarget], role_platforms: list[str],
          kpi_platforms: list[str] | None, platform_bound: bool,
          open_sites: dict[str, list[str]] | None = None
          ) -> list[tuple[str, str, ResolvedTarget | None]]:
    """(platform, site group, target) rows. Where the platform's line differs by site
    (TikTok Shop US vs MY, Walmart US vs CA), one row per site group, and one for the sites
    that have no line yet (`open_sites`), so that no group goes untracked."""
    shared = next((t for t in targets if t.platform is None), None)
    if shared is not None or not role_platforms:
        return [(ALL, "", shared)]
    by_platform: dict[str, list[ResolvedTarget]] = {}
    for t in targets:
        if t.platform:
            by_platform.setdefault(t.platform, []).append(t)
    open_sites = open_sites or {}
    if by_platform or kpi_platforms is not None or platform_bound:
        plats = [p for p in role_platforms if kpi_platforms is None or p in kpi_platforms]
        if plats:
            out: list[tuple[str, str, ResolvedTarget | None]] = []
            for p in plats:
                own = by_platform.get(p, [])
                grouped = any(t.sites for t in own) or p in open_sites
                if not grouped:
                    out.append((p, "", own[0] if own else None))
                    continue
                out += [(p, "/".join(t.sites or ()), t) for t in own]
                if open_sites.get(p):
                    out.append((p, "/".join(open_sites[p]), None))
            return out
    return [(ALL, "", None)]


def _goal_source(answers: Answers, selection: Selection, library: Library, kpi: str,
                 lang: str) -> str:
    for r in selection.roles:
        for k in r.kpis:
            if k.kpi == kpi:
                return k.data_source
    lib = library.kpis.get(kpi)
    if lib is None:
        return ""
    from ..engine.sources import data_source_for

    return data_source_for(lib, answers, lang, None, _platform_names(library, lang))[1]
