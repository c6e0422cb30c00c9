"""The web pages' walk of the questionnaire's model (questionnaire/spec.py): a section as form
fields, a submitted form back into the draft, and the draft's problems placed on the fields.

Field names: a question's dotted key ("client.name", "stage"); an item of a list section by
what identifies it: "goals.0.target", "platforms.amazon.sites", "roles.operations.headcount".
Every platform and role of the library has its fields on the page (hidden while unchecked) so
that a browser can show them as they are checked; the server decides what applies.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import Issue, KeyPath
from ..library.loader import Library
from ..questionnaire import spec
from ..questionnaire.spec import Ctx, Question, Section, parse_answer, show_answer
from ..questionnaire.texts import Texts
from .messages import message


# The terminal's asides in a question's wording ("(optional, Enter to skip)"): the page marks
# optional questions itself, and has no Enter to press. The words that make a bracket an
# aside are the catalog's (web.asides).
def _aside(lang: str) -> re.Pattern[str]:
    from .. import catalog

    words = "|".join(re.escape(str(w)) for w in catalog.items(lang, "web.asides"))
    return re.compile(rf"\s*[(\uff08][^()\uff08\uff09]*(?:{words})[^()\uff08\uff09]*[)\uff09]")


GetList = Callable[[str], list[str]]
# Left empty, these are derived from another answer (the slug from the client's name).
_DERIVED = {"client.slug"}


@dataclass
class Field:
    name: str
    label: str
    kind: str
    value: Any                          # text for inputs, a list for "multi", bool for checks
    options: list[tuple[str, str]] = field(default_factory=list)
    applies: bool = True
    hint: str | None = None
    errors: list[str] = field(default_factory=list)
    optional: bool = False
    empty: str = ""                     # what no answer means, as the summary says it
    percent: bool = False               # a rate: the summary adds it as a percentage

    @property
    def id(self) -> str:
        """The element's id: the name, which holds no space (ids of the library)."""
        return self.name

    def shown(self, sep: str, yes: str, no: str) -> str:
        """The answer as the summary shows it."""
        names = dict(self.options)
        if self.kind == "multi":
            return sep.join(names.get(v, v) for v in self.value) or self.empty
        if self.kind in ("bool", "enabled"):
            return yes if self.value else no
        if self.percent and self.value:
            try:
                share = round(float(self.value) * 100, 6)
            except ValueError:
                return str(self.value)
            return f"{self.value} ({share:g}%)"
        return str(names.get(self.value, self.value))


@dataclass
class Group:
    key: str                            # "" for a section's own questions
    title: str | None
    fields: list[Field]
    visible: bool = True
    removable: bool = False


@dataclass
class Page:
    section: str
    groups: list[Group]
    errors: list[str]                   # problems no field shows (the whole section's)


class Walker:
    def __init__(self, library: Library, lang: str, today: dt.date | None = None) -> None:
        self.lib = library
        self.lang = lang
        self.t = Texts(lang)
        self.aside = _aside(lang)
        self.today = today or dt.date.today()

    # --- helpers ----------------------------------------------------------------------------

    def ctx(self, data: dict[str, Any], item: int | None = None) -> Ctx:
        return Ctx(self.lib, data, self.lang, self.today, item)

    def options(self, q: Question, ctx: Ctx) -> list[tuple[str, str]]:
        values = q.choices(ctx) if q.choices else []
        return [(str(v), spec.label(self.lib, self.t, self.lang, q.labels, v)) for v in values]

    def name_of(self, section: Section, q: Question, ident: str | None) -> str:
        if ident is None:
            return q.key
        return f"{section.items}.{ident}.{q.path[-1]}"

    def field(self, section: Section, q: Question, data: dict[str, Any], item: int | None,
              ident: str | None, **fmt: Any) -> Field:
        ctx = self.ctx(data, item)
        current = ctx.get(q.at(item))
        if current is None and q.default is not None and q.kind not in ("bool", "enabled"):
            current = q.default(ctx)
        if q.kind == "multi":
            value: Any = [str(v) for v in current] if isinstance(current, list) else []
        elif q.kind == "bool":
            value = bool(current if current is not None else (q.default(ctx) if q.default
                                                              else False))
        elif q.kind == "enabled":
            value = current is not False
        else:
            value = show_answer(current)
        label = self.aside.sub("", self.t(q.text, **fmt))
        hint = None
        if q.kind == "int":
            hint = self.t.part("web", "percent_hint" if q.text == "kpi_weight"
                               else "whole_number_hint")
        elif q.kind == "code" and q.path[-1] == "currency":
            hint = self.t.part("web", "currency_hint")
        return Field(self.name_of(section, q, ident), label, q.kind, value,
                     self.options(q, ctx) if q.choices else [], applies=q.applies(ctx),
                     optional=q.optional, hint=hint,
                     # a role's platforms left out: all of them
                     empty=self.t("all_platforms") if q.key == "roles.*.platforms" else "")

    # --- a section as a page ----------------------------------------------------------------

    def page(self, name: str, data: dict[str, Any], issues: Sequence[Issue] = ()) -> Page:
        section = spec.SPEC[name]
        groups: list[Group] = []
        if section.questions:
            groups.append(Group("", None, [self.field(section, q, data, None, None)
                                           for q in section.questions]))
        if name == "goals":
            groups += self._goal_groups(section, data)
        elif section.items:
            groups += self._item_groups(section, data)
        page = Page(name, groups, [])
        self._place(page, data, issues)
        return page

    def _goal_groups(self, section: Section, data: dict[str, Any]) -> list[Group]:
        goals = data.get("goals") if isinstance(data.get("goals"), list) else None
        count = max(1, len(goals or []))
        out = []
        for i in range(count):
            fields = []
            kpi_id = (goals[i].get("kpi") if goals and isinstance(goals[i], dict) else None)
            kpi = self.lib.kpis.get(str(kpi_id)) if kpi_id else None
            for q in section.item_questions:
                fmt: dict[str, Any] = {"n": i + 1}
                if q.text in ("goal_target", "goal_baseline"):
                    fmt = {"kpi": kpi.name.get(self.lang) if kpi else self.t.part("web", "kpi"),
                           "unit": self.t.value("unit", kpi.unit, currency=data.get(
                               "client", {}).get("currency") or "USD") if kpi else "…"}
                f = self.field(section, q, data, i, str(i), **fmt)
                if q.kind == "choice" and q.labels == "kpi":
                    top = spec.goal_choices(self.lib)
                    f.options.sort(key=lambda o: (o[0] not in top, top.index(o[0])
                                                  if o[0] in top else 0))
                if kpi is not None and kpi.unit == "ratio" and q.kind == "float":
                    f.hint = self.t("ratio_hint")
                    f.percent = True
                fields.append(f)
            out.append(Group(f"goals.{i}", self.t.part("web", "goal_n", n=i + 1), fields,
                             removable=count > 1))
        return out

    def _item_groups(self, section: Section, data: dict[str, Any]) -> list[Group]:
        assert section.items and section.pick
        items = section.items
        entries = [e for e in data.get(items) or [] if isinstance(e, dict)]
        id_key = "id" if items == "platforms" else "role"
        table: dict[str, Any] = self.lib.platforms if items == "platforms" else self.lib.roles
        chosen = [str(e.get(id_key)) for e in entries]
        pick = self.field(section, section.pick, data, None, None)
        # the pick's answer is the entries' ids, not the entries (mappings) themselves
        pick.value = list(dict.fromkeys(chosen))
        if not isinstance(data.get(items), list):
            # not answered yet: the default picks are checked, and their questions shown
            pick.value = chosen = [str(v) for v in (section.pick.default(self.ctx(data))
                                                    if section.pick.default else [])]
        groups = [Group("", None, [pick])]
        for ident, rec in table.items():
            name = rec.name.get(self.lang)
            have = [str(e.get(id_key)) for e in entries]
            if ident in have:
                item, view = have.index(ident), data
            else:  # as it would be once checked
                view = copy.deepcopy(data)
                view[items] = [*entries, {id_key: ident}]
                item = len(entries)
            fields = []
            for q in section.item_questions:
                fmt = {"platform": name} if items == "platforms" else {"role": name}
                f = self.field(section, q, view, item, ident, **fmt)
                if q.hint and items == "platforms" and getattr(rec, "sites", None):
                    # the page's own wording: the terminal's question says "comma-separated"
                    # in a bracket the page drops
                    f.hint = self.t.part("web", "sites_hint", sites=", ".join(rec.sites))
                fields.append(f)
            split: list[Group] = []
            if items == "roles":
                split = self._split_groups(section, view, ident, name, fields, ident in chosen)
            groups.append(Group(f"{items}.{ident}", name, fields, visible=ident in chosen))
            groups += split
        return groups

    def _split_groups(self, section: Section, data: dict[str, Any], rid: str, name: str,
                      fields: list[Field], chosen: bool) -> list[Group]:
        """A role that can work per platform: the "separate team per platform" question, and
        a group per platform (headcount, title) shown while it is answered yes."""
        platforms = self.ctx(data).platform_ids()
        entries = [e for e in data.get("roles") or [] if isinstance(e, dict)]
        group = [e for e in entries if e.get("role") == rid]
        if not spec.can_split(self.lib, rid, group, platforms):
            return []
        split = spec.is_split(group, platforms)
        fields.insert(0, Field(f"roles.{rid}.split", self.t("split", role=name), "bool", split))
        if split:
            for f in fields[1:]:
                f.applies = False
        view = copy.deepcopy(data)
        wanted = spec.split_entries(rid, copy.deepcopy(group), platforms)
        view["roles"] = [e for e in view.get("roles") or [] if isinstance(e, dict)
                         and e.get("role") != rid] + wanted
        out = []
        start = len(view["roles"]) - len(wanted)
        for n, p in enumerate(platforms):
            label = name + self.t("for_platform", platform=spec.label(
                self.lib, self.t, self.lang, "platform", p))
            subs = [self.field(section, q, view, start + n, f"{rid}.{p}", role=label)
                    for q in section.item_questions[:2]]     # headcount, title
            out.append(Group(f"roles.{rid}.{p}", label, subs, visible=chosen and split))
        return out

    def _place(self, page: Page, data: dict[str, Any], issues: Sequence[Issue]) -> None:
        by_name = {f.name: f for g in page.groups for f in g.fields}
        for issue in issues:
            name = self.field_name(data, issue.path)
            target = by_name.get(name) if name else None
            text = message(issue, self.lang, target.kind if target else None)
            if target is not None:
                # one message per field, the first (most basic) problem: the loader reports
                # a value's type before its range, a field before the checks across fields
                if not target.errors:
                    target.errors.append(text)
            elif text not in page.errors:
                page.errors.append(text)

    def field_name(self, data: dict[str, Any], path: KeyPath) -> str | None:
        """The form field that answers the value at `path`, if there is one."""
        if not path:
            return None
        section = spec.SPEC[spec.section_of_path(path)]
        if section.items and path[0] == section.items:
            if len(path) < 3 or not isinstance(path[1], int):
                return section.items
            if section.name == "goals":
                return f"goals.{path[1]}.{path[2]}"
            entries = data.get(section.items) or []
            entry = entries[path[1]] if path[1] < len(entries) else None
            ident = entry.get("id" if section.items == "platforms" else "role") \
                if isinstance(entry, dict) else None
            if ident and section.items == "roles" and isinstance(entry, dict):
                group = [e for e in entries if isinstance(e, dict) and e.get("role") == ident]
                if spec.is_split(group, [str(p.get("id")) for p in data.get("platforms") or []
                                         if isinstance(p, dict)]):
                    return f"roles.{ident}.{entry['platforms'][0]}.{path[2]}"
            return f"{section.items}.{ident}.{path[2]}" if ident else section.items
        for q in section.questions:
            if tuple(path[:len(q.path)]) == q.path:
                return q.key
        return None

    # --- a submitted form into the draft ----------------------------------------------------

    def apply(self, name: str, data: dict[str, Any], get: Callable[[str], str | None],
              getlist: GetList, action: str = "") -> dict[str, Any]:
        """The draft with the section's form applied (a new dict; `data` is left as it was)."""
        data = copy.deepcopy(data)
        data["version"] = 1
        section = spec.SPEC[name]
        for q in section.questions:
            self._set(data, q, None, self._value(q, q.key, get, getlist, data, None))
        if name == "goals":
            self._apply_goals(section, data, get, getlist, action)
        elif section.items:
            self._apply_items(section, data, get, getlist)
        return data

    def _value(self, q: Question, field_name: str, get: Callable[[str], str | None],
               getlist: GetList, data: dict[str, Any], item: int | None) -> Any:
        if q.kind == "multi":
            picked = getlist(field_name)
            order = [str(v) for v in (q.choices(self.ctx(data, item)) if q.choices else [])]
            values = [v for v in order if v in picked] + [v for v in picked if v not in order]
            return values or None
        if q.kind == "bool":
            return get(field_name) is not None
        if q.kind == "enabled":
            return get(field_name) is not None
        raw = get(field_name)
        if q.kind == "choice":
            return raw or None
        if (raw is not None and not raw.strip() and q.kind in ("text", "code")
                and q.default is not None and not q.optional and q.key not in _DERIVED):
            # A page shows a default filled in: a client who clears it (the currency, the
            # time zone, a meeting time) is asked for an answer, not given the default back.
            return ""
        return parse_answer(raw or "", q.kind)

    def _set(self, data: dict[str, Any], q: Question, item: int | None, value: Any) -> None:
        path = q.at(item)
        ctx = self.ctx(data, item)
        parent = ctx.get(path[:-1])
        if not q.applies(ctx):
            if isinstance(parent, dict):
                parent.pop(path[-1], None)
            return
        if q.kind == "enabled":
            current = ctx.get(path)
            value = (current if isinstance(current, dict) else
                     (q.default(ctx) if q.default else {})) if value else False
        _put(data, path, value)

    def _apply_goals(self, section: Section, data: dict[str, Any],
                     get: Callable[[str], str | None], getlist: GetList, action: str) -> None:
        try:
            count = max(0, min(int(get("goals.count") or 0), 50))
        except ValueError:
            count = 0
        got = data.get("goals")
        old: list[Any] = got if isinstance(got, list) else []
        goals: list[Any] = []
        for i in range(count):
            goal = copy.deepcopy(old[i]) if i < len(old) and isinstance(old[i], dict) else {}
            goals.append(goal)
        data["goals"] = goals
        for i in range(count):
            for q in section.item_questions:
                value = self._value(q, f"goals.{i}.{q.path[-1]}", get, getlist, data, i)
                if value is None:
                    goals[i].pop(q.path[-1], None)
                else:
                    goals[i][q.path[-1]] = value
        if action.startswith("remove:"):
            idx = action.split(":", 1)[1]
            if idx.isdigit() and int(idx) < len(goals) and len(goals) > 1:
                del goals[int(idx)]
        elif action == "add" and len(goals) < 20:
            goals.append({})
        if not goals:
            data.pop("goals", None)

    def _apply_items(self, section: Section, data: dict[str, Any],
                     get: Callable[[str], str | None], getlist: GetList) -> None:
        assert section.items and section.pick
        items = section.items
        id_key = "id" if items == "platforms" else "role"
        picked = self._value(section.pick, section.pick.key, get, getlist, data, None) or []
        entries = [e for e in data.get(items) or [] if isinstance(e, dict)]
        have = [str(e.get(id_key)) for e in entries]
        kept = [e for e in entries if str(e.get(id_key)) in picked]
        kept += [{id_key: p} for p in picked if p not in have]
        changed: set[str] = set()
        if items == "roles":
            kept, changed = self._split_roles(kept, data, get)
        data[items] = kept
        platforms = self.ctx(data).platform_ids()
        done: set[str] = set()
        for i, entry in enumerate(kept):
            ident = str(entry.get(id_key))
            group = [e for e in kept if e.get(id_key) == ident]
            if ident in changed:
                # split or joined just now: the fields on the page were for the other shape
                continue
            if items == "roles" and spec.is_split(group, platforms):
                p = entry["platforms"][0]
                for q in section.item_questions[:2]:     # headcount, title
                    self._set(data, q, i, self._value(q, f"roles.{ident}.{p}.{q.path[-1]}",
                                                      get, getlist, data, i))
                continue
            if ident in done:   # several entries of one role not per platform: kept as they are
                continue
            done.add(ident)
            for q in section.item_questions:
                value = self._value(q, f"{items}.{ident}.{q.path[-1]}", get, getlist, data, i)
                if q.key == "roles.*.platforms":
                    value = spec.role_platforms(value, self.ctx(data).platform_ids())
                self._set(data, q, i, value)
        if items == "platforms":
            spec.drop_platforms_from_roles(data, [str(p) for p in picked])
        if not kept:
            data.pop(items, None)

    def _split_roles(self, kept: list[dict[str, Any]], data: dict[str, Any],
                     get: Callable[[str], str | None]
                     ) -> tuple[list[dict[str, Any]], set[str]]:
        """Each role's entries as its "separate team per platform" answer wants them, and the
        roles whose shape this changed."""
        platforms = self.ctx(data).platform_ids()
        out: list[dict[str, Any]] = []
        changed: set[str] = set()
        for rid in dict.fromkeys(str(e.get("role")) for e in kept):
            group = [e for e in kept if e.get("role") == rid]
            wanted = get(f"roles.{rid}.split") is not None
            if not spec.can_split(self.lib, rid, group, platforms) or \
                    wanted == spec.is_split(group, platforms):
                out += group
                continue
            changed.add(rid)
            out += (spec.split_entries(rid, group, platforms) if wanted
                    else spec.joined_entries(rid, group))
        return out, changed

    # --- progress ---------------------------------------------------------------------------

    def progress(self, data: dict[str, Any], issues: Sequence[Issue]) -> dict[str, bool]:
        """Per section: answered (its keys present) and without a problem."""
        bad = {spec.section_of_path(i.path) for i in issues}
        out = {}
        for name, keys in spec.SECTION_KEYS.items():
            present = any(k in data for k in keys if k != "version")
            out[name] = present and name not in bad
        return out


def _put(data: dict[str, Any], path: KeyPath, value: Any) -> None:
    from ..questionnaire.draft import _put as put

    put(data, path, value)
