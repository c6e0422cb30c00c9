"""Every role's text fits the platforms it sells on, in the kit's one language.

Kits are generated (Markdown only) for synthetic clients on each of the nine platforms, with
each of its fulfilment models, and for every pair of platforms with every role split per
platform; then each role card and each role's section of the KPI system document is read:
- it must not name a platform (or that platform's jargon) the role does not sell on;
- a Chinese kit has no English sentence, an English kit no Chinese (the client's own names,
  proper nouns, KPI short codes, ids and URLs aside).
"""

from __future__ import annotations

import itertools
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from linkstar_kit.answers.models import Answers
from linkstar_kit.engine.explain import explain, render_explanation
from linkstar_kit.kit.generate import generate_kit
from linkstar_kit.library.loader import Library, load_library

ROLES = ("operations", "advertising", "product_development", "purchasing", "logistics",
         "customer_service", "content_design", "social_media", "finance", "team_lead")

# What names a platform, in either language. Latin terms match as whole words. A term shared
# by several platforms (AHR, VTR, DSR, flash sale 秒杀, full-managed) is left out: it names none
# of them alone.
PLATFORM_TERMS: dict[str, list[str]] = {
    "amazon": ["Amazon", "亚马逊", "ASIN", "FNSKU", "MSKU", "Vine", "Prime Day", "Prime",
               "Buy Box", "黄金购物车", "A-to-z", "A-to-Z", "Seller Central", "FBA", "FBM", "IPI",
               "Sponsored Products", "Sponsored Brands", "Sponsored Display", "SP", "SB", "SD",
               "Brand Analytics", "Brand Registry", "品牌分析", "A+", "Subscribe & Save",
               "ODR", "Lightning Deal", "Outlet", "五点", "Search Terms", "SP-API",
               "Business Reports", "Manage Your Experiments", "管理实验", "Request a Review",
               "请求评论"],
    "shopee": ["Shopee", "虾皮", "SLS", "FBS", "Preferred Seller", "优选卖家", "Days to Ship"],
    # TikTok alone is also a social network any brand may post on; the shop is named as such
    "tiktok_shop": ["TikTok Shop", "抖音", "Tokopedia", "GMV Max", "Fast Dispatch", "SPS", "FBT"],
    "lazada": ["Lazada", "来赞达", "LazMall", "LazGlobal"],
    "walmart": ["Walmart", "沃尔玛", "WFS", "Pro Seller"],
    "ebay": ["eBay", "易贝", "Top Rated", "Promoted Listings", "Above Standard", "Seller Hub"],
    "temu": ["Temu", "拼多多"],
    "aliexpress": ["AliExpress", "Aliexpress", "速卖通", "Cainiao", "菜鸟"],
    "shopify": ["Shopify", "独立站", "independent store", "Independent store", "Shop Pay"],
}
PLATFORMS = tuple(PLATFORM_TERMS)
SITE = {"amazon": "US", "shopee": "MY", "tiktok_shop": "US", "lazada": "MY", "walmart": "US",
        "ebay": "UK", "temu": "US", "aliexpress": "ES", "shopify": None}

CLIENT = "星链测试 Starlink Test"


def _term_re(term: str) -> re.Pattern[str]:
    if re.search(r"[A-Za-z]", term):
        return re.compile(rf"(?<![A-Za-z0-9]){re.escape(term)}(?![A-Za-z0-9])")
    return re.compile(re.escape(term))


TERM_RES = {p: [(t, _term_re(t)) for t in terms] for p, terms in PLATFORM_TERMS.items()}


@cache
def library() -> Library:
    return load_library()


def _platform(pid: str, fulfillment: list[str]) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": pid, "fulfillment": fulfillment}
    if SITE[pid]:
        entry["sites"] = [SITE[pid]]
    return entry


# Client profiles rotate through stages, systems, team sizes and goals, so that the rules that
# depend on them fire somewhere in the set and their reasons get read too.
PROFILES: list[dict[str, Any]] = [
    {"stage": "growth", "team_size": 30, "systems": {"erp": "lingxing"},
     "goals": [("gmv", 1000000), ("net_margin", 0.12)]},
    {"stage": "launch", "team_size": 6, "sku_count": 30,
     "systems": {"erp": "none", "ads": "platform_console", "finance": "spreadsheet"},
     "goals": [("gmv_growth", 0.5), ("contribution_margin", 0.1)]},
    {"stage": "mature", "team_size": 60, "sku_count": 800,
     "systems": {"erp": "dianxiaomi", "ads": "third_party_tool", "bi": "metabase"},
     "goals": [("inventory_turnover", 6), ("gross_margin", 0.35)]},
    {"stage": "turnaround", "team_size": 15,
     "systems": {"erp": "mabang", "finance": "accounting_software"},
     "goals": [("net_margin", 0.05), ("return_rate", 0.05)]},
]


def _answers(platforms: list[dict[str, Any]], roles: list[dict[str, Any]], lang: str,
             variant: int = 0) -> Answers:
    prof = PROFILES[variant % len(PROFILES)]
    return Answers.model_validate({
        "version": 1,
        "client": {"name": CLIENT, "language": lang},
        "scope": {"level": "company", "start": "2026-01-05", "horizon": "quarter"},
        "stage": prof["stage"], "team_size": prof["team_size"],
        **({"sku_count": prof["sku_count"]} if "sku_count" in prof else {}),
        "platforms": platforms,
        "goals": [{"kpi": k, "target": v, "by": "2026-06-30"} for k, v in prof["goals"]],
        "roles": roles,
        "systems": prof["systems"],
    })


Client = tuple[str, list[dict[str, Any]], list[dict[str, Any]], int]


def single_clients() -> list[Client]:
    """One platform, one fulfilment model at a time, all ten roles."""
    out = []
    for pid in PLATFORMS:
        for f in library().platforms[pid].fulfillment:
            roles = [{"role": r, "key": f"r{i}", "title": f"{r} 组{i}", "kpi_count": 5}
                     for i, r in enumerate(ROLES)]
            out.append((f"{pid}-{f}", [_platform(pid, [f])], roles, len(out)))
    return out


def pair_clients() -> list[Client]:
    """Two platforms with all their fulfilment models; every role split into one per platform."""
    out = []
    for a, b in itertools.combinations(PLATFORMS, 2):
        plats = [_platform(p, list(library().platforms[p].fulfillment)) for p in (a, b)]
        roles = [{"role": r, "key": f"r{i}-{j}", "title": f"{r} 组{i}-{j}", "platforms": [p],
                  "kpi_count": 5}
                 for i, r in enumerate(ROLES) for j, p in enumerate((a, b))]
        out.append((f"{a}+{b}", plats, roles, len(out)))
    return out


def role_sections(kpi_system: str, titles: dict[str, str]) -> dict[str, str]:
    """Each role's section of kpi-system.md (its heading up to the next heading)."""
    out: dict[str, str] = {}
    parts = re.split(r"^(?=#{2,3} )", kpi_system, flags=re.M)
    for key, title in titles.items():
        hits = [p for p in parts if p.startswith("### ") and title in p.splitlines()[0]]
        assert len(hits) == 1, (key, title)
        out[key] = hits[0]
    return out


def foreign_terms(text: str, own: list[str]) -> list[str]:
    found = []
    for pid, res in TERM_RES.items():
        if pid in own:
            continue
        for term, rx in res:
            # the plain substring test first: a term absent from the text cannot match, and
            # `in` is ~100x faster than a search with a look-behind (which defeats re's
            # literal-prefix scan) over a whole kit document
            m = rx.search(text) if term in text else None
            if m:
                line = text[:m.start()].rsplit("\n", 1)[-1] + text[m.start():].split("\n", 1)[0]
                found.append(f"{pid}:{term}: …{line.strip()[:160]}")
    return found


# --- one language per kit ----------------------------------------------------------------------

_URL = re.compile(r"https?://\S+|\b[\w.-]+\.(?:com|net|org|io|info|cn|in|au|uk)(?:/\S*)?\b")
_CODE = re.compile(r"`[^`]*`|\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*)+")
_ACOS = re.compile(r"\bT?ACoS\b")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]")


@cache
def proper_nouns() -> tuple[str, ...]:
    """Names that stay as they are in a Chinese text: platform names, KPI short codes."""
    lib = library()
    names = {p.name.en for p in lib.platforms.values()} | {
        k.short for k in lib.kpis.values() if k.short}
    return tuple(sorted(names, key=len, reverse=True))


def english_sentences(text: str, allowed: list[str]) -> list[str]:
    """Runs of three or more English words with at least two lower-case ones: a sentence or a
    phrase, not a proper noun (`Walmart Marketplace Learn`) or a code."""
    for s in sorted(allowed, key=len, reverse=True):
        text = text.replace(s, " ")
    text = _CODE.sub(" ", _URL.sub(" ", text))
    for s in proper_nouns():
        text = text.replace(s, " ")
    out = []
    for m in _LATIN_RUN.finditer(text):
        words = re.split(r"[ ,]+", m.group(0))
        lower = [w for w in words if w.islower() and len(w) > 1]
        if len(words) >= 3 and len(lower) >= 2:
            out.append(m.group(0))
    return out


def chinese_in(text: str, allowed: list[str]) -> list[str]:
    for s in sorted(allowed, key=len, reverse=True):
        text = text.replace(s, " ")
    out = []
    for line in text.splitlines():
        if _HAN.search(line):
            out.append(line.strip()[:160])
    return out


def scan_kit(name: str, plats: list[dict[str, Any]], roles: list[dict[str, Any]], variant: int,
             lang: str, out: Path) -> list[str]:
    answers = _answers(plats, roles, lang, variant)
    generate_kit(answers, library(), out, formats=["md"])
    titles = {r["key"]: r["title"] for r in roles}
    sections = role_sections((out / "kpi-system.md").read_text(encoding="utf-8"), titles)
    allowed = [CLIENT, *titles.values(), *titles]
    problems = []
    # documents for the whole team: one language throughout (platform names may be any)
    team_docs = {"kpi-system.md": (out / "kpi-system.md").read_text(encoding="utf-8"),
                 **{f"agendas/{p.name}": p.read_text(encoding="utf-8")
                    for p in sorted((out / "agendas").glob("*.md"))}}
    client_platforms = [p["id"] for p in plats]
    for where, text in team_docs.items():
        for hit in (english_sentences(text, allowed) if lang == "zh" else chinese_in(text, allowed)):
            problems.append(f"{name} {lang} {where}: {'English' if lang == 'zh' else 'Chinese'}: {hit}")
        # the team's own documents name only the client's platforms, and speak of ad cost as
        # ACoS only where an ad console reports it (the agendas' and checklist's examples)
        for hit in foreign_terms(text, client_platforms):
            problems.append(f"{name} {lang} {where}: foreign {hit}")
        if not {"amazon", "walmart"} & set(client_platforms) and _ACOS.search(text):
            problems.append(f"{name} {lang} {where}: foreign ACoS/TACoS")
    for r in roles:
        own = r.get("platforms") or [p["id"] for p in plats]
        for where, text in ((f"roles/{r['key']}.md", (out / "roles" / f"{r['key']}.md")
                             .read_text(encoding="utf-8")),
                            (f"kpi-system.md §{r['key']}", sections[r["key"]])):
            for hit in foreign_terms(text, own):
                problems.append(f"{name} {lang} {r['role']} on {own} {where}: foreign {hit}")
            mixed = (english_sentences(text, allowed) if lang == "zh"
                     else chinese_in(text, allowed))
            for hit in mixed:
                problems.append(f"{name} {lang} {r['role']} {where}: "
                                f"{'English' if lang == 'zh' else 'Chinese'}: {hit}")
    return problems


def _report(problems: list[str]) -> str:
    uniq = sorted(set(problems))
    return f"{len(uniq)} problems:\n" + "\n".join(uniq[:80])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_single_platform_kits_fit_their_platform(tmp_path: Path, lang: str) -> None:
    problems: list[str] = []
    for name, plats, roles, variant in single_clients():
        problems += scan_kit(name, plats, roles, variant, lang, tmp_path / name)
    assert not problems, _report(problems)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_two_platform_kits_keep_each_role_to_its_platform(tmp_path: Path, lang: str) -> None:
    problems: list[str] = []
    for name, plats, roles, variant in pair_clients():
        problems += scan_kit(name, plats, roles, variant, lang, tmp_path / name)
    assert not problems, _report(problems)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explain_speaks_the_kit_language(lang: str) -> None:
    """Reasons, runner-up reasons, target sources: `linkstar explain --lang zh` has no English
    sentence (rule and KPI ids aside), `--lang en` no Chinese."""
    problems: list[str] = []
    for name, plats, roles, variant in pair_clients()[::5]:
        answers = _answers(plats, roles, lang, variant)
        data = explain(answers, library(), language=lang)
        text = render_explanation(data)
        allowed = [CLIENT, *(r["title"] for r in roles), *(r["key"] for r in roles)]
        hits = english_sentences(text, allowed) if lang == "zh" else chinese_in(text, allowed)
        problems += [f"{name} {lang}: {h}" for h in hits]
        sel = json.dumps([t for r in data["roles"] for k in r["selected"] for t in k["reasons"]],
                         ensure_ascii=False)
        problems += [f"{name} {lang} reasons: {h}" for h in
                     (english_sentences(sel, allowed) if lang == "zh" else [])]
    assert not problems, _report(problems)


def test_the_scanners_catch_what_they_are_for() -> None:
    assert foreign_terms("Run Vine on new ASINs", ["shopee"])
    assert not foreign_terms("Run Vine on new ASINs", ["amazon"])
    assert not foreign_terms("Vinegar and Primer", ["shopee"])  # whole words only
    assert foreign_terms("用 Shopee 广告", ["amazon"]) and foreign_terms("抢黄金购物车", ["ebay"])
    assert english_sentences("来源：Profit report by SKU with fee lines", [])
    assert not english_sentences("来源：Walmart Marketplace Learn 卖家绩效标准，ACoS ≤ 25%", [])
    assert chinese_in("Source: 领星利润报表", []) and not chinese_in("Team 组1 notes", ["组1"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_dashboards_and_scorecard_labels_are_in_one_language(tmp_path: Path, lang: str) -> None:
    """KPI labels of the dashboards and the actuals template: `Net margin`, not
    `Net margin · 净利率` (a short code such as ACoS may follow the name)."""
    name, plats, roles, variant = pair_clients()[0]
    answers = _answers(plats, roles, lang, variant)
    generate_kit(answers, library(), tmp_path, formats=["dashboards", "xlsx"])
    allowed = [CLIENT, *(r["title"] for r in roles), *(r["key"] for r in roles)]
    problems = []
    # what people read: the Grafana panels and the template a person fills in (selection.json
    # and dashboard.yaml carry both languages on purpose, as data)
    grafana = json.loads((tmp_path / "dashboards" / "grafana.json").read_text(encoding="utf-8"))
    panels = [json.dumps([p.get("title"), p.get("description")], ensure_ascii=False)
              for p in grafana.get("panels", [])]
    texts = {"grafana.json": "\n".join(panels),
             # the header row holds the column ids the loader reads
             **{p.name: p.read_text(encoding="utf-8").split("\n", 1)[1]
                for p in tmp_path.rglob("*.csv")}}
    import openpyxl

    workbook = openpyxl.load_workbook(tmp_path / "scorecard" / "scorecard.xlsx")
    texts["scorecard.xlsx"] = "\n".join(
        c.value for ws in workbook.worksheets for row in ws.iter_rows() for c in row
        if isinstance(c.value, str) and not c.value.startswith("="))
    for fname, text in texts.items():
        hits = english_sentences(text, allowed) if lang == "zh" else chinese_in(text, allowed)
        problems += [f"{fname}: {h}" for h in hits]
    assert not problems, _report(problems)


# --- the library itself, text by text ----------------------------------------------------------

def _names(text: str) -> set[str]:
    return {p for p, res in TERM_RES.items() for term, rx in res
            if term in text and rx.search(text)}


def test_every_library_text_names_only_the_platforms_it_applies_to() -> None:
    """Each KPI text, read where it applies (the KPI's platforms, narrowed by a text's own
    `platforms` tag or a target's platform), names no other platform: this covers KPIs the
    sample kits never select."""
    lib = library()
    problems = []
    for k in lib.kpis.values():
        scope = k.platforms or list(lib.platforms)

        def check(where: str, text: Any, on: list[str], kid: str = k.id) -> None:
            for lang in ("en", "zh"):
                s = text if isinstance(text, str) else text.get(lang)
                for other in _names(s):
                    if any(p != other for p in on):
                        problems.append(f"{kid}.{where} ({lang}, on {on}) names {other}: {s[:120]}")

        for field in ("name", "definition", "formula"):
            check(field, getattr(k, field), scope)
        for i, d in enumerate(k.data_sources):
            check(f"data_sources[{i}]", d.report, d.platforms or scope)
        for i, a in enumerate(k.actions):
            check(f"actions[{i}]", a, [p for p in scope if a.platforms is None or p in a.platforms])
        for i, t in enumerate(k.targets):
            check(f"targets[{i}].source", t.source, [t.platform] if t.platform else scope)
    assert not problems, _report(problems)


def test_rule_reasons_and_notes_name_only_the_platform_they_fire_for() -> None:
    """A rule that fires for a role on one platform says nothing about another: tried for a
    role on each platform and fulfilment model, alone or beside a second platform the role
    does not sell on, under every client profile."""
    from linkstar_kit.engine.facts import company_facts, role_facts
    from linkstar_kit.library.applicability import text_applies
    from linkstar_kit.library.conditions import evaluate

    lib = library()
    setups: list[tuple[str, list[dict[str, Any]]]] = [
        (pid, [_platform(pid, [f])]) for pid in PLATFORMS for f in lib.platforms[pid].fulfillment]
    setups += [(a, [_platform(p, list(lib.platforms[p].fulfillment)) for p in (a, b)])
               for a, b in itertools.permutations(PLATFORMS, 2)]
    problems = set()
    for pid, plats in setups:
        models = {p["id"]: p["fulfillment"] for p in plats}
        sites = {p["id"]: p.get("sites", []) for p in plats}
        for v in range(len(PROFILES)):
            roles = [{"role": r, "key": f"r{i}", "platforms": [pid]} for i, r in enumerate(ROLES)]
            answers = _answers(plats, roles, "en", v)
            company = company_facts(answers)
            for entry in answers.roles:
                facts = role_facts(answers, entry, company)
                for cr in lib.rules:
                    rule = cr.rule
                    if rule.roles is not None and entry.role not in rule.roles:
                        continue
                    if not evaluate(cr.condition, facts):
                        continue
                    texts = [("because", rule.because)] + [
                        (f"note({eff.kpi})", eff.text) for eff in rule.then
                        if eff.effect == "note" and text_applies(eff, [pid], models, sites)]
                    for where, text in texts:
                        for lang in ("en", "zh"):
                            for other in _names(text.get(lang)) - {pid}:
                                problems.add(f"{rule.id}.{where} fires on {pid} (client on "
                                             f"{sorted(models)}) and names {other}: "
                                             f"{text.get(lang)[:100]}")
    assert not problems, _report(sorted(problems))


def test_english_library_texts_have_no_chinese() -> None:
    """Every `en` text and plain-string source of the library reads in English only (write
    备货单 as "stocking orders"); the documents then cannot mix languages whatever is chosen."""
    from pydantic import BaseModel

    from linkstar_kit.library.models import Text

    lib = library()
    problems: list[str] = []

    def walk(obj: Any, path: str) -> None:
        if isinstance(obj, Text):
            if _HAN.search(obj.en):
                problems.append(f"{path}.en: {obj.en[:120]}")
        elif isinstance(obj, str):
            if _HAN.search(obj):
                problems.append(f"{path}: {obj[:120]}")
        elif isinstance(obj, (list, tuple)):
            for i, x in enumerate(obj):
                walk(x, f"{path}[{i}]")
        elif isinstance(obj, dict):
            for key, x in obj.items():
                walk(x, f"{path}.{key}")
        elif isinstance(obj, BaseModel):
            for name in type(obj).model_fields:
                walk(getattr(obj, name), f"{path}.{name}")

    for group in (lib.kpis, lib.platforms, lib.roles, lib.categories):
        for key, rec in group.items():
            walk(rec, key)
    for cr in lib.rules:
        walk(cr.rule, cr.rule.id)
    assert not problems, _report(problems)


def test_explain_in_chinese_names_the_engines_steps_in_chinese() -> None:
    from pathlib import Path

    from linkstar_kit import explain, load_answers, load_library
    from linkstar_kit.engine.explain import render_explanation

    lib = load_library()
    path = Path(__file__).resolve().parent / "fixtures" / "fit-review" / "1-temu-full.yaml"
    text = render_explanation(explain(load_answers(path, lib), lib, language="zh"))
    for token in ("role-fit", " goal:", " counter:", "balance-lead", "balance-lag"):
        assert token not in text, token
    assert "岗位匹配" in text


def test_chinese_scope_line_uses_full_width_punctuation_and_the_platforms_word(tmp_path) -> None:
    from pathlib import Path

    from linkstar_kit import generate_kit, load_answers, load_library

    lib = load_library()
    base = Path(__file__).resolve().parent / "fixtures" / "fit-review"
    answers = load_answers(base / "1-temu-full.yaml", lib)
    generate_kit(answers, lib, tmp_path, formats=["md"])
    doc = (tmp_path / "kpi-system.md").read_text()
    row = next(line for line in doc.splitlines() if "Temu" in line and "站点" in line)
    assert "全托管" in row and "平台仓发货" not in row, row
    assert "; " not in row and " (" not in row, row


def test_identical_targets_across_platforms_are_one_line(tmp_path) -> None:
    """A warehouse-level KPI with the same target on every platform reads once, naming the
    platforms, not once per platform."""
    from pathlib import Path

    from linkstar_kit import load_answers, load_library
    from linkstar_kit.engine.select import select as run
    from linkstar_kit.kit.view import build_view

    lib = load_library()
    base = Path(__file__).resolve().parent / "fixtures" / "fit-review"
    seen = 0
    for f in sorted(base.glob("*.yaml")):
        answers = load_answers(f, lib)
        view = build_view(answers, run(answers, lib), lib)
        for r in view["roles"]:
            for k in r["kpis"]:
                shown = [(tg["text"], tg["kind"], tg["source"]) for tg in k["targets"]
                         if not tg["sites"] and not tg["open"]]
                assert len(shown) == len(set(shown)), (f.stem, r["key"], k["kpi"], shown)
                seen += len(shown)
    assert seen


def test_a_goal_target_names_company_goal_once(tmp_path) -> None:
    from pathlib import Path

    from linkstar_kit import generate_kit, load_answers, load_library

    lib = load_library()
    base = Path(__file__).resolve().parent / "fixtures" / "fit-review"
    for name in ("1-temu-full", "3-shopify"):
        out = tmp_path / name
        generate_kit(load_answers(base / f"{name}.yaml", lib), lib, out, formats=["md"])
        for card in (out / "roles").glob("*.md"):
            text = card.read_text()
            assert "公司目标，公司目标" not in text and "（公司目标，由公司目标" not in text
            assert "company goal, Company goal" not in text
            assert "company goal, Derived from the company goal" not in text
