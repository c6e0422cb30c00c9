"""The health check: answers + selection + library -> findings.

Each `_check_*` function looks at one thing the method cares about and yields findings in the
language of the selection. They run in a fixed order, so the same input always gives the same
list. Decisions worth knowing (they are the product's reading of the method, see
`reference/method.md`):

- Alignment (FAQ: "align with the level above"). A goal is driven when a selected KPI is the
  goal KPI or names it in `drives` (as the engine counts drivers). A role KPI is aligned when
  it is a goal, drives an aligned KPI (the library's `drives` graph, followed transitively),
  measures a goal's outcome from another angle (the goal drives it directly, on the same
  balance: GMV -> GMV growth), carries a platform's official threshold (that is a licence to
  operate: every goal needs the account alive), or guards an aligned KPI of the same role as
  one of its `counter` metrics.
  A role none of whose KPIs is aligned gets one finding for the role, not one per KPI.
- Gaming (the article's scenario 2, "sales up, profit down"). A role is one-sided when every
  KPI it holds pulls the same way: all efficiency/cash (ACoS, ROAS, CPC: met by spending and
  selling less) or all growth (met by buying sales at a loss). Otherwise a KPI with `counter`
  metrics is guarded when the role holds one of them, or another KPI of the same balance as
  one of them (GMV guards ACoS as well as GMV growth does).
- Actions (pitfall 1). The library model requires two actions per KPI, so an empty list cannot
  load; what can is a placeholder ("TBD", "待定", "...", "-") or the same action twice, typically
  in a house library. A KPI with no real action is an error, with one a warning.
- Data (pitfalls 3 and 9). A KPI is fed when one of its data sources is a system the client
  has (`engine.sources.available_systems`). No ERP leaves every number to be exported by hand
  from each platform; no BI tool (or only spreadsheets) means no dashboard.
- Pay (pitfalls 7 and 8). More than 50 % of variable pay on KPIs turns them into punishment.
  When KPIs feed pay, what keeps contributions numbers miss in the review is the role's list
  of `soft_contributions` in the library (the role card shows it, the review weighs it): a
  role with none has no such room.
- Goals (SMART, step 2) are checked in `doctor/goals.py`.
- Pitfalls 4 (annotate anomalies) and 6 (involve the people who carry the KPIs) are about how
  the system is run, not how it is built: the agendas cover them and no finding can see them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..answers.models import Answers
from ..engine.models import Selection
from ..engine.select import COUNTER_MIN_FIT
from ..engine.sources import available_systems
from ..library.loader import Library
from ..periods import months_before
from ..vocabulary import KPI_COUNT_RANGE, MAX_KPIS, MIN_KPIS, PLATFORM_RUN_FULFILLMENTS
from .context import Check, Context
from .findings import Finding, Where, sort_findings
from .goals import GOAL_CHECKS

MIN_TEAM = 5
MAX_PAY_WEIGHT = 50  # percent of variable pay tied to KPIs
STALE_MONTHS = 12
EFFICIENCY_SIDE = frozenset({"efficiency", "cash"})
VOLUME_SIDE = frozenset({"growth"})




def check(answers: Answers, library: Library, selection: Selection | None = None, *,
          today: dt.date | None = None, language: str | None = None) -> list[Finding]:
    """Every finding about `answers`, errors first.

    `selection` is the engine's result for these answers (computed when not given); `today` is
    the reference date for staleness (default: today's date; the kit document passes
    `scope.start` so that it stays reproducible).
    """
    from ..engine.select import select

    if selection is None:
        selection = select(answers, library, language=language)
    ctx = Context(answers, selection, library, language or selection.client.language,
                  today or dt.date.today())
    findings: list[Finding] = []
    checks: tuple[Check, ...] = (
        _check_fit, *GOAL_CHECKS, _check_alignment, _check_kpi_count, _check_actions,
        _check_gaming, _check_data, _check_stale_targets, _check_open_targets,
        _check_platform_measures, _check_incentives, _check_review, _check_review_after_close)
    for run in checks:
        findings.extend(run(ctx))
    return sort_findings(findings)


# --- fit of the method ---------------------------------------------------------------------

def _check_fit(c: Context) -> Iterator[Finding]:
    a = c.answers
    for p in a.platforms:
        offered = c.library.platforms[p.id].fulfillment if p.id in c.library.platforms else []
        for model in p.fulfillment:
            # only platform-run models: shipping yourself or an overseas warehouse work anywhere
            if model in PLATFORM_RUN_FULFILLMENTS and offered and model not in offered:
                name = c.library.platforms[p.id].name
                yield c.finding(
                    "fulfillment-not-offered", "warning",
                    (f"`{model}` is not a fulfillment model of {name.en}: KPIs that depend on it "
                     "will be chosen for the wrong reasons.",
                     f"Use one of {', '.join(offered)} for {p.id}."),
                    (f"{name.zh} 没有 `{model}` 这种履约方式：依赖它的 KPI 会被错误地选中。",
                     f"{p.id} 请改用 {'、'.join(offered)} 中的一种。"))
    people = sum(r.headcount for r in a.roles)
    if people > a.team_size:
        yield c.finding(
            "headcount-exceeds-team", "warning",
            (f"The roles' headcounts add up to {people}, more than the team size of "
             f"{a.team_size}: one of the two is wrong, and both feed the cards and the checks.",
             "Correct `team_size` or the roles' `headcount`."),
            (f"各岗位人数合计 {people} 人，超过了团队人数 {a.team_size} 人：其中一个数字有误，"
             "而两者都会影响岗位卡和检查结果。",
             "修正 `team_size` 或各岗位的 `headcount`。"))
    if a.team_size < MIN_TEAM:
        n = a.team_size
        yield c.finding(
            "team-too-small", "warning",
            (f"The team has {n} people; the method is meant for teams of {MIN_TEAM} or more. "
             "With fewer, formal KPIs, cards and review meetings cost more than they return.",
             "Keep 2-3 shared numbers on one page and a short weekly check-in; come back to "
             "the full system when the team grows."),
            (f"团队只有 {n} 人，而这套方法适用于 {MIN_TEAM} 人及以上的团队。人太少时，正式的 KPI、"
             "岗位卡和复盘会的成本会高于收益。",
             "先用一页纸管住 2-3 个共同指标，每周简短对一次数；等团队扩大后再启用完整体系。"))
    if a.stage == "launch":
        yield c.finding(
            "stage-launch", "warning",
            ("The store is at launch stage: the method does not fit stores without steady "
             "orders yet, because most KPIs have no stable baseline to set targets against.",
             "Run a light version until orders are steady (a few weeks of stable sales), then "
             "set targets from the baseline you have measured."),
            ("店铺处于起步期：方法明确不适合尚未稳定出单的店铺，大多数指标还没有稳定的基线，"
             "目标无从设定。",
             "出单稳定前先用精简版跑起来；连续几周稳定出单后，再按实测基线设定目标。"))


# --- alignment with the level above --------------------------------------------------------

def _official_for_client(c: Context, kid: str) -> bool:
    kpi = c.library.kpis.get(kid)
    if kpi is None:
        return False
    mine = set(c.answers.platform_ids())
    return any(t.kind == "official" and (t.platform is None or t.platform in mine)
               for t in kpi.targets)


def _same_outcome(c: Context, kid: str, goals: set[str]) -> bool:
    """A goal feeds this KPI directly and both pull the same way (GMV -> GMV growth, gross
    margin -> net margin): it measures the goal's outcome from another angle."""
    kpi = c.library.kpis.get(kid)
    if kpi is None:
        return False
    for g in goals:
        goal = c.library.kpis.get(g)
        if goal is not None and kid in goal.drives and goal.balance == kpi.balance:
            return True
    return False


def aligned(c: Context, kid: str, _seen: frozenset[str] = frozenset()) -> bool:
    """A KPI is a goal, carries an official threshold, or drives (transitively) one that does."""
    if kid in c._aligned:
        return c._aligned[kid]
    goals = {g.kpi for g in c.answers.goals}
    kpi = c.library.kpis.get(kid)
    if kid in goals or _official_for_client(c, kid) or _same_outcome(c, kid, goals):
        c._aligned[kid] = True
        return True
    drives = kpi.drives if kpi is not None else []
    result = any(d not in _seen and aligned(c, d, _seen | {kid}) for d in drives)
    if result or not _seen:  # a "no" inside a cycle may be partial: keep only final answers
        c._aligned[kid] = result
    return result


def _check_alignment(c: Context) -> Iterator[Finding]:
    goals = c.join([c.kpi(g.kpi) for g in c.answers.goals])
    for r in c.selection.roles:
        # a platform's own measure kept for the role (account health, the platform's lines)
        # is a condition of every goal, like an official line; so is a KPI a library rule
        # puts on the role (the method's pair, a platform's requirement), with its reason
        direct = {k.kpi for k in r.kpis
                  if aligned(c, k.kpi) or any(t.kind == "official" for t in k.targets)
                  or any(x.effect in ("platform", "include") for x in k.reasons)}
        guards = {g for k in r.kpis if k.kpi in direct for g in k.counter}
        loose = [k.kpi for k in r.kpis if k.kpi not in direct and k.kpi not in guards]
        if len(loose) >= 2 and len(loose) == len(r.kpis):
            names = c.join([c.kpi(kid) for kid in loose])
            yield c.finding(
                "role-drives-no-goal", "warning",
                (f"{c.role(r)}: none of its KPIs ({names}) drives a company goal ({goals}): the "
                 "role works towards something the company has not set as a goal.",
                 "Add the company goal this role serves (e.g. net margin for finance), or give "
                 "the role KPIs that drive the existing goals."),
                (f"{c.zh_role(r)}的 KPI（{names}）没有一个驱动公司目标（{goals}）：这个岗位努力的方向"
                 "不在公司设定的目标之内。",
                 "补上这个岗位所服务的公司目标（例如财务对应净利率），或者给它换上能驱动现有目标的指标。"),
                Where(role_key=r.key))
            continue
        for kid in loose:
            name = c.kpi(kid)
            yield c.finding(
                "kpi-drives-no-goal", "warning",
                (f"{c.role(r)}: {name} does not drive any company goal ({goals}), directly or "
                 "through the KPIs it feeds: effort on it may not move what the company is "
                 "aiming for.",
                 "Replace it with a KPI that drives a goal (`exclude` it for this role; "
                 "`linkstar explain` lists the runners-up), or add the company goal it serves."),
                (f"{c.zh_role(r)}的「{name}」不驱动任何公司目标（{goals}），直接或间接都没有："
                 "在它上面花的力气未必能推动公司真正要达成的结果。",
                 "换成能驱动目标的指标（在该岗位的 exclude 中排除它，用 `linkstar explain` "
                 "查看候补指标），或补上它所服务的公司目标。"),
                Where(role_key=r.key, kpi=kid))


# --- pitfall 2: 3-5 KPIs a role -----------------------------------------------------------

def _check_kpi_count(c: Context) -> Iterator[Finding]:
    for r in c.selection.roles:
        n = len(r.kpis)
        if MIN_KPIS <= n <= MAX_KPIS:
            continue
        if n < MIN_KPIS:
            en = (f"{c.role(r)} has only {n} KPIs; the method asks for {KPI_COUNT_RANGE} per "
                  "role, so part of the job goes unmeasured.",
                  "Check the role's platforms and `exclude` list, or `pin` KPIs from "
                  "`linkstar library list --role " + r.role + "`.")
            zh = (f"{c.zh_role(r)}只有 {n} 个 KPI；方法要求每个岗位 "
                  f"{KPI_COUNT_RANGE} 个，否则部分职责无人衡量。",
                  f"检查该岗位的平台与 exclude 设置，或从 `linkstar library list --role {r.role}` "
                  "中选取指标 pin 上。")
        else:
            en = (f"{c.role(r)} has {n} KPIs; more than {MAX_KPIS} splits attention and nothing "
                  "gets focus.",
                  f"Keep the {KPI_COUNT_RANGE} that matter most; move the rest to the dashboard.")
            zh = (f"{c.zh_role(r)}有 {n} 个 KPI；超过 {MAX_KPIS} 个会分散注意力，什么都抓不住重点。",
                  f"只保留最关键的 {KPI_COUNT_RANGE} 个，其余放到看板上观察即可。")
        yield c.finding("kpi-count", "warning", en, zh, Where(role_key=r.key), pitfall=2)


# --- pitfall 1: a KPI with no path ---------------------------------------------------------

_PLACEHOLDER_WORDS = {
    "tbd", "tbc", "tba", "todo", "to do", "fixme", "n/a", "na", "none", "null", "nil", "xxx",
    "x", "action", "placeholder", "lorem ipsum", "same as above", "see above",
    "待定", "待补充", "待填写", "待完善", "待确认", "暂无", "无", "略", "同上", "见上", "占位",
}


def is_placeholder(text: str) -> bool:
    """An action that is not one: empty, punctuation only, or a stand-in like TBD / 待定."""
    s = text.strip()
    if not any(ch.isalnum() for ch in s):
        return True
    core = re.sub(r"[\s\W_]+", " ", s.lower()).strip()
    return core in _PLACEHOLDER_WORDS or s.lower().strip(" .。!！?？") in _PLACEHOLDER_WORDS


def real_actions(actions: list[str]) -> list[str]:
    """Distinct actions that say something (placeholders and repeats removed)."""
    out: list[str] = []
    seen: set[str] = set()
    for a in actions:
        key = " ".join(a.lower().split())
        if is_placeholder(a) or key in seen:
            continue
        seen.add(key)
        out.append(a)
    return out


def _check_actions(c: Context) -> Iterator[Finding]:
    for r in c.selection.roles:
        for k in r.kpis:
            n = len(real_actions(k.actions))
            if n >= 2:
                continue
            name = c.kpi(k.kpi)
            if n == 0:
                yield c.finding(
                    "kpi-without-actions", "error",
                    (f"{c.role(r)}: {name} has no concrete action that moves it: a KPI with no "
                     "path is a wish, and the person carrying it cannot act on it.",
                     "Write at least two concrete actions in the library record (e.g. "
                     "\"add a main-image video and more Q&A\", not \"improve conversion\")."),
                    (f"{c.zh_role(r)}的「{name}」没有任何具体的改善动作：只设指标不设路径，"
                     "承担者无从下手。",
                     "在指标库记录里写上至少两条具体动作（例如“优化主图视频 + 增加 QA 数量”，"
                     "而不是“提升转化率”）。"),
                    Where(role_key=r.key, kpi=k.kpi), pitfall=1)
            else:
                yield c.finding(
                    "kpi-few-actions", "warning",
                    (f"{c.role(r)}: {name} has only one real action; the method asks for a "
                     "path of concrete steps.",
                     "Add a second concrete action to the library record."),
                    (f"{c.zh_role(r)}的「{name}」只有一条实际可执行的动作；方法要求给出具体的改善路径。",
                     "在指标库记录中再补充一条具体动作。"),
                    Where(role_key=r.key, kpi=k.kpi), pitfall=1)


# --- scenario 2: KPIs that can be gamed together -------------------------------------------

def _balance(c: Context, kid: str) -> str | None:
    k = c.library.kpis.get(kid)
    return k.balance if k is not None else None


def _check_gaming(c: Context) -> Iterator[Finding]:
    for r in c.selection.roles:
        if not r.kpis:
            continue
        balances = {k.balance for k in r.kpis}
        names = c.join([c.kpi(k.kpi) for k in r.kpis])
        if balances <= EFFICIENCY_SIDE:
            yield c.finding(
                "role-efficiency-only", "warning",
                (f"Every KPI of the role {c.role(r)} measures efficiency ({names}): all of "
                 "them improve by spending less and selling less, so the role can hit its "
                 "numbers while sales shrink.",
                 "Pair them with a volume measure the role moves (sales, GMV growth, sessions), "
                 "e.g. `pin: [gmv_growth]`."),
                (f"{c.zh_role(r)}的 KPI 全部是效率类指标（{names}）：少花钱、少卖货就能让它们"
                 "全部变好，岗位可能在销售萎缩的同时“达标”。",
                 "搭配一个该岗位能影响的规模类指标（销售额、GMV 增长率、流量），例如 "
                 "`pin: [gmv_growth]`。"),
                Where(role_key=r.key), scenario=2)
            continue
        if balances <= VOLUME_SIDE:
            yield c.finding(
                "role-volume-only", "warning",
                (f"Every KPI of the role {c.role(r)} measures volume ({names}): all of them "
                 "improve by buying sales at any cost, which is how sales grow while profit "
                 "falls.",
                 "Pair them with a profit or quality measure (gross margin, TACoS, return "
                 "rate), e.g. `pin: [tacos]`."),
                (f"{c.zh_role(r)}的 KPI 全部是规模类指标（{names}）：不计成本地买量就能让它们"
                 "全部变好，这正是“销售额增长但利润下降”的来由。",
                 "搭配一个利润或质量类指标（毛利率、TACoS、退货率），例如 `pin: [tacos]`。"),
                Where(role_key=r.key), scenario=2)
            continue
        selected = {k.kpi for k in r.kpis}
        team_kpis = {k.kpi for other in c.selection.roles for k in other.kpis}
        for k in r.kpis:
            if not k.counter or set(k.counter) & selected:
                continue
            if any(k.kpi in o.counter for o in r.kpis if o.kpi != k.kpi):
                continue  # one half of a pair: the KPI it guards guards it in turn
            if set(k.counter) & team_kpis and not any(
                    c.library.kpis[g].roles.get(r.role, 0) >= COUNTER_MIN_FIT
                    for g in k.counter if g in c.library.kpis):
                continue  # the role cannot own the guard, and another role in the team holds it
            guard_balances = {_balance(c, g) for g in k.counter}
            if any(o.balance in guard_balances for o in r.kpis if o.kpi != k.kpi):
                continue
            name = c.kpi(k.kpi)
            guards = c.join([c.kpi(g) for g in k.counter])
            yield c.finding(
                "counter-not-selected", "warning",
                (f"{c.role(r)}: {name} can be gamed on its own, and none of its counter "
                 f"metrics ({guards}) or a KPI like them is in the role.",
                 f"Give the role {'one of ' if len(k.counter) > 1 else ''}{guards} (`pin` it), "
                 f"or replace {name}."),
                (f"{c.zh_role(r)}的「{name}」可以被单独“刷”好看，而它的制衡指标（{guards}）"
                 "或同类指标都不在该岗位的 KPI 里。",
                 f"为该岗位加上 {guards}{' 中的一个' if len(k.counter) > 1 else ''}（pin），"
                 f"或者换掉「{name}」。"),
                Where(role_key=r.key, kpi=k.kpi), scenario=2)


# --- pitfalls 3 and 9: data sources and dashboards -----------------------------------------

def _check_data(c: Context) -> Iterator[Finding]:
    have = available_systems(c.answers)
    for r in c.selection.roles:
        for k in r.kpis:
            lib = c.library.kpis.get(k.kpi)
            if lib is None:
                continue
            systems = sorted({d.system for d in lib.data_sources})
            name = c.kpi(k.kpi)
            if not set(systems) & have:
                need = c.join([s.upper() if len(s) <= 3 else s for s in systems])
                yield c.finding(
                    "data-source-unavailable", "warning",
                    (f"{c.role(r)}: {name} comes from {need}, and the client has none of "
                     "these: the number would be compiled by hand, and two people will get two "
                     "different values.",
                     "Connect an ERP (systems.erp) or name one person and one sheet as its "
                     "source of truth, or replace the KPI."),
                    (f"{c.zh_role(r)}的「{name}」需要 {need} 的数据，而客户目前没有这些系统："
                     "只能手工汇总，不同的人会算出不同的数。",
                     "接入 ERP（systems.erp），或指定唯一负责人和唯一表格作为权威口径，"
                     "或者换掉这个指标。"),
                    Where(role_key=r.key, kpi=k.kpi), pitfall=3)
            elif k.data_system == "manual":
                yield c.finding(
                    "data-source-manual", "info",
                    (f"{c.role(r)}: {name} is recorded by hand.",
                     "Agree who records it, where and by when each week, so there is one "
                     "version of the number."),
                    (f"{c.zh_role(r)}的「{name}」需要手工记录。",
                     "约定由谁、在哪里、每周何时记录，保证只有一个版本的数字。"),
                    Where(role_key=r.key, kpi=k.kpi), pitfall=3)
    s = c.answers.systems
    n_platforms = len(c.answers.platforms)
    if s.erp == "none":
        many = n_platforms >= 2
        yield c.finding(
            "no-erp", "warning" if many else "info",
            ("No ERP: every number is exported by hand from each platform's console"
             + (f" ({n_platforms} platforms), each with its own definitions" if many else "")
             + ", so the same KPI can show different values in different reports.",
             "Connect an ERP (LingXing, Mabang, Dianxiaomi ...) as the one source of truth; "
             "until then, clean and check platform exports before trusting them."),
            ("没有 ERP：所有数据都要从各平台后台手工导出"
             + (f"（{n_platforms} 个平台，口径各不相同）" if many else "")
             + "，同一个指标在不同报表里可能是不同的数。",
             "接入 ERP（领星、马帮、店小秘等）作为唯一权威数据源；在此之前，平台导出的数据先清洗、"
             "核对再使用。"),
            pitfall=3, scenario=3 if many else None)
    if s.bi in ("none", "spreadsheet"):
        manual = s.erp == "none"
        tool = c.t("no BI tool", "没有 BI 工具") if s.bi == "none" else c.t(
            "only spreadsheets", "只有电子表格")
        yield c.finding(
            "no-dashboard", "warning" if manual else "info",
            (f"{tool[0].upper()}{tool[1:]}: nobody sees the KPIs at a glance"
             + (", and with no ERP either nothing feeds a dashboard automatically" if manual
                else "") + ".",
             "Put the kit's dashboard definition (dashboards/) into a BI tool (Grafana, "
             "Metabase, Feishu ...) and set systems.bi."),
            (f"{tool}：没有人能一眼看清 KPI" + ("，而且没有 ERP，看板也没有自动的数据来源" if manual
                                              else "") + "。",
             "把工具包里的看板定义（dashboards/）导入 BI 工具（Grafana、Metabase、飞书等），"
             "并填写 systems.bi。"),
            pitfall=9)


# --- pitfall 5: official thresholds change -------------------------------------------------

def _check_stale_targets(c: Context) -> Iterator[Finding]:
    cutoff = months_before(c.today, STALE_MONTHS)
    seen: set[tuple[str, str | None]] = set()
    for r in c.selection.roles:
        for k in r.kpis:
            for t in k.targets:
                if t.kind != "official" or not t.as_of:
                    continue
                as_of = dt.date.fromisoformat(t.as_of)
                if as_of >= cutoff or (k.kpi, t.platform) in seen:
                    continue
                seen.add((k.kpi, t.platform))
                name, platform = c.kpi(k.kpi), c.platform(t.platform)
                yield c.finding(
                    "official-target-stale", "warning",
                    (f"The official {platform} threshold for {name} was read on {t.as_of}, more "
                     f"than {STALE_MONTHS} months before {c.today.isoformat()}; platforms "
                     f"change their rules. Source: {t.source}.",
                     "Re-check the platform's page and update the target (and its as_of) "
                     "in the library."),
                    (f"「{name}」的{platform}官方阈值读取于 {t.as_of}，距 {c.today.isoformat()} "
                     f"已超过 {STALE_MONTHS} 个月，平台规则可能已经变化。来源：{t.source}。",
                     "重新核对平台官方页面，并在指标库中更新该目标值及其 as_of 日期。"),
                    Where(kpi=k.kpi), pitfall=5)


def _check_open_targets(c: Context) -> Iterator[Finding]:
    """KPIs nobody publishes a sound number for leave the library without a target: the
    client sets it from its own baseline. Say so per role, so kick-off has a to-do list."""
    for r in c.selection.roles:
        open_ = [k.kpi for k in r.kpis if not k.targets]
        if not open_:
            continue
        names = c.join([c.kpi(k) for k in open_])
        yield c.finding(
            "targets-to-set", "info",
            (f"{c.role(r)}: no target yet for {names}; no official or sound default number "
             "exists.",
             "Set each from the client's own last 3-6 months at kick-off, with the person who "
             "carries it, and write it into the scorecard."),
            (f"{c.zh_role(r)}：{names} 还没有目标值，因为没有官方或可靠的默认数字。",
             "启动会上按客户自己近 3-6 个月的数据，与指标承担者一起设定，并写入计分表。"),
            Where(role_key=r.key))


def _check_platform_measures(c: Context) -> Iterator[Finding]:
    """A role that should carry a platform's own measure and does not (the client excluded
    them, or the library has none for the role): the platform's scorecard goes unwatched."""
    for r in c.selection.roles:
        for g in r.platform_gaps:
            name, kpis = c.platform(g.platform), c.join([c.kpi(k) for k in g.kpis])
            why_en = {"excluded": f"the client excluded {kpis}",
                      "none": "the library has none this role suits",
                      "full": "every place went to pinned or rule-included KPIs, or to "
                              "other platforms' measures"}[g.why]
            why_zh = {"excluded": f"客户排除了 {kpis}",
                      "none": "指标库中没有适合该岗位的指标",
                      "full": "岗位名额已被客户指定、规则纳入或为其他平台保留的指标占满"}[g.why]
            yield c.finding(
                "platform-measure-missing", "warning",
                (f"{c.role(r)}: none of {name}'s own measures ({why_en}), so nobody on this "
                 f"role watches what {name} judges the store by.",
                 f"Keep one of {name}'s measures on this role (remove it from `exclude`, or "
                 "pin one), or give it to another role that covers the platform."),
                (f"{c.zh_role(r)}在「{name}」上没有该平台自己的考核指标（{why_zh}），"
                 "没人盯平台据以考核店铺的数字。",
                 f"给该岗位保留一个「{name}」的指标（从 exclude 中移除或 pin 一个），"
                 "或交给负责该平台的其他岗位。"),
                Where(role_key=r.key))


# --- pitfalls 7 and 8: pay ------------------------------------------------------------------

def _check_incentives(c: Context) -> Iterator[Finding]:
    inc = c.answers.incentives
    w = inc.kpi_weight_percent
    if inc.linked_to_pay and w > MAX_PAY_WEIGHT:
        yield c.finding(
            "pay-weight-high", "warning",
            (f"{w} % of variable pay rides on KPIs: at that weight a missed number is a "
             "punishment, people protect their numbers instead of improving the business"
             + (", and nothing is left for contributions numbers miss" if w >= 100 else "")
             + ".",
             f"Keep KPIs at or below {MAX_PAY_WEIGHT} % of variable pay and use the rest for the "
             "review's judgement; pilot the link for 1-2 cycles first."),
            (f"浮动薪酬的 {w}% 与 KPI 挂钩：权重这么高，没达标就等于受罚，大家会去保数字而不是"
             "改进业务" + ("，非量化贡献也没有任何体现空间" if w >= 100 else "") + "。",
             f"把 KPI 占浮动薪酬的比例控制在 {MAX_PAY_WEIGHT}% 以内，其余部分留给综合评价；"
             "挂钩前先试运行 1-2 个周期。"),
            pitfall=7)
    if not inc.linked_to_pay and w > 0:
        yield c.finding(
            "pay-weight-unlinked", "info",
            (f"kpi_weight_percent is {w} but linked_to_pay is false, so the weight has no "
             "effect.",
             "Set linked_to_pay: true if KPIs feed pay, or kpi_weight_percent: 0."),
            (f"kpi_weight_percent 为 {w}，但 linked_to_pay 为 false，这个比例不会生效。",
             "如果 KPI 与薪酬挂钩，设 linked_to_pay: true；否则把 kpi_weight_percent 设为 0。"))
    if not inc.linked_to_pay:
        return
    seen: set[str] = set()
    for r in c.selection.roles:
        role = c.library.roles.get(r.role)
        if role is None or r.role in seen:
            continue
        seen.add(r.role)
        real = [s for s in role.soft_contributions if not is_placeholder(s.get(c.lang))]
        if real:
            continue
        yield c.finding(
            "soft-contributions-missing", "warning",
            (f"KPIs feed pay, but the role {role.name.get(c.lang)} lists no contributions "
             "that numbers miss (proposals, knowledge sharing, help across teams): the "
             "review has nothing to weigh beside the KPIs.",
             "Add `soft_contributions` to the role in the library, so the role card names them "
             "and the review counts them."),
            (f"KPI 与薪酬挂钩，但岗位「{role.name.get(c.lang)}」没有列出任何非量化贡献（创新提案、"
             "知识分享、跨部门协作）：综合评价时除了 KPI 没有别的可以参考。",
             "在指标库的岗位定义中补充 soft_contributions，让岗位卡写明、评价时计入。"),
            Where(role_key=r.key), pitfall=8)


# --- pitfall 10: launch and forget ---------------------------------------------------------

def _check_review(c: Context) -> Iterator[Finding]:
    a = c.answers
    # a project of a month or two ends before a quarter comes round: nothing to review then
    short_project = a.scope.level == "project" and a.scope.horizon == "month"
    if a.review.quarterly is False and not short_project:
        yield c.finding(
            "no-quarterly-review", "warning",
            ("No quarterly review of the KPI system itself: KPIs and targets that stop "
             "fitting are never replaced, and the system dies after launch.",
             "Schedule the quarterly review (review.quarterly, e.g. {day: 10, time: \"14:00\"}) "
             "to reset targets and retire KPIs with the people who carry them."),
            ("没有安排季度复盘：失效的指标和目标得不到替换，体系上线后就停在原地。",
             "安排季度复盘（review.quarterly，例如 {day: 10, time: \"14:00\"}），与指标承担者"
             "一起重设目标、替换失效指标。"),
            pitfall=10)


CLOSE_KPI = "month_end_close_days"


def close_working_days(c: Context) -> float | None:
    """Working days the books may take to close: the close KPI's target where a role carries
    it, else the library's own (None when the library has neither)."""
    for r in c.selection.roles:
        for k in r.kpis:
            if k.kpi == CLOSE_KPI and k.targets and not isinstance(k.targets[0].value, list):
                return float(k.targets[0].value)
    kpi = c.library.kpis.get(CLOSE_KPI)
    for t in kpi.targets if kpi else []:
        if t.platform is None and not isinstance(t.value, tuple):
            return float(t.value)
    return None


def _check_review_after_close(c: Context) -> Iterator[Finding]:
    """The monthly review reads last month's P&L: it must not meet before the books can be
    closed, in any month of the scope. The close is counted in weekdays: a month with a long
    public holiday (China's National Day week) is the team's to plan, not a standing fault."""
    from ..periods import add_months, goal_span
    from ..workdays import Workdays

    days = close_working_days(c)
    if days is None:
        return
    a = c.answers
    work = Workdays(None)
    start, end = goal_span(a.scope.start, a.scope.horizon)
    month = start.replace(day=1)
    while month <= end:
        meeting = work.next_working(month.replace(day=a.review.monthly.day))
        close, counted = month, 0
        while True:  # the day the close ends: the month's days-th working day
            counted += work.is_working(close)
            if counted >= days:
                break
            close += dt.timedelta(days=1)
        if meeting < close:
            n = f"{days:g}"
            yield c.finding(
                "review-before-close", "warning",
                (f"The monthly review meets on {meeting.isoformat()}, before the month's books "
                 f"can be closed ({n} working days, by {close.isoformat()}): it reviews "
                 "figures that are not final.",
                 f"Move the monthly review after the close (review.monthly.day "
                 f"{close.day} or later), or close the books faster."),
                (f"月度复盘会在 {meeting.isoformat()} 召开，早于月结完成（{n} 个工作日，"
                 f"{close.isoformat()}）：复盘的是尚未定稿的数字。",
                 f"把月度复盘会移到月结之后（review.monthly.day 设为 {close.day} 或更晚），"
                 "或加快月结。"))
            return
        month = add_months(month, 1)
