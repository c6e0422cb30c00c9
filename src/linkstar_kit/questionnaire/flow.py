"""The questionnaire: the method's sections in order, each answer validated as it is given.

Scope, goals, platforms, roles, data systems, review cadence, incentives (the method's six
steps, after who the client is). A section can be asked again from the summary; every question
then starts from the answer already given (or from `--from FILE`'s), so amending a profile is
the same walk with other defaults.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import types
from collections.abc import Sequence
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from ..answers.models import (
    Answers,
    Client,
    PlatformEntry,
    Quarterly,
    Review,
    Scope,
    Systems,
    Weekly,
    slugify,
)
from ..errors import Issue, KeyPath
from ..library.loader import Library
from ..library.models import Kpi, Text
from ..periods import HORIZON_MONTHS, horizon_end, next_monday
from .draft import Draft, render_issue
from .prompter import Prompter
from .texts import Texts

SECTIONS = ("client", "scope", "goals", "platforms", "roles", "systems", "review", "incentives")
# The answers file's top-level keys, by the section that asks them.
SECTION_KEYS: dict[str, set[str]] = {
    "client": {"version", "client"},
    "scope": {"scope", "stage", "team_size", "sku_count", "categories"},
    "goals": {"goals"},
    "platforms": {"platforms"},
    "roles": {"roles"},
    "systems": {"systems"},
    "review": {"review"},
    "incentives": {"incentives"},
}
_OTHER = "\x00other"
_REMOVE = "\x00remove"
GOAL_CHOICES = 12


def choices_of(model: type[BaseModel], name: str) -> list[Any]:
    """The values a Literal field of an answers model allows, in the model's order."""
    return _literal_args(model.model_fields[name].annotation)


def _literal_args(ann: Any) -> list[Any]:
    origin = get_origin(ann)
    if origin is Literal:
        return list(get_args(ann))
    if origin in (Annotated, Union, types.UnionType, list):
        for arg in get_args(ann):
            found = _literal_args(arg)
            if found:
                return found
    return []


def parse_answer(text: str, kind: str) -> Any:
    """The typed text as the value to validate: None when empty, else a number, list or text.

    Text that does not read as the kind is handed on as it is, so that the validation of the
    answers file reports it ("expected a number, got 'abc'").
    """
    s = text.strip()
    if not s:
        return None
    if kind == "int":
        digits = s.replace(",", "").replace("，", "")
        # Past 4,000 digits int() raises (Python's conversion limit) inside the prompt's event
        # loop; the text goes on to validation, which refuses it as not a whole number.
        return int(digits) if re.fullmatch(r"[+-]?\d{1,4000}", digits) else s
    if kind == "float":
        plain = s.replace(",", "").replace("，", "")
        percent = plain.endswith("%") or plain.endswith("％")
        number = plain.rstrip("%％").strip()
        try:
            value = float(number)
        except ValueError:
            return s
        if percent:
            value = round(value / 100, 10)
        return int(value) if value.is_integer() and "." not in number and not percent else value
    if kind in ("list", "sites"):
        items = [x for x in re.split(r"[,，、;；\s]+", s) if x]
        return [x.upper() for x in items] if kind == "sites" else items
    if kind == "code":
        return s.upper()
    return s


def show_answer(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class Questionnaire:
    """Asks for an answers file's content; `run` returns the validated Answers or None."""

    def __init__(self, library: Library, lang: str, prompter: Prompter, *,
                 defaults: dict[str, Any] | None = None, today: dt.date | None = None,
                 target: str = "answers.yaml") -> None:
        self.lib = library
        self.lang = lang
        self.t = Texts(lang)
        self.p = prompter
        self.p.lang = lang
        self.draft = Draft(library, defaults)
        self.today = today or dt.date.today()
        self.target = target

    # --- the walk -----------------------------------------------------------------------

    def run(self) -> Answers | None:
        self.p.say(self.t("intro"))
        for name in SECTIONS:
            self.section(name)
        while True:
            answers, issues = self.draft.validate()
            if issues or answers is None:
                self.show_issues(issues)
                self.section(self.section_of(issues))
                continue
            self.show_summary(answers)
            actions: list[tuple[str, str]] = [("write", self.t("write", file=self.target))]
            actions += [(s, self.t("change", section=self.t(f"sec_{s}"))) for s in SECTIONS]
            actions.append(("quit", self.t("quit")))
            choice = self.p.select(self.t("next"), actions, default="write")
            if choice == "write":
                return answers
            if choice == "quit":
                return None
            self.section(choice)

    def section(self, name: str) -> None:
        n = SECTIONS.index(name) + 1
        self.p.say()
        self.p.say(self.t("section_head", n=n, total=len(SECTIONS), title=self.t(f"sec_{name}")),
                   "bold")
        while True:
            getattr(self, f"ask_{name}")()
            issues = self.draft.issues_in(SECTION_KEYS[name])
            if not issues:
                return
            self.show_issues(issues)

    def section_of(self, issues: Sequence[Issue]) -> str:
        for issue in issues:
            if issue.path:
                for name, keys in SECTION_KEYS.items():
                    if issue.path[0] in keys:
                        return name
        return SECTIONS[0]

    def show_issues(self, issues: Sequence[Issue]) -> None:
        from ..errors import format_path

        self.p.say(self.t("problems"), "fg:ansired")
        for i in issues:
            self.p.say(f"  {format_path(i.path)}: {render_issue(i)}", "fg:ansired")

    # --- one question -------------------------------------------------------------------

    def ask(self, path: KeyPath, message: str, *, kind: str = "text", default: Any = None,
            instruction: str | None = None) -> Any:
        """A typed answer at `path`; the draft's value (else `default`) is offered first."""
        current = self.draft.get(path)
        shown = show_answer(current if current is not None else default)

        def check(text: str) -> bool | str:
            value = parse_answer(text, kind)
            issues = self.draft.issues_at(path, value)
            if not issues:
                return True
            if value is None:
                return self.t("required")
            return "; ".join(render_issue(i) for i in issues)

        text = self.p.text(message, default=shown, validate=check, instruction=instruction)
        value = parse_answer(text, kind)
        self.draft.set(path, value)
        return value

    def choose(self, path: KeyPath, message: str, choices: Sequence[tuple[Any, str]], *,
               default: Any = None) -> Any:
        """One of `choices` at `path`, asked again while the answers' checks refuse it."""
        current = self.draft.get(path)
        while True:
            value = self.p.select(message, choices,
                                  default=current if current is not None else default)
            issues = self.draft.issues_at(path, value)
            if not issues:
                self.draft.set(path, value)
                return value
            self.show_issues(issues)
            current = value

    def pick(self, path: KeyPath, message: str, choices: Sequence[tuple[Any, str]], *,
             checked: Sequence[Any] = (), wrap: Any = None) -> list[Any]:
        """Several of `choices` at `path` (an empty pick removes the key)."""

        def check(values: list[Any]) -> bool | str:
            issues = self.draft.issues_at(path, wrap(values) if wrap else (values or None))
            return True if not issues else "; ".join(render_issue(i) for i in issues)

        values = self.p.checkbox(message, choices, checked=checked, validate=check)
        # What was there keeps its order (an amended file reads as before); new picks follow.
        return [v for v in checked if v in values] + [v for v in values if v not in checked]

    # --- labels -------------------------------------------------------------------------

    def both(self, text: Text) -> str:
        """A library name in the questionnaire's language, with the other one beside it."""
        main, other = text.get(self.lang), text.get("en" if self.lang == "zh" else "zh")
        return main if main == other else f"{main} · {other}"

    def platform_name(self, platform_id: str) -> str:
        p = self.lib.platforms.get(platform_id)
        return p.name.get(self.lang) if p else platform_id

    def kpi_name(self, kpi_id: str) -> str:
        kpi = self.lib.kpis.get(kpi_id)
        return kpi.name.get(self.lang) if kpi else kpi_id

    def values(self, kind: str, values: Sequence[str]) -> list[tuple[str, str]]:
        return [(v, self.t.value(kind, v)) for v in values]

    # --- sections -----------------------------------------------------------------------

    def ask_client(self) -> None:
        t = self.t
        name = self.ask(("client", "name"), t("client_name"))
        current_slug = self.draft.get(("client", "slug"))
        self.ask(("client", "slug"), t("slug"), default=current_slug or slugify(str(name)))
        self.choose(("client", "language"), t("language"),
                    self.values("language", choices_of(Client, "language")), default=self.lang)
        self.ask(("client", "currency"), t("currency"), kind="code",
                 default=Client.model_fields["currency"].default)
        zone = "Asia/Shanghai" if self.lang == "zh" else Client.model_fields["timezone"].default
        self.ask(("client", "timezone"), t("timezone"), default=zone)

    def ask_scope(self) -> None:
        t = self.t
        level = self.choose(("scope", "level"), t("level"),
                            self.values("level", choices_of(Scope, "level")), default="company")
        if level == "company":
            self.draft.set(("scope", "name"), None)
        else:
            self.ask(("scope", "name"), t("scope_name"))
        self.ask(("scope", "start"), t("start"), kind="date",
                 default=next_monday(self.today).isoformat())
        self.choose(("scope", "horizon"), t("horizon"),
                    self.values("horizon", choices_of(Scope, "horizon")), default="quarter")
        self.choose(("stage",), t("stage"), self.values("stage", choices_of(Answers, "stage")),
                    default="growth")
        self.ask(("team_size",), t("team_size"), kind="int")
        self.ask(("sku_count",), t("sku_count"), kind="int")
        if self.lib.categories:
            cats = self.pick(("categories",), t("categories"),
                             [(c.id, self.both(c.name)) for c in self.lib.categories.values()],
                             checked=self.draft.get(("categories",)) or [])
            self.draft.set(("categories",), cats or None)

    # goals

    def goal_choices(self) -> list[str]:
        """The natural top goals: outcome (lag) KPIs that other KPIs of the library drive,
        most-driven first, at most GOAL_CHOICES; the rest stay one "other KPI" away."""
        driven: dict[str, int] = {}
        for k in self.lib.kpis.values():
            for d in k.drives:
                if d in self.lib.kpis and self.lib.kpis[d].kind == "lag":
                    driven[d] = driven.get(d, 0) + 1
        ranked = sorted(driven, key=lambda d: (-driven[d], d))
        ids = [d for d in ranked if driven[d] >= 2] or ranked
        if not ids:
            ids = [k.id for k in self.lib.kpis.values() if k.kind == "lag"] or list(self.lib.kpis)
        return ids[:GOAL_CHOICES]

    def ask_goals(self) -> None:
        goals = self.draft.get(("goals",))
        if not isinstance(goals, list) or not goals:
            self.draft.set(("goals",), [{}])
        i = 0
        while True:
            goals = self.draft.get(("goals",))
            if i >= len(goals):
                if not self.p.confirm(self.t("more_goals"), default=False):
                    break
                goals.append({})
            if self.ask_goal(i, removable=len(goals) > 1):
                i += 1
            else:
                del goals[i]

    def ask_goal(self, i: int, *, removable: bool) -> bool:
        """Ask goal `i`; False when the person removes it."""
        t = self.t
        base: KeyPath = ("goals", i)
        listed = self.goal_choices()
        current = self.draft.get((*base, "kpi"))
        if current is not None and current not in listed:
            listed.insert(0, current)
        choices: list[tuple[str, str]] = [
            (k, self.both(self.lib.kpis[k].name) if k in self.lib.kpis else k) for k in listed]
        if len(listed) < len(self.lib.kpis):
            choices.append((_OTHER, t("goal_other")))
        if removable:
            choices.append((_REMOVE, t("goal_remove")))
        while True:
            kid = self.p.select(t("goal_kpi", n=i + 1), choices, default=current or listed[0])
            if kid == _REMOVE:
                return False
            if kid == _OTHER:
                kid = self.p.select(t("goal_all", n=i + 1),
                                    [(k.id, self.both(k.name)) for k in self.lib.kpis.values()],
                                    default=current, search=True)
            issues = self.draft.issues_at((*base, "kpi"), kid)
            if not issues:
                break
            self.show_issues(issues)
        self.draft.set((*base, "kpi"), kid)
        kpi = self.lib.kpis[kid]
        name = kpi.name.get(self.lang)
        hint = t("ratio_hint") if kpi.unit == "ratio" else None
        self.ask((*base, "target"), t("goal_target", kpi=name, unit=self.unit(kpi)),
                 kind="float", instruction=hint)
        start = self.draft.get(("scope", "start"))
        by_default = None
        with contextlib.suppress(ValueError):
            horizon = str(self.draft.get(("scope", "horizon"), "quarter"))
            by_default = horizon_end(dt.date.fromisoformat(str(start)),
                                     horizon if horizon in HORIZON_MONTHS else "quarter")
        self.ask((*base, "by"), t("goal_by"), kind="date",
                 default=by_default.isoformat() if by_default else None)
        self.ask((*base, "baseline"), t("goal_baseline", kpi=name), kind="float",
                 instruction=hint)
        return True

    def unit(self, kpi: Kpi) -> str:
        currency = self.draft.get(("client", "currency")) or "USD"
        return self.t.value("unit", kpi.unit, currency=currency)

    # platforms

    def ask_platforms(self) -> None:
        t = self.t
        entries = [p for p in self.draft.get(("platforms",)) or [] if isinstance(p, dict)]
        by_id = {p.get("id"): p for p in entries}
        default = ["amazon"] if "amazon" in self.lib.platforms else list(self.lib.platforms)[:1]
        checked = [p for p in by_id if p] or default
        ids = self.pick(("platforms",), t("platforms"),
                        [(p.id, self.both(p.name)) for p in self.lib.platforms.values()],
                        checked=checked, wrap=lambda vs: [by_id.get(v, {"id": v}) for v in vs])
        kept = [by_id[p] for p in by_id if p in ids] + [{"id": p} for p in ids if p not in by_id]
        self.draft.set(("platforms",), kept)
        for i, entry in enumerate(kept):
            platform = self.lib.platforms[entry["id"]]
            pname = platform.name.get(self.lang)
            hint = t("sites_hint", sites=", ".join(platform.sites)) if platform.sites else None
            self.ask(("platforms", i, "sites"), t("sites", platform=pname), kind="sites",
                     instruction=hint)
            allowed = choices_of(PlatformEntry, "fulfillment")
            offered = [f for f in allowed if f in platform.fulfillment] or list(allowed)
            have = list(entry.get("fulfillment") or [])
            offered += [f for f in have if f not in offered]
            chosen = self.pick(("platforms", i, "fulfillment"), t("fulfillment", platform=pname),
                               self.values("fulfillment", offered), checked=have)
            self.draft.set(("platforms", i, "fulfillment"), chosen or None)
        # A platform taken off the list is taken off every role that named it.
        for role in self.draft.get(("roles",)) or []:
            if isinstance(role, dict) and isinstance(role.get("platforms"), list):
                left = [p for p in role["platforms"] if p in ids]
                if left:
                    role["platforms"] = left
                else:
                    role.pop("platforms")

    # roles

    def ask_roles(self) -> None:
        t = self.t
        entries = [r for r in self.draft.get(("roles",)) or [] if isinstance(r, dict)]
        have = list(dict.fromkeys(r.get("role") for r in entries if r.get("role")))
        default = ["operations"] if "operations" in self.lib.roles else list(self.lib.roles)[:1]

        def wrap(values: list[str]) -> list[dict[str, Any]]:
            return [r for r in entries if r.get("role") in values] + [
                {"role": v} for v in values if v not in have]

        ids = self.pick(("roles",), t("roles"),
                        [(r.id, self.both(r.name)) for r in self.lib.roles.values()],
                        checked=have or default, wrap=wrap)
        platforms: list[str] = [str(p.get("id")) for p in self.draft.get(("platforms",)) or []]
        roles, split = self.split_by_platform(wrap(ids), platforms)
        self.draft.set(("roles",), roles)
        for i, entry in enumerate(roles):
            role = self.lib.roles.get(entry["role"])
            label = role.name.get(self.lang) if role else entry["role"]
            if id(entry) in split:
                label += t("for_platform", platform=self.platform_name(entry["platforms"][0]))
            elif sum(1 for r in roles if r["role"] == entry["role"]) > 1 and entry.get("key"):
                label += f" ({entry['key']})"
            self.ask(("roles", i, "headcount"), t("headcount", role=label), kind="int",
                     default=1)
            self.ask(("roles", i, "title"), t("title", role=label))
            if len(platforms) > 1 and id(entry) not in split:
                chosen = self.pick(("roles", i, "platforms"), t("role_platforms", role=label),
                                   [(p, self.both(self.lib.platforms[p].name)
                                     if p in self.lib.platforms else p) for p in platforms],
                                   checked=entry.get("platforms") or platforms,
                                   wrap=lambda vs: vs)
                self.draft.set(("roles", i, "platforms"),
                               None if set(chosen) == set(platforms) else chosen)
            elif id(entry) not in split:
                self.draft.set(("roles", i, "platforms"), None)
            # Pins and exclusions come from a file (--from); a person may drop them here, as
            # a change of platforms can leave a pinned KPI with nowhere to apply.
            for name in ("pin", "exclude"):
                listed: list[str] = list(entry.get(name) or [])
                if listed:
                    kept = self.pick(("roles", i, name), t(f"role_{name}", role=label),
                                     [(k, self.both(self.lib.kpis[k].name)
                                       if k in self.lib.kpis else k) for k in listed],
                                     checked=listed, wrap=lambda vs: vs)
                    self.draft.set(("roles", i, name), kept or None)

    def split_by_platform(self, entries: list[dict[str, Any]], platforms: list[str]
                          ) -> tuple[list[dict[str, Any]], set[int]]:
        """For a role that works per platform, one entry per platform if the person wants
        (an Amazon team and a Shopee team). Returns the entries and the ids of split ones."""
        out: list[dict[str, Any]] = []
        split: set[int] = set()
        for rid in dict.fromkeys(e["role"] for e in entries):
            group = [e for e in entries if e["role"] == rid]
            role = self.lib.roles.get(rid)
            per_platform = all(isinstance(e.get("platforms"), list) and len(e["platforms"]) == 1
                               and e["platforms"][0] in platforms for e in group)
            if role is None or not role.platform_bound or len(platforms) < 2 or (
                    len(group) > 1 and not per_platform):
                out += group
                continue
            if not self.p.confirm(self.t("split", role=role.name.get(self.lang)),
                                  default=len(group) > 1):
                if len(group) == 1:
                    out += group
                else:  # one entry again, with everyone in it
                    out.append({"role": rid,
                                "headcount": sum(int(e.get("headcount") or 1) for e in group)})
                continue
            mine = {e["platforms"][0]: e for e in group} if per_platform else {}
            base = rid.replace("_", "-")
            for p in platforms:
                entry = mine.get(p) or {"role": rid, "key": f"{base}-{p.replace('_', '-')}",
                                        "platforms": [p]}
                out.append(entry)
                split.add(id(entry))
        return out, split

    # systems, review, incentives

    def ask_systems(self) -> None:
        for name in ("erp", "ads", "finance", "bi"):
            self.choose(("systems", name), self.t(name),
                        self.values(name, choices_of(Systems, name)),
                        default=Systems.model_fields[name].default)

    def review_now(self) -> Review:
        try:
            return Review.model_validate(self.draft.get(("review",)) or {})
        except ValueError:
            return Review()

    def cadence(self, review: Review) -> str:
        t = self.t
        w, m, q = review.weekly, review.monthly, review.quarterly
        qtext = (t("cadence_q", qd=q.day, qt=q.time, qm=q.minutes) if q is not False
                 else t("cadence_no_q"))
        return t("cadence", wd=t.value("weekday", w.weekday), wt=w.time, wm=w.minutes,
                 md=m.day, mt=m.time, mm=m.minutes, q=qtext)

    def ask_review(self) -> None:
        t = self.t
        review = self.review_now()
        self.p.say(t("review_now", summary=self.cadence(review)))
        if self.p.confirm(t("review_keep"), default=True):
            return
        self.draft.set(("review",), review.model_dump())
        self.choose(("review", "weekly", "weekday"), t("weekly_weekday"),
                    self.values("weekday", choices_of(Weekly, "weekday")))
        self.ask(("review", "weekly", "time"), t("weekly_time"))
        self.ask(("review", "weekly", "minutes"), t("weekly_minutes"), kind="int")
        self.ask(("review", "monthly", "day"), t("monthly_day"), kind="int")
        self.ask(("review", "monthly", "time"), t("monthly_time"))
        self.ask(("review", "monthly", "minutes"), t("monthly_minutes"), kind="int")
        if not self.p.confirm(t("quarterly_on"), default=review.quarterly is not False):
            self.draft.set(("review", "quarterly"), False)
            return
        if self.draft.get(("review", "quarterly")) is False:
            self.draft.set(("review", "quarterly"), Quarterly().model_dump())
        self.ask(("review", "quarterly", "day"), t("quarterly_day"), kind="int")
        self.ask(("review", "quarterly", "time"), t("quarterly_time"))
        self.ask(("review", "quarterly", "minutes"), t("quarterly_minutes"), kind="int")

    def ask_incentives(self) -> None:
        t = self.t
        linked = self.p.confirm(t("linked_to_pay"),
                                default=bool(self.draft.get(("incentives", "linked_to_pay"))))
        self.draft.set(("incentives", "linked_to_pay"), linked)
        if linked:
            current = self.draft.get(("incentives", "kpi_weight_percent"))
            self.ask(("incentives", "kpi_weight_percent"), t("kpi_weight"), kind="int",
                     default=current or 30)
        else:
            self.draft.set(("incentives", "kpi_weight_percent"), None)

    # --- summary ------------------------------------------------------------------------

    def show_summary(self, a: Answers) -> None:
        t, say = self.t, self.p.say
        say()
        say(f"── {t('summary')} ──", "bold")
        head = lambda s: say(t("heading", title=t(f"sec_{s}")), "bold")  # noqa: E731
        sep = t("sep")
        head("client")
        c = a.client
        say("  " + t("s_client", name=c.name, slug=c.effective_slug(),
                     language=t.value("language", c.language), currency=c.currency,
                     timezone=c.timezone))
        head("scope")
        s = a.scope
        level = t.value("level", s.level) + (f" {s.name}" if s.name else "")
        skus = t("s_skus", n=a.sku_count) if a.sku_count is not None else ""
        say("  " + t("s_scope", level=level, start=s.start.isoformat(),
                     horizon=t.value("horizon", s.horizon), stage=t.value("stage", a.stage),
                     team=a.team_size, skus=skus))
        if a.categories:
            names = [self.lib.categories[c].name.get(self.lang) if c in self.lib.categories
                     else c for c in a.categories]
            say("  " + t("s_categories", list=sep.join(names)))
        head("goals")
        for g in a.goals:
            kpi = self.lib.kpis.get(g.kpi)
            base = (t("s_baseline", value=self.amount(kpi, g.baseline))
                    if g.baseline is not None else "")
            say("  " + t("s_goal", kpi=self.kpi_name(g.kpi), target=self.amount(kpi, g.target),
                         by=g.by.isoformat(), baseline=base))
        head("platforms")
        for p in a.platforms:
            lib_p = self.lib.platforms.get(p.id)
            say("  " + t("s_platform", name=lib_p.name.get(self.lang) if lib_p else p.id,
                         sites=sep.join(p.sites) or t("none"),
                         fulfillment=sep.join(t.value("fulfillment", f) for f in p.fulfillment)
                         or t("none")))
        head("roles")
        for r, key in zip(a.roles, a.role_keys(), strict=True):
            role = self.lib.roles.get(r.role)
            plats = r.platforms if r.platforms is not None else None
            say("  " + t("s_role", name=(role.name.get(self.lang) if role else r.role),
                         title=f" [{r.title}]" if r.title else "", n=r.headcount,
                         platforms=sep.join(self.platform_name(p) for p in plats) if plats
                         else t("all_platforms")) + f"  ({key})")
        head("systems")
        sy = a.systems
        say("  " + t("s_systems", erp=t.value("erp", sy.erp), ads=t.value("ads", sy.ads),
                     finance=t.value("finance", sy.finance), bi=t.value("bi", sy.bi)))
        head("review")
        say("  " + self.cadence(a.review))
        head("incentives")
        say("  " + t("s_incentives", linked=t("yes") if a.incentives.linked_to_pay else t("no"),
                     weight=a.incentives.kpi_weight_percent))
        say()

    def amount(self, kpi: Kpi | None, value: float | None) -> str:
        if value is None:
            return ""
        shown = show_answer(value)
        if kpi is not None and kpi.unit == "ratio":
            return f"{shown} ({round(value * 100, 4):g}%)"
        if kpi is not None and kpi.unit in ("currency", "money_per_unit"):
            return f"{shown} {self.draft.get(('client', 'currency')) or 'USD'}"
        return shown


__all__ = ["Questionnaire", "SECTIONS", "choices_of", "next_monday", "parse_answer"]
