"""A review from start to finish: read the kit, its store and the earlier meetings' minutes,
decide, write reviews/<ID>/.

Written as a kit is (kit/files.py): a run killed while moving files in is finished first;
every check and every file is done before anything is written; the files are moved in
together by the kit's crash-safe commit, and listed in the kit's manifest, so an edited
review file is never overwritten without `--force` (then a copy is kept in
`.linkstar-backup/`), and a `reviews` link is refused. The chair's minutes.yaml, once edited,
is never rewritten. The store's writes (the issues, the minutes' record) happen in one
transaction that commits only after the files are in.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import sqlite3
from dataclasses import dataclass, field
from html import escape as html_escape
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import UsageError, did_you_mean, display_path
from ..jsontext import pretty
from ..pacing import period_target
from ..periods import PERIOD_ID_HELP, parse_period_id, period_id
from ..rag import NEAR_MISS
from . import model as m
from .model import KpiRow, Period, Review

REVIEW_FORMATS = ("md", "html", "pdf")
DEFAULT_FORMATS = ("md", "html")
SCHEMA = "linkstar/review@1"
REVIEWS = "reviews"
CHART_TOKEN = "lschart-7f3a9c-"
FIRST_YEAR, LAST_YEAR = 1900, 2200


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
    except OverflowError:  # the last ISO week of 9999 ends in the year 10000
        raise UsageError(f"`{text}` is outside the years a review covers ({FIRST_YEAR} to "
                         f"{LAST_YEAR}); nothing was written") from None
    except ValueError as exc:
        why = str(exc) if PERIOD_ID_HELP in str(exc) else f"{exc}; expected {PERIOD_ID_HELP}"
        raise UsageError(f"`{text}` is not a period: {why}") from None
    if start.year < FIRST_YEAR or end.year > LAST_YEAR:
        # the trend looks 13 periods back and the goals a year ahead: kept inside the calendar
        raise UsageError(f"`{text}` is outside the years a review covers ({FIRST_YEAR} to "
                         f"{LAST_YEAR}); nothing was written")
    return Period(period_id(kind, start), kind, start, end)


def _kit_inputs(kit: Path, library_dirs: list[str], lang: str | None) -> tuple[Any, Any, Any]:
    from ..answers.loader import load_answers
    from ..engine.models import Selection
    from ..library.loader import load_library
    from ..positioned import read_bounded

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
               lang: str | None = None, library_dirs: list[str] | None = None, *,
               force: bool = False) -> ReviewResult:
    from ..kit.files import finish_interrupted
    from ..store.tracking import COMPANY, tracked
    from .store import begin, latest_start, open_store

    kit = Path(kit)
    fmts = parse_formats(formats)
    period = parse_period(period_text) if period_text is not None else None
    if kit.is_dir():
        _refuse_links(kit)
        finish_interrupted(kit)  # a `generate` (or review) killed mid-move: finished first
    answers, selection, library = _kit_inputs(kit, library_dirs or [], lang)
    rows = tracked(answers, selection, library)
    con = open_store(kit)
    try:
        if period is None:
            weekly = [(t.role_key, t.kpi, t.place) for t in rows
                      if t.role_key != COMPANY and m.due(t.frequency, "weekly")]
            latest = latest_start(con, weekly)
            if latest is None:
                raise UsageError(
                    "the store has no numbers for any KPI reviewed weekly: name the period to "
                    f"review with --period ({PERIOD_ID_HELP}); nothing was written")
            period = parse_period(period_id("weekly", latest))
        # One write transaction from the first read to the last write: two reviews at once
        # take turns, and a store that cannot be written is said before anything is done.
        begin(con, kit)
        try:
            result = _review_in_transaction(kit, con, period, fmts, answers, selection, library,
                                            rows, force)
            con.execute("COMMIT")
        except BaseException as exc:
            if con.in_transaction:
                con.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                from .store import store_problem
                raise UsageError(store_problem(kit / "data" / "kpi.sqlite", exc)) from None
            if isinstance(exc, OSError):
                raise UsageError(_os_problem(kit, exc)) from None
            raise
    finally:
        con.close()
    return result


def _refuse_links(kit: Path) -> None:
    reviews = kit / REVIEWS
    if reviews.is_symlink() or (reviews.exists() and not reviews.is_dir()):
        what = "a link" if reviews.is_symlink() else "not a folder"
        # the kit's path, then the link's own name: display_path resolves the link's target
        raise UsageError(f"{Path(display_path(kit)) / REVIEWS} is {what}: reviews are written "
                         "only into a real folder inside the kit; remove it and run again; "
                         "nothing was written")


def _os_problem(kit: Path, exc: OSError) -> str:
    import errno

    if exc.errno == errno.ENOSPC:
        return "the disk is full: no review was written, and the store is unchanged"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (f"cannot write into {display_path(kit)}: the kit folder is read-only: no "
                "review was written; make it writable and review again")
    return (f"the review could not be written into {display_path(kit)} "
            f"({exc.strerror or exc}): no review was written")


def _review_in_transaction(kit: Path, con: Any, period: Period, fmts: list[str], answers: Any,
                           selection: Any, library: Any, rows: Any, force: bool) -> ReviewResult:
    """Decide, render and move the files in; the caller commits the store's transaction."""
    from .. import catalog
    from ..kit.files import KitFiles, commit, read_manifest, sha256
    from ..pacing import goal_plans
    from ..store.tracking import place_name
    from . import issues as issues_mod
    from . import minutes as mn
    from .store import read_actuals

    # a month's last week may end a few days after the month (periods.periods_in)
    actuals = read_actuals(con, period.end + dt.timedelta(days=6))
    plans = {p.kpi: p for p in goal_plans(selection, library, answers.scope.start)}
    goal_ratios, row_ratios = _ratios(kit, con, library, rows, plans)
    review = m.build(rows, actuals, period, selection.client.language, plans, goal_ratios,
                     row_ratios)
    if not review.kpis:
        raise UsageError(
            f"no KPI of this kit is reviewed {period.kind} (every one is reported less "
            "often): review a longer period, a month (2026-09) or a quarter (2026-Q3); "
            "nothing was written")
    if all(k.value is None for k in review.kpis):
        # rows there, but none a load writes (store.read_actuals skips them): say so, rather
        # than "no numbers" of a store someone edited by hand
        there = con.execute("SELECT COUNT(*) FROM actuals WHERE period_start >= ? AND "
                            "period_end <= ?", (period.start.isoformat(),
                                                (period.end + dt.timedelta(days=6)).isoformat())
                            ).fetchone()[0]
        what = (f"the store's {there} rows for {period.id} hold no value a load writes (a "
                "text, an infinity or a number past ±10^15: edited by hand?)" if there else
                f"the store has no numbers for {period.id}")
        raise UsageError(
            f"{what} ({period.start} to {period.end}): "
            "nothing to review, nothing was written; load the period's actuals first "
            f"(`linkstar load {display_path(kit)} ACTUALS.csv`)")
    tx = catalog.section(review.lang, "review")
    tx["m"] = catalog.section(review.lang, "review_minutes")
    cur = answers.client.currency

    def pname(p: str) -> str:
        return place_name(library, p, review.lang)

    def known(rid: str) -> set[str] | None:
        got = con.execute("SELECT role_key, kpi, platform, kind FROM review_issues "
                          "WHERE review_id = ?", (rid,)).fetchall()
        return {m.issue_id(*r) for r in got} or None

    manifest = read_manifest(kit) or {}

    def untouched(f: Path) -> bool:
        entry = manifest.get(f.relative_to(kit).as_posix())
        return entry is not None and entry.get("sha256") == sha256(f.read_bytes())

    record = mn.read_record(mn.minutes_files(kit / REVIEWS, period, parse_period, untouched),
                            known, {t.kpi for t in rows})
    review.record = record

    def why_red(k: KpiRow) -> str:
        kind = "red_anomaly" if k.anomaly and not k.annotation else "red"
        return _why(tx, review.lang, kind, k, cur, pname)

    held = issues_mod.raise_issues(con, review, why_red,
                                   lambda k: _why(tx, review.lang, "anomaly", k, cur, pname),
                                   record)
    previous, _ = issues_mod.previous_rows(con, review)
    got = con.execute("SELECT corrections FROM review_runs WHERE review_id = ?",
                      (period.id,)).fetchone()
    review.corrected = bool(got and got[0])
    if period.kind == "quarterly":
        from .suggest import suggest

        review.suggestions = suggest(
            review.kpis, actuals, period,
            lambda kind, k, facts: _why(tx, review.lang, kind, k, cur, pname, facts))
    files = _render(kit, review, fmts, tx, answers, selection, library, previous)
    files[mn.MINUTES] = _minutes_text(review, tx, record)
    issues_mod.record(con, review, held)
    mn.store_record(con, record)
    con.execute("INSERT INTO review_runs (review_id, cadence, period_start, period_end) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (review_id) DO NOTHING",
                (period.id, period.kind, period.start.isoformat(), period.end.isoformat()))
    folder = kit / REVIEWS / period.id
    kit_files = KitFiles()
    written = []
    for name in sorted(files):
        path = f"{REVIEWS}/{period.id}/{name}"
        if name == mn.MINUTES and (folder / name).exists():
            entry = manifest.get(path)
            if entry is None or entry.get("sha256") != sha256((folder / name).read_bytes()):
                continue  # the chair's minutes: never overwritten
        data = files[name]
        kit_files.add(path, data)
        written.append(name)
    commit(kit, kit_files, _kit_meta(kit), force=force)
    data = json.loads(files["review.json"])
    return ReviewResult(period, folder, written, review, data)


def _ratios(kit: Path, con: Any, library: Any, rows: Any, plans: dict[str, Any]
            ) -> tuple[dict[str, Any], dict[Any, Any]]:
    """Each rate's ratio of sums over a span of days (a goal's by KPI, a KPI row's by its key),
    from the base measures the loaded report exports gave, over the platforms and sites its
    row stands for, as `linkstar load` computes it (store/exports.py); none for a rate the
    library has no `compute` for, or when no export was loaded."""
    from ..store.tracking import COMPANY

    def formula(kpi: str) -> str | None:
        lib = library.kpis.get(kpi)
        return lib.compute if lib is not None and lib.aggregation == "mean" else None

    goals = {k for k, p in plans.items() if p.aggregation == "mean" and formula(k)}
    mine = [t for t in rows if t.role_key != COMPANY and formula(t.kpi)]
    if not goals and not mine:
        return {}, {}
    from ..library.compute import parse as parse_expr
    from ..store.exports import kit_sales, row_keys
    from ..store.tracking import ALL
    from .store import measure_pool

    pool = measure_pool(con)
    if pool is None:
        return {}, {}
    sales = kit_sales(kit)

    def ratio_of(text: str, keys: list[tuple[str, str]]) -> Any:
        expr = parse_expr(text)

        def ratio(first: dt.date, last: dt.date) -> float | None:
            got = pool.value(expr, keys, first, last)
            return None if got is None else float(got[0])
        return ratio

    company = {k: ratio_of(formula(k) or "", row_keys(COMPANY, ALL, "", sales)) for k in goals}
    own = {(t.role_key, t.kpi, t.place): ratio_of(formula(t.kpi) or "",
                                                  row_keys(t.role_key, t.platform, t.site_group,
                                                           sales)) for t in mine}
    return company, own


def _kit_meta(kit: Path) -> dict[str, Any]:
    """The manifest's own fields, kept as `generate` wrote them."""
    from ..kit.files import MANIFEST, _manifest_text

    try:
        data = json.loads(_manifest_text(kit / MANIFEST))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if k not in ("schema", "files")}


def _minutes_text(review: Review, tx: dict[str, Any], record: Any) -> str:
    from .minutes import TemplateIssue, template

    mt = tx["m"]

    def label(i: m.Issue) -> str:
        # the why names the KPI, its platform and this period's value
        return " · ".join(x for x in (i.owner, i.why, i.kpi if i.raised_by == "team" else "")
                          if x)

    issues = [TemplateIssue(i.id, label(i), i.decision) for i in review.issues]
    todos = [(t, " · ".join(x for x in (t.text, t.owner, t.due.isoformat() if t.due else "")
                            if x))
             for t in record.todos.values() if t.done_in is None]
    return template(review.period, mt, issues, todos, record.priorities)


def _why(tx: dict[str, Any], lang: str, kind: str, k: KpiRow, currency: str, plat_name: Any,
         facts: dict[str, object] | None = None) -> str:
    from .. import fmt
    from ..store.tracking import ALL
    from .document import inline_paren

    t = k.t
    # an anomaly is the latest own period's; everything else is judged on the figure
    shown = k.latest if kind == "anomaly" else k.value
    facts = dict(facts or {})
    if isinstance(facts.get("value"), float):
        facts["value"] = fmt.value(facts["value"], t.unit, lang, currency)  # type: ignore[arg-type]
    name = plat_name(t.place)
    plat = "" if t.platform == ALL else inline_paren(lang, name)
    kpi = t.title(lang)
    if lang == "zh" and not plat and kpi[-1:].isascii():
        kpi += " "  # Chinese text after a Latin name: a space between, as after any Latin word
    text = tx["m"]["why_red_anomaly"] if kind == "red_anomaly" else tx["why"][kind]
    return text.format(**{
        "kpi": kpi, "platform": plat,
        "value": "—" if shown is None else fmt.value(shown, t.unit, lang, currency),
        "target": _target_text(t, k, lang, currency),
        "median": "—" if k.median is None else fmt.value(k.median, t.unit, lang, currency),
        **facts})


def _target_text(t: Any, k: KpiRow, lang: str, currency: str) -> str:
    from .. import fmt

    shown = (period_target(t.target, k.period_start) if k.periods == 1 else t.target) \
        if t.target else None
    return "—" if shown is None else fmt.target(shown, t.unit, lang, currency)


def review_json(review: Review, selection: Any, previous: str | None) -> dict[str, Any]:
    from .minutes import Record

    rec: Record = review.record or Record()

    def target(t: Any, start: dt.date | None = None) -> dict[str, Any] | None:
        if t.target is None:
            return None
        shown = period_target(t.target, start) if start is not None else t.target
        if shown is None:
            return None  # a cascaded target past its goal's `by`: no plan, no target
        return {"op": shown.op, "value": shown.value, "kind": shown.kind}

    return {
        "schema": SCHEMA,
        "generator": {"name": "linkstar-kit", "version": __version__},
        "client": selection.client.slug,
        "language": review.lang,
        "period": review.period.to_json(),
        "rules": {
            "status": f"green when the target holds; amber within {NEAR_MISS:.0%} of the "
                      "target; red otherwise (rag.py, as the workbook and the store)",
            "anomaly": {"method": "median_mad", "window": m.TREND - 1,
                        "min_history": m.MIN_HISTORY, "z": m.ANOMALY_Z,
                        "mad_scale": m.MAD_SCALE, "mad_floor": m.MAD_FLOOR},
        },
        "kpis": [{
            "role_key": k.t.role_key, "owner": k.t.role_title, "kpi": k.t.kpi,
            "platform": k.t.platform or None, "frequency": k.t.frequency,
            "watch_for": k.t.watch_for or None,
            "period_start": k.period_start.isoformat(), "value": k.value,
            "aggregation": k.t.aggregation, "periods_in_figure": k.periods,
            "latest": k.latest,
            "target": target(k.t, k.period_start if k.periods == 1 else None),
            "status": k.status, "trend": k.trend,
            "trend_start": k.trend_periods[0].isoformat(), "anomaly": k.anomaly,
            "median": k.median, "annotation": k.annotation or None,
            # a rate over several own periods: ratio_of_sums of its base measures, or mean
            "figure_method": k.method,
        } for k in review.kpis],
        "goals": [{
            "kpi": g.t.kpi, "target": target(g.t), "by": g.by.isoformat(),
            "actual_to_date": g.actual, "plan_to_date": g.plan, "status": g.status,
            "as_of": g.as_of.isoformat() if g.as_of else None,
            # a rate's actual to date: ratio_of_sums of its base measures, or mean of periods
            "actual_to_date_method": g.method,
            "actual_to_date_since": g.since.isoformat() if g.since else None,
        } for g in review.goals],
        "issues": [i.to_json() for i in review.issues],
        "carried_from": previous,
        "closed_issues": [i.to_json() for i in review.closed],
        "rerun_on_corrected_data": review.corrected,
        "todos": [{"id": t.id, "text": t.text, "owner": t.owner,
                   "due": t.due.isoformat() if t.due else None,
                   "status": t.status(review.period), "raised_in": t.raised_in,
                   "done_in": t.done_in} for t in rec.todos.values()],
        "todo_completion": _completion(rec),
        "headlines": [{"text": n.text, "owner": n.owner or None, "raised_in": n.review_id}
                      for n in rec.headlines],
        "priorities": [{"text": n.text, "owner": n.owner, "on_track": n.on_track,
                        "set_in": n.review_id} for n in rec.priorities],
        "decisions": [{"review_id": d.review_id, "issue_id": d.issue_id,
                       "decision": d.decision or None, "status": d.status}
                      for d in rec.decisions],
        "suggestions": [{
            "role_key": s.role_key, "kpi": s.kpi, "platform": s.platform or None,
            "site_group": s.site_group or None, "kind": s.kind, "why": s.why, "proposed_target": s.proposed,
        } for s in review.suggestions],
    }


def _completion(rec: Any) -> dict[str, Any] | None:
    done = rec.completion()
    if done is None or rec.last is None:
        return None
    return {"done": done[0], "of": done[1], "checked_in": rec.last.period.id}


def _render(kit: Path, review: Review, fmts: list[str], tx: dict[str, Any], answers: Any,
            selection: Any, library: Any, previous: str | None) -> dict[str, bytes | str]:
    from ..kit.agendas import build_agendas
    from ..kit.blueprints import Blueprints
    from ..kit.context import KitContext
    from ..store.tracking import place_name
    from .document import Writer, inline_paren

    lang = review.lang
    ctx = KitContext(answers, selection, library, Blueprints())
    agenda = build_agendas(ctx).get(review.period.kind)
    kinds = {k.kpi: k.kind for r in selection.roles for k in r.kpis}

    def writer(chart: Any = None) -> Writer:
        w = Writer(review, agenda, tx, lambda p: place_name(library, p, lang),
                   answers.client.currency, answers.client.name, kinds, chart)
        w.previous = previous
        w.formulas = {k: v.compute for k, v in library.kpis.items() if v.compute}
        return w

    files: dict[str, bytes | str] = {}
    data = review_json(review, selection, previous)
    files["review.json"] = pretty(data)
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
            k = next(x for x in review.kpis if x.key == s.key)
            name = place_name(library, s.platform, lang)
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
        alt = html_escape(w.chart_alt(k), quote=True)
        # the chart shrinks to its column (PDF pages are narrower than a screen)
        return (f'{match[1]}<img class="trend" alt="{alt}" src="{uri}" width="130" height="40" '
                'style="max-width:100%;height:auto">')

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
