"""A review from start to finish: read the kit and its store, decide, write reviews/<ID>/.

Every check comes before anything is written. Then the files go into KIT/reviews/<ID>/ (each
written atomically), and last the review's issues go into the store's `review_issues` table:
nothing else in the kit is touched.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import UsageError, did_you_mean, display_path
from ..pacing import period_target
from ..periods import PERIOD_ID_HELP, parse_period_id, period_id
from ..store.rag import NEAR_MISS
from . import model as m
from .model import KpiRow, Period, Review

REVIEW_FORMATS = ("md", "html", "pdf")
DEFAULT_FORMATS = ("md", "html")
SCHEMA = "linkstar/review@1"
REVIEWS = "reviews"
CHART_TOKEN = "lschart-7f3a9c-"


@dataclass
class ReviewResult:
    period: Period
    folder: Path
    files: list[str]
    review: Review
    data: dict[str, Any] = field(default_factory=dict)


def parse_formats(spec: str | None) -> list[str]:
    if spec is None:
        return list(DEFAULT_FORMATS)
    items = [s.strip() for s in spec.split(",") if s.strip()]
    for s in items:
        if s not in REVIEW_FORMATS:
            hint = did_you_mean(s, REVIEW_FORMATS)
            raise UsageError(f"unknown review format `{s}`: choose from "
                             f"{', '.join(REVIEW_FORMATS)}" + (f" ({hint})" if hint else ""))
    if not items:
        raise UsageError(f"--format is empty: choose from {', '.join(REVIEW_FORMATS)}")
    return [f for f in REVIEW_FORMATS if f in items]


def parse_period(text: str) -> Period:
    try:
        kind, (start, end) = parse_period_id(text)
    except ValueError as exc:
        raise UsageError(f"`{text}` is not a period: {exc}; expected {PERIOD_ID_HELP}") from None
    return Period(period_id(kind, start), kind, start, end)


def _kit_inputs(kit: Path, library_dirs: list[str], lang: str | None) -> tuple[Any, Any, Any]:
    from ..answers.loader import load_answers
    from ..documents import read_bounded
    from ..engine.models import Selection
    from ..library.loader import load_library

    if not kit.is_dir():
        raise UsageError(f"{display_path(kit)} is not a kit folder (written by `linkstar generate`)")
    sel_file, ans_file = kit / "selection.json", kit / "answers.yaml"
    for f in (sel_file, ans_file):
        if not f.is_file():
            raise UsageError(f"{display_path(f)} is missing: {display_path(kit)} is not a kit "
                             "folder, or it was damaged; regenerate it with `linkstar generate`")
    library = load_library(library_dirs)
    answers = load_answers(ans_file, library)
    try:
        raw = read_bounded(sel_file, 32 * 1024 * 1024)
        if raw is None:
            raise ValueError("too large")
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("schema") != "linkstar/selection@1":
            raise ValueError("not linkstar/selection@1")
        data.pop("schema")
        selection = Selection.model_validate(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise UsageError(f"{display_path(sel_file)} is not a kit's selection "
                         "(linkstar/selection@1): regenerate the kit") from None
    if lang and lang != selection.client.language:
        selection = selection.model_copy(update={
            "client": selection.client.model_copy(update={"language": lang})})
    return answers, selection, library


def run_review(kit: Path | str, period_text: str | None = None, formats: str | None = None,
               lang: str | None = None, library_dirs: list[str] | None = None) -> ReviewResult:
    from ..store.tracking import COMPANY, tracked
    from . import issues as issues_mod
    from .store import ensure_issues_table, latest_start, open_store, read_actuals

    kit = Path(kit)
    fmts = parse_formats(formats)
    period = parse_period(period_text) if period_text is not None else None
    answers, selection, library = _kit_inputs(kit, library_dirs or [], lang)
    rows = tracked(answers, selection, library)
    con = open_store(kit)
    try:
        if period is None:
            weekly = [(t.role_key, t.kpi, t.platform) for t in rows
                      if t.role_key != COMPANY and m.due(t.frequency, "weekly")]
            latest = latest_start(con, weekly)
            if latest is None:
                raise UsageError(
                    "the store has no numbers for any KPI reviewed weekly: name the period to "
                    f"review with --period ({PERIOD_ID_HELP}); nothing was written")
            period = parse_period(period_id("weekly", latest))
        actuals = read_actuals(con, period.end)
        from ..pacing import goal_plans

        plans = {p.kpi: p for p in goal_plans(selection, library, answers.scope.start)}
        review = m.build(rows, actuals, period, selection.client.language, plans)
        if not review.kpis:
            raise UsageError(
                f"no KPI of this kit is reviewed {period.kind} (every one is reported less "
                "often): review a longer period, a month (2026-09) or a quarter (2026-Q3); "
                "nothing was written")
        if all(k.value is None for k in review.kpis):
            raise UsageError(
                f"the store has no numbers for {period.id} ({period.start} to {period.end}): "
                "nothing to review, nothing was written; load the period's actuals first "
                f"(`linkstar load {display_path(kit)} ACTUALS.csv`)")
        from .. import catalog
        from ..store.tracking import platform_name

        tx = catalog.section(review.lang, "review")
        cur = answers.client.currency

        def pname(p: str) -> str:
            return platform_name(library, p, review.lang)

        ensure_issues_table(con)
        issues_mod.raise_issues(con, review, lambda k: _why(tx, review.lang, "red", k, cur, pname),
                                lambda k: _why(tx, review.lang, "anomaly", k, cur, pname))
        previous, _ = issues_mod.previous_open(con, review)
        if period.kind == "quarterly":
            from .suggest import suggest

            review.suggestions = suggest(
                review.kpis, actuals, period,
                lambda kind, k, facts: _why(tx, review.lang, kind, k, cur, pname, facts))
        files = _render(kit, review, fmts, tx, answers, selection, library, previous)
        folder = kit / REVIEWS / period.id
        if folder.exists() and not folder.is_dir():
            raise UsageError(f"{display_path(folder)} is a file, not a folder: move it away")
        from ..atomic import write_atomically

        for name in sorted(files):
            write_atomically(folder / name, files[name])
        issues_mod.record(con, review)
    finally:
        con.close()
    data = json.loads(files["review.json"])
    return ReviewResult(period, folder, sorted(files), review, data)


def _why(tx: dict[str, Any], lang: str, kind: str, k: KpiRow, currency: str, plat_name: Any,
         facts: dict[str, object] | None = None) -> str:
    from .. import fmt
    from ..store.tracking import ALL
    from .document import inline_paren

    t = k.t
    facts = dict(facts or {})
    if isinstance(facts.get("value"), float):
        facts["value"] = fmt.value(facts["value"], t.unit, lang, currency)  # type: ignore[arg-type]
    name = plat_name(t.platform)
    plat = "" if t.platform == ALL else inline_paren(lang, name)
    kpi = t.title(lang)
    if lang == "zh" and not plat and kpi[-1:].isascii():
        kpi += " "  # Chinese text after a Latin name: a space between, as after any Latin word
    return tx["why"][kind].format(**{
        "kpi": kpi, "platform": plat,
        "value": "—" if k.value is None else fmt.value(k.value, t.unit, lang, currency),
        "target": (fmt.target(period_target(t.target, k.period_start), t.unit, lang, currency)
                   if t.target else "—"),
        "median": "—" if k.median is None else fmt.value(k.median, t.unit, lang, currency),
        **facts})


def review_json(review: Review, selection: Any, previous: str | None) -> dict[str, Any]:
    def target(t: Any, start: dt.date | None = None) -> dict[str, Any] | None:
        if t.target is None:
            return None
        shown = period_target(t.target, start) if start is not None else t.target
        return {"op": shown.op, "value": shown.value, "kind": shown.kind}

    return {
        "schema": SCHEMA,
        "generator": {"name": "linkstar-kit", "version": __version__},
        "client": selection.client.slug,
        "language": review.lang,
        "period": review.period.to_json(),
        "rules": {
            "status": f"green when the target holds; amber within {NEAR_MISS:.0%} of the "
                      "target; red otherwise (store/rag.py, as the workbook and the store)",
            "anomaly": {"method": "median_mad", "window": m.TREND - 1,
                        "min_history": m.MIN_HISTORY, "z": m.ANOMALY_Z,
                        "mad_scale": m.MAD_SCALE, "mad_floor": m.MAD_FLOOR},
        },
        "kpis": [{
            "role_key": k.t.role_key, "owner": k.t.role_title, "kpi": k.t.kpi,
            "platform": k.t.platform or None, "frequency": k.t.frequency,
            "watch_for": k.t.watch_for or None,
            "period_start": k.period_start.isoformat(), "value": k.value,
            "target": target(k.t, k.period_start), "status": k.status, "trend": k.trend,
            "trend_start": k.trend_periods[0].isoformat(), "anomaly": k.anomaly,
            "median": k.median, "annotation": k.annotation or None,
        } for k in review.kpis],
        "goals": [{
            "kpi": g.t.kpi, "target": target(g.t), "by": g.by.isoformat(),
            "actual_to_date": g.actual, "plan_to_date": g.plan, "status": g.status,
        } for g in review.goals],
        "issues": [i.to_json() for i in review.issues],
        "carried_from": previous,
        "closed_issues": [i.to_json() for i in review.closed],
        "suggestions": [{
            "role_key": s.role_key, "kpi": s.kpi, "platform": s.platform or None,
            "kind": s.kind, "why": s.why, "proposed_target": s.proposed,
        } for s in review.suggestions],
    }


def _render(kit: Path, review: Review, fmts: list[str], tx: dict[str, Any], answers: Any,
            selection: Any, library: Any, previous: str | None) -> dict[str, bytes | str]:
    from ..kit.agendas import build_agendas
    from ..kit.blueprints import Blueprints
    from ..kit.context import KitContext
    from ..store.tracking import platform_name
    from .document import Writer, inline_paren

    lang = review.lang
    ctx = KitContext(answers, selection, library, Blueprints())
    agenda = build_agendas(ctx).get(review.period.kind)
    kinds = {k.kpi: k.kind for r in selection.roles for k in r.kpis}

    def writer(chart: Any = None) -> Writer:
        w = Writer(review, agenda, tx, lambda p: platform_name(library, p, lang),
                   answers.client.currency, answers.client.name, kinds, chart)
        w.previous = previous
        return w

    files: dict[str, bytes | str] = {}
    data = review_json(review, selection, previous)
    files["review.json"] = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if "md" in fmts:
        files["review.md"] = writer().markdown()
    if "html" in fmts or "pdf" in fmts:
        html = _html(ctx, review, writer(lambda i, k: f"{CHART_TOKEN}{i}"))
        if "html" in fmts:
            files["review.html"] = html
        if "pdf" in fmts:
            files["review.pdf"] = _pdf(ctx, html, review.period.id)
    if review.period.kind == "quarterly":
        from .suggest import proposed_answers

        def comment(s: Any) -> str:
            k = next(x for x in review.kpis if x.key == (s.role_key, s.kpi, s.platform))
            name = platform_name(library, s.platform, lang)
            plat = "" if not s.platform else inline_paren(lang, name)
            line = tx["proposed_line"].format(kind=tx["suggest_kind"][s.kind],
                                              owner=k.t.role_title, kpi=k.t.title(lang),
                                              platform=plat, why=s.why)
            return re.sub(r"[\x00-\x1f\x7f]", " ", line)

        header = [h.format(id=review.period.id) for h in tx["proposed_header"]]
        files["answers.proposed.yaml"] = proposed_answers(answers, review.suggestions, header,
                                                          comment)
    return files


def _html(ctx: Any, review: Review, w: Any) -> str:
    from ..kit.html import render_document
    from .chart import trend_svg

    md = w.markdown()
    doc = render_document(ctx, f"{REVIEWS}/{review.period.id}/review.md", md)

    def chart(match: re.Match[str]) -> str:
        k = review.kpis[int(match[2])]
        svg = trend_svg(k.trend, k.t.rag, k.anomaly)
        uri = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
        return f'{match[1]}<img class="trend" alt="" src="{uri}" width="130" height="40">'

    return re.sub(rf"(<td[^>]*>){CHART_TOKEN}(\d+)", chart, doc.html)


def _pdf(ctx: Any, html: str, rid: str) -> bytes:
    from ..kit.blueprints import Blueprints
    from ..kit.html import BLUEPRINT
    from ..kit.pdf import PdfJob, render_pdf

    bp = Blueprints().find(BLUEPRINT)
    job = PdfJob(path=f"{REVIEWS}/{rid}/review.pdf", html=html,
                 base_url=(bp / "templates").resolve().as_uri() + "/",
                 roots=tuple(str(p.resolve()) for p in ctx.blueprints.search))
    _, data, _, _ = render_pdf(job)
    return data
