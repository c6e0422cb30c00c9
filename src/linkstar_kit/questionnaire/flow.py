"""The questionnaire in a terminal: the method's sections in order, each answer validated as it
is given. The questions themselves (paths, kinds, choices, defaults, conditions) are the
declarative model of `spec.py`, which the web pages walk too; this module adds what only a
terminal walk needs (one goal at a time, "another KPI...", keep-this-cadence, split a role per
platform).

Scope, goals, platforms, roles, data systems, review cadence, incentives (the method's six
steps, after who the client is). A section can be asked again from the summary; every question
then starts from the answer already given (or from `--from FILE`'s), so amending a profile is
the same walk with other defaults.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..answers.models import Answers, Review
from ..errors import Issue, KeyPath
from ..library.loader import Library
from ..library.models import Kpi, Text
from ..periods import next_monday
from . import spec
from .draft import Draft, render_issue
from .prompter import Prompter
from .spec import (
    GOAL_CHOICES,
    SECTION_KEYS,
    SECTIONS,
    Ctx,
    Question,
    choices_of,
    parse_answer,
    show_answer,
)
from .texts import Texts

_OTHER = "\x00other"
_REMOVE = "\x00remove"


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

    # --- a question of the spec -----------------------------------------------------------

    def ctx(self, item: int | None = None) -> Ctx:
        return Ctx(self.lib, self.draft.data, self.lang, self.today, item)

    def labelled(self, q: Question, values: Sequence[Any]) -> list[tuple[Any, str]]:
        return [(v, spec.label(self.lib, self.t, self.lang, q.labels, v, both=True))
                for v in values]

    def ask_q(self, q: Question, item: int | None = None, *, hint: str | None = None,
              **fmt: Any) -> Any:
        """Ask `q` (of spec.py) at `item` the way its kind is asked; a question that does not
        apply is removed from the draft, so the model's default (or nothing) stands."""
        ctx = self.ctx(item)
        path = q.at(item)
        if not q.applies(ctx):
            if isinstance(self.draft.get(path[:-1]), dict):
                self.draft.set(path, None)
            return None
        message = self.t(q.text, **fmt)
        default = q.default(ctx) if q.default else None
        current = self.draft.get(path)
        if q.kind == "choice":
            values = q.choices(ctx) if q.choices else []
            return self.choose(path, message, self.labelled(q, values), default=default)
        if q.kind == "multi":
            values = q.choices(ctx) if q.choices else []
            chosen = self.pick(path, message, self.labelled(q, values),
                               checked=current if isinstance(current, list) else default or [])
            self.draft.set(path, chosen or None)
            return chosen
        if q.kind == "bool":
            value = self.p.confirm(message, default=bool(current if current is not None
                                                         else default))
            self.draft.set(path, value)
            return value
        if q.kind == "enabled":
            on = self.p.confirm(message, default=current is not False)
            if not on:
                self.draft.set(path, False)
            elif not isinstance(current, dict):
                self.draft.set(path, default)
            return on
        return self.ask(path, message, kind=q.kind, default=default, instruction=hint)

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
        for q in spec.CLIENT.questions:
            self.ask_q(q)

    def ask_scope(self) -> None:
        for q in spec.SCOPE.questions:
            self.ask_q(q)

    # goals

    def goal_choices(self) -> list[str]:
        return spec.goal_choices(self.lib)

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
        kpi_q, target_q, by_q, baseline_q, fixed_q = spec.GOALS.item_questions
        path = kpi_q.at(i)
        listed = self.goal_choices()
        current = self.draft.get(path)
        if current is not None and current not in listed:
            listed.insert(0, current)
        choices: list[tuple[str, str]] = self.labelled(kpi_q, listed)
        if len(listed) < len(self.lib.kpis):
            choices.append((_OTHER, t("goal_other")))
        if removable:
            choices.append((_REMOVE, t("goal_remove")))
        while True:
            kid = self.p.select(t(kpi_q.text, n=i + 1), choices, default=current or listed[0])
            if kid == _REMOVE:
                return False
            if kid == _OTHER:
                kid = self.p.select(t("goal_all", n=i + 1),
                                    self.labelled(kpi_q, kpi_q.choices(self.ctx(i))
                                                  if kpi_q.choices else []),
                                    default=current, search=True)
            issues = self.draft.issues_at(path, kid)
            if not issues:
                break
            self.show_issues(issues)
        self.draft.set(path, kid)
        kpi = self.lib.kpis[kid]
        name = kpi.name.get(self.lang)
        hint = t("ratio_hint") if kpi.unit == "ratio" else None
        self.ask_q(target_q, i, hint=hint, kpi=name, unit=self.unit(kpi))
        self.ask_q(by_q, i)
        self.ask_q(baseline_q, i, hint=hint, kpi=name)
        if fixed_q.applies(self.ctx(i)):
            self.ask_q(fixed_q, i, hint=t("ratio_hint"))
        return True

    def unit(self, kpi: Kpi) -> str:
        currency = self.draft.get(("client", "currency")) or "USD"
        return self.t.value("unit", kpi.unit, currency=currency)

    # platforms

    def ask_platforms(self) -> None:
        t = self.t
        pick_q = spec.PLATFORMS.pick
        assert pick_q is not None
        entries = [p for p in self.draft.get(("platforms",)) or [] if isinstance(p, dict)]
        by_id = {p.get("id"): p for p in entries}
        default = pick_q.default(self.ctx()) if pick_q.default else []
        checked = [p for p in by_id if p] or default
        ids = self.pick(pick_q.path, t(pick_q.text),
                        self.labelled(pick_q, pick_q.choices(self.ctx()) if pick_q.choices
                                      else []),
                        checked=checked, wrap=lambda vs: [by_id.get(v, {"id": v}) for v in vs])
        kept = [by_id[p] for p in by_id if p in ids] + [{"id": p} for p in ids if p not in by_id]
        self.draft.set(("platforms",), kept)
        sites_q, fulfil_q = spec.PLATFORMS.item_questions
        for i, entry in enumerate(kept):
            platform = self.lib.platforms[entry["id"]]
            pname = platform.name.get(self.lang)
            hint = t(sites_q.hint, sites=", ".join(platform.sites)) \
                if platform.sites and sites_q.hint else None
            self.ask_q(sites_q, i, hint=hint, platform=pname)
            self.ask_q(fulfil_q, i, platform=pname)
        spec.drop_platforms_from_roles(self.draft.data, ids)

    # roles

    def ask_roles(self) -> None:
        t = self.t
        entries = [r for r in self.draft.get(("roles",)) or [] if isinstance(r, dict)]
        have = list(dict.fromkeys(r.get("role") for r in entries if r.get("role")))
        default = spec.ROLES.pick.default(self.ctx()) if spec.ROLES.pick and \
            spec.ROLES.pick.default else []

        def wrap(values: list[str]) -> list[dict[str, Any]]:
            return [r for r in entries if r.get("role") in values] + [
                {"role": v} for v in values if v not in have]

        pick_q = spec.ROLES.pick
        assert pick_q is not None
        ids = self.pick(pick_q.path, t(pick_q.text),
                        self.labelled(pick_q, pick_q.choices(self.ctx()) if pick_q.choices
                                      else []),
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
            headcount_q, title_q, platforms_q, *kpi_qs = spec.ROLES.item_questions
            self.ask_q(headcount_q, i, role=label)
            self.ask_q(title_q, i, role=label)
            if platforms_q.applies(self.ctx(i)) and id(entry) not in split:
                chosen = self.pick(platforms_q.at(i), t(platforms_q.text, role=label),
                                   self.labelled(platforms_q, platforms),
                                   checked=entry.get("platforms") or platforms,
                                   wrap=lambda vs: vs)
                self.draft.set(platforms_q.at(i), spec.role_platforms(chosen, platforms))
            elif id(entry) not in split:
                self.draft.set(("roles", i, "platforms"), None)
            # Pins and exclusions come from a file (--from); a person may drop them here, as
            # a change of platforms can leave a pinned KPI with nowhere to apply.
            for q in kpi_qs:
                if q.applies(self.ctx(i)):
                    listed: list[str] = q.choices(self.ctx(i)) if q.choices else []
                    kept = self.pick(q.at(i), t(q.text, role=label), self.labelled(q, listed),
                                     checked=listed, wrap=lambda vs: vs)
                    self.draft.set(q.at(i), kept or None)

    def split_by_platform(self, entries: list[dict[str, Any]], platforms: list[str]
                          ) -> tuple[list[dict[str, Any]], set[int]]:
        """For a role that works per platform, one entry per platform if the person wants
        (an Amazon team and a Shopee team). Returns the entries and the ids of split ones."""
        out: list[dict[str, Any]] = []
        split: set[int] = set()
        for rid in dict.fromkeys(e["role"] for e in entries):
            group = [e for e in entries if e["role"] == rid]
            if not spec.can_split(self.lib, rid, group, platforms):
                out += group
                continue
            name = self.lib.roles[rid].name.get(self.lang)
            if not self.p.confirm(self.t("split", role=name), default=len(group) > 1):
                out += spec.joined_entries(rid, group)
                continue
            for entry in spec.split_entries(rid, group, platforms):
                out.append(entry)
                split.add(id(entry))
        return out, split

    # systems, review, incentives

    def ask_systems(self) -> None:
        for q in spec.SYSTEMS.questions:
            self.ask_q(q)

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
        if spec.SUBDIVISION.applies(self.ctx()):
            zone = spec._zone_subdivision(self.ctx())
            self.ask_q(spec.SUBDIVISION, hint=t("subdivision_from_zone", zone=zone)
                       if zone else t("subdivision_hint"))
        review = self.review_now()
        self.p.say(t("review_now", summary=self.cadence(review)))
        if self.p.confirm(t("review_keep"), default=True):
            return
        self.draft.set(("review",), review.model_dump())
        for q in spec.REVIEW.questions:
            if q is not spec.SUBDIVISION:
                self.ask_q(q)

    def ask_incentives(self) -> None:
        for q in spec.INCENTIVES.questions:
            self.ask_q(q)

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


__all__ = ["GOAL_CHOICES", "Questionnaire", "SECTIONS", "choices_of", "next_monday", "parse_answer",
           "show_answer"]
