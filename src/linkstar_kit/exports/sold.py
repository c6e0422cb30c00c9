"""Where the client sells (platforms, sites, each role's platforms), and the files read into
one pool with each file's platform and site decided: the format's platform, `--platform` for a
format that does not say, `--site` when the client sells on several sites of the platform."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError, excerpt
from .currency import rate_for
from .mapping import Format
from .pool import Pool
from .read import Extract, Span, extract, open_export


@dataclass
class KitSales:
    """Where the kit sells: platforms with their sites, and each role's platforms."""

    sites: dict[str, list[str]]
    role_platforms: dict[str, list[str]] = field(default_factory=dict)
    currency: str = "USD"


def where_sold(rec_format: Format, file: str, sales: KitSales, platform: str | None,
               site: str | None) -> tuple[str, str]:
    """The platform and site a file's rows belong to."""
    plat = rec_format.platform or platform
    if rec_format.platform and platform and platform != rec_format.platform:
        raise UsageError(f"{file} is a {rec_format.name.en}: its platform is "
                         f"{rec_format.platform}, not {platform}")
    if plat is None:
        raise UsageError(f"{file} ({rec_format.name.en}) does not say its platform: give "
                         "--platform (one of " + ", ".join(sales.sites) + ")")
    if sales.sites and plat not in sales.sites:
        raise UsageError(f"{file} is a {plat} report, and the kit does not sell on {plat} "
                         "(it sells on " + ", ".join(sales.sites) + ")")
    known = sales.sites.get(plat, [])
    if site:
        code = site.upper()
        if known and code not in known:
            raise UsageError(f"--site {site}: the kit sells on {plat} in "
                             + ", ".join(known) + " only")
        return plat, code
    if rec_format.site_field:
        return plat, ""
    if len(known) > 1:
        raise UsageError(f"{file}: the kit sells on {plat} in " + ", ".join(known)
                         + ": say which site the file is for with --site")
    return plat, known[0] if known else ""


def site_option(values: Sequence[str] | str | None, paths: Sequence[Path]
                ) -> tuple[str | None, dict[Path, str]]:
    """`--site` as given: `US` for every file, `UK=uk-report.csv` for one file (repeatable, so
    one command reads a US and a UK export)."""
    if values is None:
        return None, {}
    if isinstance(values, str):
        values = [values]
    default: str | None = None
    per_file: dict[Path, str] = {}
    for v in values:
        if "=" not in v:
            default = v
            continue
        code, _, name = v.partition("=")
        match = [p for p in paths if str(p) == name or p.name == name
                 or p.resolve() == Path(name).resolve()]
        if not match:
            raise UsageError(f"--site {v}: {name} is not one of the files given")
        for p in match:
            per_file[p] = code.strip()
    return default, per_file


def read_pool(paths: Sequence[Path], formats: Sequence[Format], sales: KitSales,
              platform: str | None, site: Sequence[str] | str | None, period: Span | None,
              fx: dict[str, float] | None = None) -> tuple[Pool, list[Extract]]:
    pool = Pool()
    extracts = []
    default, per_file = site_option(site, paths)
    for path in paths:
        rec = open_export(path, formats)
        plat, where = where_sold(rec.format, rec.file, sales, platform,
                                 per_file.get(path, default))
        ex = extract(rec, plat, where, period)
        _known_sites(ex, sales)
        _convert(ex, sales.currency, fx or {})
        pool.add(ex)
        extracts.append(ex)
    return pool, extracts




def _known_sites(ex: Extract, sales: KitSales) -> None:
    """UsageError when a file's site column names a site the kit does not sell on: its rows
    were kept apart and never counted, so the load said "no KPI the kit tracks" of a file
    that held one wrong code (`XX`, or a date in a mapping's site_field)."""
    known = sales.sites.get(ex.platform, [])
    if not known or not ex.recognised.format.site_field:
        return
    other = [s for s in ex.sites if s and s not in known]
    if other:
        shown = ", ".join(f"`{excerpt(s, 20)}`" for s in other[:5]) + \
            (f" and {len(other) - 5} more" if len(other) > 5 else "")
        raise UsageError(f"{ex.recognised.file}: its site column names {shown}, and the kit "
                         f"sells on {ex.platform} in " + ", ".join(known) + " only: correct "
                         "those rows, or add the site to the answers and generate the kit again")


def _convert(ex: Extract, currency: str, fx: dict[str, float]) -> None:
    """The file's money measures in the kit's currency (exports/currency.py)."""
    money = {f.measure for f in ex.recognised.format.fields if f.measure and f.type == "money"}
    if not money:
        return
    for (_, site), spans in ex.data.items():
        rate = rate_for(site, currency, fx, ex.recognised.file)
        if rate == 1.0:
            continue
        for sums in spans.values():
            for m in money & set(sums):
                sums[m] *= rate
