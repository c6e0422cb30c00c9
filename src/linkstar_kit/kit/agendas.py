"""The review agendas: weekly, monthly and quarterly meetings, timeboxed to the answers.

Each agenda is built here from the client's own roles and KPIs (the document view) and the
method: weekly progress (EOS Level 10 order, Amazon WBR inputs before outputs, 4DX
commitments, the anomaly note before judgement), monthly deviations, causes and fixes,
quarterly "are the KPIs and targets still right". The minutes are computed here, so the
Markdown (blueprint `agendas`) and the calendar descriptions (kit/calendar.py) always agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .context import KitContext

KINDS = ("weekly", "monthly", "quarterly")
PATHS = {k: f"agendas/{k}-review.md" for k in KINDS}


# --- timebox -------------------------------------------------------------------------------

def timebox(weights: Sequence[int], total: int) -> list[int]:
    """Split `total` minutes over items in proportion to `weights`, summing exactly to `total`.

    Largest-remainder apportionment in integers (no float rounding, so the result is the same
    everywhere): floors first, then the leftover units to the largest remainders, earlier item
    first on a tie. Blocks of 5 minutes are used when the meeting length allows it without
    squeezing any item to zero; otherwise whole minutes. Every item gets at least one unit.
    """
    n = len(weights)
    if n == 0:
        raise ValueError("an agenda needs at least one item")
    if any(w <= 0 for w in weights):
        raise ValueError("item weights must be positive")
    if total < n:
        raise ValueError(f"{total} minutes cannot hold {n} items")
    if total % 5 == 0:
        alloc = _apportion(weights, total // 5)
        if min(alloc) > 0:
            return [a * 5 for a in alloc]
    alloc = _apportion(weights, total)
    for i in range(n):
        while alloc[i] == 0:  # take a minute from the largest item (first one on a tie)
            j = max(range(n), key=lambda k: (alloc[k], -k))
            alloc[j] -= 1
            alloc[i] += 1
    return alloc


def _apportion(weights: Sequence[int], units: int) -> list[int]:
    total_w = sum(weights)
    floors = [units * w // total_w for w in weights]
    rest = [units * w % total_w for w in weights]
    left = units - sum(floors)
    for i in sorted(range(len(weights)), key=lambda k: (-rest[k], k))[:left]:
        floors[i] += 1
    return floors


# --- model ---------------------------------------------------------------------------------

@dataclass
class Point:
    """A line under an agenda item: `who` (a role title or a goal) and what it is about."""

    who: str
    text: str


@dataclass
class Item:
    key: str
    title: str
    owners: list[str]
    guide: str
    weight: int
    points: list[Point] = field(default_factory=list)
    minutes: int = 0
    start: str = ""
    end: str = ""

    def __post_init__(self) -> None:
        self.owners = list(dict.fromkeys(self.owners))  # the chair may also hold a role


@dataclass
class Agenda:
    kind: str
    title: str
    when: str
    time: str
    minutes: int
    chair: str
    purpose: str
    items: list[Item]
    prepare: list[str]
    rules: list[str]

    everyone: list[str] = field(default_factory=list)

    def owner_short(self, item: Item, lang: str) -> str:
        """The owner as the agenda table shows it: a long "every role" list is summarised."""
        if len(self.everyone) > 4 and set(self.everyone) <= set(item.owners):
            n = len(self.everyone)
            extra = [o for o in item.owners if o not in self.everyone]
            if lang == "zh":
                return "".join(e + "；" for e in extra) + f"全部 {n} 个岗位，逐一发言"
            return "".join(e + "; " for e in extra) + f"all {n} roles, one by one"
        return ("、" if lang == "zh" else ", ").join(item.owners)

    def as_view(self, lang: str) -> dict[str, Any]:
        sep = "、" if lang == "zh" else ", "
        return {
            "kind": self.kind, "title": self.title, "when": self.when, "time": self.time,
            "minutes": self.minutes, "chair": self.chair, "purpose": self.purpose,
            "prepare": self.prepare, "rules": self.rules,
            "items": [{"n": i + 1, "key": it.key, "title": it.title, "minutes": it.minutes,
                       "start": it.start, "end": it.end, "owners": it.owners,
                       "owner": sep.join(it.owners), "owner_short": self.owner_short(it, lang),
                       "guide": it.guide,
                       "points": [{"who": p.who, "text": p.text} for p in it.points]}
                      for i, it in enumerate(self.items)],
        }

    def outline(self, lang: str) -> str:
        """Plain-text outline (calendar descriptions): one line per item."""
        lines = []
        for i, it in enumerate(self.items, 1):
            who = self.owner_short(it, lang)
            if lang == "zh":
                lines.append(f"{i}. {it.start}–{it.end}（{it.minutes} 分钟）{it.title}"
                             f" · 负责：{who}")
            else:
                lines.append(f"{i}. {it.start}-{it.end} ({it.minutes} min) {it.title}"
                             f" · owner: {who}")
        return "\n".join(lines)


def _schedule(items: list[Item], total: int, time: str) -> None:
    minutes = timebox([it.weight for it in items], total)
    h, m = (int(x) for x in time.split(":"))
    clock = h * 60 + m
    for it, mins in zip(items, minutes, strict=True):
        it.minutes = mins
        it.start = _hhmm(clock)
        clock += mins
        it.end = _hhmm(clock)


def _hhmm(minutes: int) -> str:
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# --- building the agendas from the client's roles and KPIs ---------------------------------

class _Team:
    """The client's roles as the agendas need them, in the client's language."""

    def __init__(self, ctx: KitContext) -> None:
        self.lang = ctx.lang
        self.view = ctx.view
        self.roles: list[dict[str, Any]] = list(self.view["roles"])
        by_key = {r.key: r for r in ctx.selection.roles}
        self.kind_of = {r["key"]: by_key[r["key"]].role for r in self.roles}
        lead = [r for r in self.roles if self.kind_of[r["key"]] == "team_lead"]
        fin = [r for r in self.roles if self.kind_of[r["key"]] == "finance"]
        default_chair = ("主持人（负责人）" if self.lang == "zh" else "Chair (team lead)")
        self.chair = lead[0]["title"] if lead else default_chair
        self.finance = fin[0]["title"] if fin else None
        kpi_names = {k: v.label(self.lang) for k, v in ctx.library.kpis.items()}
        self.runners_up = {r.key: [kpi_names.get(x.kpi, x.kpi) for x in r.runners_up]
                           for r in ctx.selection.roles}

    def tr(self, en: str, zh: str) -> str:
        return zh if self.lang == "zh" else en

    @property
    def sep(self) -> str:
        return "；" if self.lang == "zh" else "; "

    @property
    def comma(self) -> str:
        return "、" if self.lang == "zh" else ", "

    def titles(self, roles: list[dict[str, Any]] | None = None) -> list[str]:
        return [r["title"] for r in (self.roles if roles is None else roles)]

    def finance_last(self, roles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Roles in the client's order, finance at the end (WBR: financials come last)."""
        return sorted(roles, key=lambda r: self.kind_of[r["key"]] == "finance")

    def kpi_line(self, k: dict[str, Any]) -> str:
        t = self.view["t"]
        tg = k["targets"]
        if not tg:
            return f"{k['short']}（{t['no_target']}）" if self.lang == "zh" \
                else f"{k['short']} ({t['no_target']})"
        if len(tg) == 1 and tg[0]["platform"] == t["all_platforms"]:
            return f"{k['short']} {tg[0]['text']}"
        parts = ", ".join(f"{x['platform']} {x['text']}" for x in tg)
        return f"{k['short']}（{parts}）" if self.lang == "zh" else f"{k['short']} ({parts})"

    def by_kind(self, kind: str, roles: list[dict[str, Any]] | None = None) -> list[Point]:
        """One point per role: its KPIs of this kind (lead/lag) with their targets."""
        out = []
        for r in roles if roles is not None else self.roles:
            ks = [self.kpi_line(k) for k in r["kpis"] if k["kind"] == kind]
            if ks:
                out.append(Point(r["title"], self.sep.join(ks)))
        return out

    def with_kind(self, kind: str) -> list[dict[str, Any]]:
        return [r for r in self.roles if any(k["kind"] == kind for k in r["kpis"])]


def _when(team: _Team, kind: str, cfg: dict[str, Any], tz: str) -> str:
    if kind == "weekly":
        return team.tr(f"every {cfg['weekday']}, {cfg['time']} ({tz})",
                       f"每{cfg['weekday']} {cfg['time']}（{tz}）")
    if kind == "monthly":
        return team.tr(f"day {cfg['day']} of every month, {cfg['time']} ({tz})",
                       f"每月 {cfg['day']} 日 {cfg['time']}（{tz}）")
    return team.tr(f"day {cfg['day']} of January, April, July and October, {cfg['time']} ({tz})",
                   f"每年 1、4、7、10 月的 {cfg['day']} 日 {cfg['time']}（{tz}）")


def _common_rules(team: _Team) -> list[str]:
    return [
        team.tr("Start and end on the minute; the timebox is part of the agenda.",
                "准点开始、准点结束；每项的时间也是议程的一部分。"),
        team.tr("KPIs are for improving the work, not for blaming people.",
                "KPI 是用来改进工作的，不是用来追责的。"),
    ]


def _weekly(team: _Team) -> list[Item]:
    tr, roles = team.tr, team.roles
    spiky = []
    for r in roles:
        ks = [k["short"] for k in r["kpis"] if k["frequency"] in (
            team.view["t"]["daily"], team.view["t"]["weekly"])]
        if ks:
            spiky.append(Point(r["title"], tr("check ", "重点看 ") + team.comma.join(ks)))
    lead_roles, lag_roles = team.with_kind("lead"), team.finance_last(team.with_kind("lag"))
    n_lead = sum(1 for r in roles for k in r["kpis"] if k["kind"] == "lead")
    n_lag = sum(1 for r in roles for k in r["kpis"] if k["kind"] == "lag")
    per_role = 3 + len(roles)
    items = [
        Item("segue", tr("Check-in: one piece of good news each", "开场：每人一条好消息"),
             [team.chair],
             tr("Each person shares one business win and one personal one, a sentence each. "
                "Start on the minute, even if someone is late.",
                "每人一句工作上的好消息、一句个人近况，点到为止。准点开始，有人迟到也不等。"),
             3 + len(roles) // 3),
        Item("account", tr("Last week's commitments: done or not done",
                           "上周承诺：完成了没有"),
             team.titles(),
             tr("Each person reads out the one or two commitments they made last week and says "
                "done or not done, nothing more. A missed commitment that holds someone else "
                "up goes onto the issues list.",
                "每人逐条念上周定下的 1-2 项承诺，只说“完成”或“没完成”，不展开解释。"
                "没完成又卡住了别人的，记进问题清单。"),
             per_role),
        Item("annotate", tr("Annotate the spikes before judging them", "异常波动先标注，再评判"),
             team.titles(),
             tr("Before the scorecard is read, each owner picks out any number that jumped or "
                "fell sharply against last week, or left its target band, and writes one line "
                "of context beside it: a promotion or deal week, a stockout, a price or listing "
                "change, a platform outage or policy change, a late data export. Mark it routine "
                "or exceptional. If the cause is not known yet, write \"unexplained, checking\" "
                "rather than guessing. Nobody judges a spike that has no note.",
                "看数之前，各负责人先把环比大涨大跌、或者跑出目标区间的数字挑出来，"
                "在旁边写一句背景：大促或秒杀周、断货、调价或改 Listing、平台故障或政策调整、"
                "报表导出延迟……并标明是“常规波动”还是“异常”。原因还不清楚就写“原因待查”，"
                "不要凭感觉编理由。没有标注的波动，谁都不先下结论。"),
             4 + len(roles) // 2, spiky),
        Item("inputs", tr("Scorecard 1: input (lead) measures, report only",
                          "数据看板①：过程指标（只报不议）"),
             team.titles(lead_roles) or [team.chair],
             tr("Each owner says on track or off track against the target, one line per number. "
                "Inputs come first because they are what the team can move this week. Anything "
                "off track goes onto the issues list; it is not discussed now.",
                "每位负责人对照目标，一句话报“达标”或“未达标”。先看过程指标，"
                "因为这是团队本周就能直接推动的。未达标的记进问题清单，此刻不讨论。"),
             4 + n_lead // 2, team.by_kind("lead", lead_roles)),
        Item("outputs", tr("Scorecard 2: output (lag) measures, owners explain the variance",
                           "数据看板②：结果指标（负责人解释差距）"),
             team.titles(lag_roles) or [team.chair],
             tr("Then the results the inputs should move. The owner of each number, not whoever "
                "built the report, explains the gap to target in a sentence: what changed, and "
                "whether it is routine or exceptional. Off-track numbers go onto the issues "
                "list. Money comes last.",
                "再看过程指标应当带动的结果。由指标负责人本人（不是做报表的同事）"
                "用一句话解释和目标的差距：变了什么，是常规波动还是异常。未达标的同样记进"
                "问题清单。财务数字放在最后。"),
             4 + n_lag // 2, team.by_kind("lag", lag_roles)),
        Item("ids", tr("Issues: identify, discuss, solve", "解决问题：识别、讨论、解决"),
             [team.chair],
             tr("The main part of the meeting. Rank the issues list and start with the top "
                "three. For each one, find the real issue under the symptom, discuss it once "
                "(everyone has their say, nobody repeats it), and agree one action with an "
                "owner and a date: that is a to-do. What is not reached stays on the list for "
                "next week.",
                "会议的主体时间。先给问题清单排优先级，从最要紧的三个开始。每个问题："
                "先找出表象下面真正的原因，再讨论一轮（每人把话说完，不车轱辘话），"
                "最后定下一个动作、一个负责人、一个完成时间，记为待办。"
                "今天没轮到的，留在清单上下周继续。"),
             50),
        Item("commit", tr("Commitments for next week", "下周承诺"),
             team.titles(),
             tr("Each person names one or two specific things they will have done by next "
                "week that move one of their lead measures, or that clear the way for a "
                "colleague. \"Keep an eye on ads\" is not a commitment; \"pause the ten keywords "
                "with ACoS above 60%\" is.",
                "每人说出下周要做完的 1-2 件具体的事，要么能推动自己的某个过程指标，"
                "要么是帮同事扫清障碍。“多关注广告”不算承诺，"
                "“暂停 ACoS 超过 60% 的 10 个关键词”才算。"),
             per_role,
             [Point(r["title"], tr("move ", "推动 ") + team.comma.join(
                 k["short"] for k in r["kpis"] if k["kind"] == "lead"))
              for r in lead_roles]),
        Item("conclude", tr("Wrap-up: to-dos, messages, rating", "收尾：待办、传达、打分"),
             [team.chair],
             tr("Read back the new to-dos with owners and dates, agree what people who were "
                "not here need to hear and who tells them, then everyone rates the meeting from "
                "1 to 10. A score below 8 comes with one sentence on why.",
                "复述新增的待办（负责人 + 完成时间），确认哪些事要同步给没参会的同事、"
                "由谁去说；最后每人给这次会议打 1-10 分，低于 8 分的说一句原因。"),
             4 + len(roles) // 3),
    ]
    _ids_biggest(items, "ids")
    return items


def _monthly(team: _Team) -> list[Item]:
    tr, roles = team.tr, team.roles
    lead_roles, lag_roles = team.with_kind("lead"), team.finance_last(team.with_kind("lag"))
    sources = []
    for r in roles:
        seen: list[str] = []
        for k in r["kpis"]:
            if k["data_source"] and k["data_source"] not in seen:
                seen.append(k["data_source"])
        if seen:
            sources.append(Point(r["title"], team.sep.join(seen)))
    pairs = []
    for r in roles:
        ps = [f"{k['short']} ↔ {team.comma.join(k['counter'])}" for k in r["kpis"] if k["counter"]]
        if ps:
            pairs.append(Point(r["title"], team.sep.join(ps)))
    if not pairs:
        pairs = [Point(team.chair, tr("no paired KPIs were selected: at least read margin "
                                      "next to conversion and sales",
                                      "本次没有选出成对指标：至少把利润率和转化率、销售额放在一起看"))]
    data_owner = team.finance or team.chair
    items = [
        Item("last_fixes", tr("Last month's fixes: done, and did they work?",
                              "上月改进措施：做了没有，见效没有"),
             [team.chair],
             tr("Go through the fixes agreed at the last monthly review. For each: done or not, "
                "and did the number it was meant to move actually move? A fix that did not work "
                "comes back under deviations.",
                "逐条过上次月度复盘定下的改进措施：做了没有？要改善的那个指标真的变好了吗？"
                "没见效的，放回本次的偏差分析里重新讨论。"),
             8),
        Item("data_check", tr("Data check: one source of truth per KPI",
                              "数据核对：每个 KPI 只认一个数据源"),
             [data_owner],
             tr("Before anyone reads a result, confirm the month's numbers come from each KPI's "
                "named source and have been reconciled: platform exports checked against the "
                "ERP and the finance figures, returns and refunds booked, currencies converted "
                "the same way on every platform. Bring the weekly annotations along so that "
                "spikes already explained are not argued again.",
                "看结果之前，先确认本月的数字都来自各 KPI 指定的数据源，并且已经核对过："
                "平台导出和 ERP、财务数据对得上，退货退款已入账，各平台的汇率折算口径一致。"
                "把周会上的异常标注一并带来，已经解释过的波动不再重复争论。"),
             8, sources),
        Item("inputs", tr("The month's input measures: each owner explains the variance",
                          "本月过程指标：负责人逐项解释偏差"),
             team.titles(lead_roles) or [team.chair],
             tr("Each owner shows their input measures for the month against target, with the "
                "trend of the last six weeks, and explains any gap in their own words: what "
                "happened, how big it is, routine or exceptional.",
                "各负责人展示本月过程指标与目标的对比，以及最近 6 周的走势，"
                "用自己的话讲清差距：发生了什么、差多少、属于常规波动还是异常。"),
             8 + len(lead_roles), team.by_kind("lead", lead_roles)),
        Item("outputs", tr("The month's output measures, money last",
                           "本月结果指标（财务最后讲）"),
             team.titles(lag_roles) or [team.chair],
             tr("Then the outputs: sales, margin, account health. Where they can, owners tie each "
                "gap back to the inputs above. The profit and cash picture for the month closes "
                "this part.",
                "再看结果指标：销售额、利润、店铺健康度等。负责人尽量把差距对应到上面的"
                "过程指标上。最后讲本月的利润和现金情况。"),
             8 + len(lag_roles), team.by_kind("lag", lag_roles)),
        Item("pairs", tr("Paired measures: did one number improve at the cost of another?",
                         "成对指标：有没有拆东墙补西墙"),
             team.titles([r for r in roles if any(k["counter"] for k in r["kpis"])])
             or [team.chair],
             tr("Sales up while profit falls is the classic trap. For each pair below, check "
                "that the gain on one side was not paid for by the other: a lower ACoS bought "
                "with lost sales, faster delivery bought with freight cost.",
                "销量涨、利润跌是最常见的坑。逐对检查：一边变好，是不是拿另一边换来的？"
                "比如靠砍广告压低了 ACoS 却丢了销量，靠加急发货提升了时效却推高了运费。"),
             6, pairs),
        Item("causes", tr("Deviations and their causes", "偏差分析：找到真正的原因"),
             team.titles(),
             tr("Take the largest deviations first: off track two weeks running, or far from "
                "target. Keep asking why until you reach a cause the team can act on, and keep "
                "what the market or platform did (a fee change, a new competitor, a late "
                "carrier) apart from what we did. Causes are about the work, never about "
                "blaming a person.",
                "先挑最大的几个偏差：连续两周没达标的，或者离目标差得远的。"
                "多问几个“为什么”，直到找到团队能动手解决的原因；把外部因素"
                "（平台调整费用、新竞品进场、物流延误）和我们自己的执行问题分开看。"
                "找原因是为了改进做法，不是为了追究某个人。"),
             25),
        Item("fixes", tr("Fixes: one owner, one date, the resources",
                         "改进措施：定人、定时间、定资源"),
             [team.chair],
             tr("Every deviation discussed leaves with one fix, one owner, one due date and the "
                "number it should move. Decide here what moves between teams: ad budget, stock "
                "orders, people. The next monthly review opens with these fixes.",
                "每个讨论过的偏差都要落到一条改进措施：一个负责人、一个完成时间，"
                "并写明它要改善哪个指标。需要调配的资源当场拍板：广告预算、备货、人手。"
                "下次月度复盘第一项就检查这些措施。"),
             20),
        Item("conclude", tr("Wrap-up: the action list, questions for the quarter, rating",
                            "收尾：行动清单、留给季度复盘的问题、打分"),
             [team.chair],
             tr("Read back the fixes. If a target now looks wrong rather than missed (the market "
                "moved, the platform changed a threshold), note it for the quarterly review "
                "instead of changing targets from month to month. Everyone rates the meeting "
                "from 1 to 10.",
                "复述改进措施清单。如果某个目标看起来不是“没做到”而是“定得不对”"
                "（市场变了、平台改了阈值），记下来留到季度复盘统一调整，不要每个月改目标。"
                "最后每人给会议打 1-10 分。"),
             6),
    ]
    _ids_biggest(items, "causes")
    return items


def _quarterly(team: _Team) -> list[Item]:
    tr, roles, view = team.tr, team.roles, team.view
    t = view["t"]
    goals = []
    for g in view["goals"]:
        drivers = team.comma.join(f"{d['role']} · {d['kpi']}" for d in g["drivers"])
        base = (tr(f", baseline {g['baseline']}", f"，基线 {g['baseline']}")
                if g["baseline"] else "")
        goals.append(Point(g["name"], tr(
            f"target {g['target']} by {g['by']}{base}" + (f"; driven by {drivers}" if drivers
                                                           else ""),
            f"目标 {g['target']}，截至 {g['by']}{base}" + (f"；驱动：{drivers}" if drivers
                                                          else ""))))
    fit = []
    for r in roles:
        now = team.comma.join(k["short"] for k in r["kpis"])
        alt = team.comma.join(team.runners_up.get(r["key"], [])[:3])
        fit.append(Point(r["title"], tr(f"now: {now}" + (f"; candidates: {alt}" if alt else ""),
                                        f"现有：{now}" + (f"；备选：{alt}" if alt else ""))))
    resets = []
    for r in roles:
        for k in r["kpis"]:
            for tg in k["targets"]:
                if tg["kind"] not in ("official", "reference"):
                    continue
                plat = "" if tg["platform"] == t["all_platforms"] else f"{tg['platform']} "
                asof = f", {t['as_of']} {tg['as_of']}" if tg["as_of"] else ""
                asof_zh = f"，{t['as_of']} {tg['as_of']}" if tg["as_of"] else ""
                resets.append(Point(r["title"], tr(
                    f"{k['short']} {plat}{tg['text']} ({tg['kind_label']}{asof})",
                    f"{k['short']} {plat}{tg['text']}，{tg['kind_label']}{asof_zh}")))
    contributions = [Point(r["title"], team.sep.join(r["contributions"]))
                     for r in roles if r["contributions"]]
    reset_owners = [team.chair] + ([team.finance] if team.finance else [])
    items = [
        Item("goals", tr("The quarter in numbers: the company goals",
                         "季度回顾：公司目标完成情况"),
             [team.chair],
             tr("Where each company goal stands against its target and date, and which role "
                "KPIs were meant to drive it.",
                "每个公司目标离目标值和截止时间还差多少，分别由哪些岗位 KPI 来驱动。"),
             8, goals),
        Item("results", tr("Each role's quarter", "各岗位季度结果"),
             team.titles(),
             tr("Each owner covers their KPIs over the quarter: the best one, the worst one, "
                "and the fix that made the biggest difference. The detail is in the scorecard; "
                "do not read it out.",
                "每个岗位讲本季度的 KPI 表现：最好的一项、最差的一项，以及哪项改进最管用。"
                "细节看记分卡，不要逐项念数。"),
             6 + len(roles)),
        Item("voice", tr("The people who carry the KPIs have their say",
                         "指标承担者先发言"),
             team.titles(),
             tr("Before anything changes, the people who carry each KPI say which one they "
                "cannot influence, which one invites gaming or short-term tricks, which one "
                "measures the wrong thing, and what is missing. The chair listens and takes "
                "notes; no rebuttals in this slot.",
                "做任何调整之前，先听执行的人怎么说：哪个指标自己根本左右不了，"
                "哪个指标容易被钻空子、逼出短期行为，哪个量错了东西，还缺什么。"
                "主持人只听和记，这段时间不反驳。"),
             8 + len(roles)),
        Item("fit", tr("Keep, replace or retire each KPI", "指标去留：保留、替换还是取消"),
             [team.chair] + team.titles(),
             tr("For each KPI, ask whether it still moves the goal it was chosen for. An input "
                "measure that has stopped moving its output is replaced. Each role keeps three "
                "to five. The next-best candidates from the KPI library are listed per role.",
                "逐个问：这个指标还在推动当初选它时对应的目标吗？已经带不动结果指标的过程指标，"
                "就该换掉。每个岗位保持 3-5 个。下面按岗位列出了指标库里排名其后的备选指标。"),
             20, fit),
        Item("targets", tr("Target resets", "目标重设"),
             reset_owners,
             tr("Reset a target where the market has moved, and say why: a platform changed a "
                "threshold or a fee, the category got crowded, a carrier or warehouse changed. "
                "Check official platform thresholds against the current help pages and write "
                "down the date. A reset is a decision with a reason on record, never a quiet "
                "lowering of the bar.",
                "市场变了就调目标，但要说清依据：平台改了阈值或费用、类目竞争加剧、"
                "物流或海外仓有变化。平台官方阈值要对照最新的帮助中心页面重新核对，并记下核对日期。"
                "调目标是一项要写明理由的决定，不能悄悄降低标准。"),
             16, resets),
        Item("contributions", tr("Contributions the numbers miss", "数字里看不到的贡献"),
             team.titles(),
             tr("Name the work that helped the team but shows up in no KPI: improvement "
                "proposals, training a new colleague, writing down a process, helping another "
                "team through a peak. It counts in the performance review, so name the person "
                "and the work.",
                "把 KPI 里体现不出来的贡献点出来：改进提案、带新人、整理 SOP、"
                "旺季支援其他岗位等。这些同样计入绩效评价，所以要具体到人、具体到事。"),
             10, contributions),
        Item("priorities", tr("Next quarter: one or two priorities per team",
                              "下季度重点：每个团队 1-2 个"),
             [team.chair],
             tr("At most two priorities per team, each written as \"from X to Y by when\". A "
                "KPI that stayed off track all quarter is a strong candidate. Leaders may veto "
                "a team's priority but should not dictate it.",
                "每个团队最多定两个重点，写成“从 X 到 Y，截至某日”。"
                "整个季度都没达标的 KPI 是优先候选。管理层可以否决团队提的重点，但不要替团队指定。"),
             12),
        Item("conclude", tr("Record the changes and close", "记录变更并收尾"),
             [team.chair],
             tr("Write the decisions into answers.yaml (targets, pinned and excluded KPIs, role "
                "changes) and regenerate the kit, so that every card, agenda and scorecard "
                "matches. Agree who tells each team, then everyone rates the meeting from 1 to "
                "10.",
                "把决定写回 answers.yaml（目标值、必选与排除的指标、岗位变动），"
                "重新生成整套 KPI 文件，让岗位卡、议程和记分卡保持一致。确认由谁向各团队传达，"
                "最后每人给会议打 1-10 分。"),
             6),
    ]
    return items


def _ids_biggest(items: list[Item], key: str) -> None:
    """The problem-solving block stays the largest, however many roles and KPIs there are."""
    main = next(it for it in items if it.key == key)
    others = max(it.weight for it in items if it is not main)
    main.weight = max(main.weight, 2 * others)


def build_agendas(ctx: KitContext) -> dict[str, Agenda]:
    """The agendas of this kit, by kind; `quarterly` is absent when the client opted out."""
    team = _Team(ctx)
    view = ctx.view
    tz = view["client"]["timezone"]
    review = view["review"]
    tr = team.tr
    builders = {"weekly": _weekly, "monthly": _monthly, "quarterly": _quarterly}
    titles = {"weekly": tr("Weekly review", "周会"),
              "monthly": tr("Monthly review", "月度复盘会"),
              "quarterly": tr("Quarterly review", "季度复盘会")}
    purposes = {
        "weekly": tr("Progress: are we on track this week, and what does each of us do next?",
                     "看进度：本周是否在轨道上，下周每个人做什么。"),
        "monthly": tr("Deviations: where did we miss, why, and what is the fix?",
                      "看偏差：哪里没达标、为什么、怎么改。"),
        "quarterly": tr("The system itself: are these still the right KPIs and the right "
                        "targets?",
                        "看体系本身：这些 KPI 和目标值还对不对。"),
    }
    prepare = {
        "weekly": [
            tr("Each owner updates last week's numbers in the scorecard the day before.",
               "各负责人在开会前一天把上周数据更新到记分卡。"),
            tr("Each owner adds a note to any spike in their numbers before the meeting.",
               "各负责人会前给自己数据里的异常波动写好标注。"),
            tr("Bring last week's commitments and the open issues list.",
               "带上上周的承诺和未解决的问题清单。"),
        ],
        "monthly": [
            tr("The month's numbers are closed and reconciled two working days before.",
               "会前两个工作日完成本月数据的结账与核对。"),
            tr("Each owner brings their top deviation and a first view of its cause.",
               "各负责人带上自己最大的一项偏差和初步的原因判断。"),
            tr("Bring last month's fix list.", "带上上月的改进措施清单。"),
        ],
        "quarterly": [
            tr("The quarter's scorecard and the monthly fix lists.",
               "本季度的记分卡和每月的改进措施清单。"),
            tr("Each role holder writes down, beforehand, which KPI or target they would change "
               "and why.",
               "每位岗位承担者会前写下：想调整哪个 KPI 或目标，为什么。"),
            tr("Current platform thresholds and fee changes, checked on the official pages.",
               "到平台官方页面核对最新的考核阈值和费用变化。"),
        ],
    }
    rules = {
        "weekly": [
            tr("The scorecard is reported, not discussed: off-track numbers go onto the issues "
               "list.", "数据看板只报不议：未达标的一律进问题清单。"),
            tr("A spike without a note is not judged.", "没有标注的异常波动，不评判。"),
        ],
        "monthly": [
            tr("Targets are not changed month to month; that is the quarterly review's job.",
               "目标不按月改，统一在季度复盘会上调整。"),
        ],
        "quarterly": [
            tr("The people who carry a KPI speak before it is changed.",
               "调整任何 KPI 之前，先听承担它的人怎么说。"),
        ],
    }
    out: dict[str, Agenda] = {}
    for kind in KINDS:
        cfg = review[kind]
        if not cfg:
            continue
        items = builders[kind](team)
        _schedule(items, cfg["minutes"], cfg["time"])
        out[kind] = Agenda(kind=kind, title=titles[kind], when=_when(team, kind, cfg, tz),
                           time=cfg["time"], minutes=cfg["minutes"], chair=team.chair,
                           purpose=purposes[kind], items=items, prepare=prepare[kind],
                           rules=rules[kind] + _common_rules(team), everyone=team.titles())
    return out


# Fixed wording of the agenda documents (the blueprint reads them as `cookiecutter.l`).
_LABELS: dict[str, tuple[str, str]] = {
    "when": ("When", "时间"),
    "length": ("Length", "时长"),
    "chair": ("Chair", "主持"),
    "attendees": ("Attendees", "参会"),
    "agenda": ("Agenda", "议程"),
    "time": ("Time", "时间"),
    "min": ("Min", "分钟"),
    "item": ("Item", "议题"),
    "owner": ("Owner", "负责"),
    "details": ("Item by item", "逐项说明"),
    "prepare": ("Before the meeting", "会前准备"),
    "rules": ("Ground rules", "会议规则"),
    "minutes": ("min", "分钟"),
    "people": ("people", "人"),
    "one_person": ("person", "人"),
    "person": ("Person", "姓名"),
    "role": ("Role", "岗位"),
    "kpi": ("KPI", "指标"),
    "annotations": ("Annotation log", "异常标注记录"),
    "change": ("Change vs last week", "环比变化"),
    "context": ("Context", "背景说明"),
    "routine": ("Routine or exceptional", "常规 / 异常"),
    "issues": ("Issues list", "问题清单"),
    "issue": ("Issue", "问题"),
    "raised_by": ("Raised by", "提出人"),
    "due": ("Due", "完成时间"),
    "status": ("Status", "状态"),
    "commitments": ("Commitments for next week", "下周承诺"),
    "commitment_1": ("Commitment 1", "承诺 1"),
    "commitment_2": ("Commitment 2", "承诺 2"),
    "checked": ("Done? (next week)", "下周复核"),
    "done_box": ("☐ done ☐ not done", "☐ 完成 ☐ 未完成"),
    "rating": ("Meeting rating", "会议打分"),
    "average": ("Average score (1-10): ______", "本次平均分（1-10）：______"),
    "below_8": ("Below 8, why: ______", "低于 8 分的原因：______"),
    "deviations": ("Deviations and fixes", "偏差与改进措施"),
    "target": ("Target", "目标"),
    "actual": ("Actual", "实际"),
    "gap": ("Gap", "偏差"),
    "cause": ("Cause", "原因"),
    "fix": ("Fix", "改进措施"),
    "for_quarter": ("For the quarterly review", "留给季度复盘的问题"),
    "decisions": ("KPI decisions", "指标调整决定"),
    "decision": ("Keep / replace / retire", "保留 / 替换 / 取消"),
    "new_target": ("New target", "新目标值"),
    "reason": ("Reason", "理由"),
    "voices": ("What the role holders said", "岗位承担者的意见"),
    "said": ("What they said", "意见"),
    "contributions": ("Contributions noted", "贡献记录"),
    "contribution": ("Contribution", "贡献"),
    "priorities": ("Next quarter's priorities", "下季度重点"),
    "team": ("Team", "团队"),
    "from_to": ("From X to Y by when", "从 X 到 Y，截至何时"),
}


def agenda_labels(lang: str) -> dict[str, str]:
    i = 1 if lang == "zh" else 0
    return {k: v[i] for k, v in _LABELS.items()}


def render_agendas(ctx: KitContext) -> dict[str, str]:
    """{kit path: Markdown} for the review agendas, rendered through the `agendas` blueprint."""
    agendas = build_agendas(ctx)
    view = ctx.view
    views: dict[str, dict[str, Any] | None] = {k: a.as_view(ctx.lang)
                                                for k, a in agendas.items()}
    # The blueprint always renders all three; an opted-out quarterly review is dropped after.
    views.setdefault("quarterly", None)
    context: dict[str, Any] = {
        "doc": view, "l": agenda_labels(ctx.lang), "agendas": views,
        "roles": [{"title": r["title"], "headcount": r["headcount"]} for r in view["roles"]]}
    files = ctx.blueprints.render("agendas", context, [PATHS[k] for k in agendas])
    return {PATHS[k]: files[PATHS[k]] for k in KINDS if k in agendas}
