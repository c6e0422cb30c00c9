"""Why each role got its KPIs: scores, the rules behind them, and the runners-up."""

from __future__ import annotations

from typing import Any

from .. import catalog
from ..answers.models import Answers
from ..errors import UsageError, did_you_mean
from ..library.loader import Library
from .models import PlatformGap
from .select import select


def explain(answers: Answers, library: Library, *, role_key: str | None = None,
            language: str | None = None) -> dict[str, Any]:
    selection = select(answers, library, language=language)
    roles = selection.roles
    if role_key is not None:
        keys = [r.key for r in roles]
        if role_key not in keys:
            hint = did_you_mean(role_key, keys)
            raise UsageError(f"no role entry with key `{role_key}` (keys: {', '.join(keys)})"
                             + (f" ({hint})" if hint else ""))
        roles = [r for r in roles if r.key == role_key]
    lang = selection.client.language
    out = []
    for r in roles:
        out.append({
            "key": r.key,
            "role": r.role,
            "platforms": r.platforms,
            "selected": [{
                "kpi": k.kpi,
                "name": k.name.get(lang),
                "score": k.score,
                "pinned": k.pinned,
                "reasons": [{"rule": x.rule, "effect": x.effect, "weight": x.weight,
                             "because": x.because.get(lang) if x.because else None,
                             **({"platform": x.platform} if x.platform else {})}
                            for x in k.reasons],
            } for k in r.kpis],
            "runners_up": [ru.model_dump() for ru in r.runners_up],
            "platform_gaps": [{**g.model_dump(), "message": gap_message(g, library, lang)}
                              for g in r.platform_gaps],
        })
    return {"library": selection.generator.library, "language": lang, "roles": out,
            "warnings": selection.warnings}


def gap_message(gap: PlatformGap, library: Library, lang: str) -> str:
    """Why a role has none of a platform's own measures, in the client's language, with the
    rule that asked for one."""
    p = library.platforms.get(gap.platform)
    name = p.name.get(lang) if p else gap.platform
    kpis = catalog.text(lang, "punct.list").join(gap.kpis)
    why = catalog.text(lang, f"explain.gap.{gap.why}", kpis=kpis)
    return catalog.text(lang, "explain.gap.message", name=name, why=why, rule=gap.rule)


def render_explanation(data: dict[str, Any]) -> str:
    lang = data.get("language") or "en"
    zh = lang == "zh"  # for the column width only: a CJK character is two columns wide
    pinned = catalog.text(lang, "explain.pinned")
    # what each step did, as a reader of the language says it (the JSON keeps the codes)
    effects = catalog.section(lang, "explain.effect")
    lines: list[str] = []
    for r in data["roles"]:
        lines.append(f"{r['key']} ({r['role']}; {', '.join(r['platforms'])})")
        for k in r["selected"]:
            pin = pinned if k["pinned"] else ""
            lines.append(f"  + {k['kpi']:<32} {k['score']:>6g}{pin}  {k['name']}")
            told: set[str] = set()
            for x in k["reasons"]:
                w = f" {x['weight']:+g}" if x["weight"] is not None and x["effect"] != "base" \
                    else (f" {x['weight']:g}" if x["weight"] is not None else "")
                # a rule that boosts and notes the same KPI gives its reason once
                because = f": {x['because']}" if x["because"] and x["rule"] not in told else ""
                told.add(x["rule"])
                on = f" [{x['platform']}]" if x.get("platform") else ""
                effect = effects.get(x["effect"], x["effect"])
                pad = 11 - (2 * len(effect) if zh else len(effect))  # CJK is double width
                lines.append(f"      {effect}{' ' * max(pad, 1)}{x['rule']}{on}{w}{because}")
        for ru in r["runners_up"]:
            lines.append(f"  - {ru['kpi']:<32} {ru['score']:>6g}  {ru['why']}")
        for g in r["platform_gaps"]:
            lines.append(f"  ! {g['platform']:<32} {g['message']}")
        lines.append("")
    for w in data["warnings"]:
        lines.append(catalog.text(lang, "explain.warning", text=w))
    return "\n".join(lines).rstrip() + "\n"
