"""Where the client sells (platforms, sites, each role's platforms), and the files read into
one pool with each file's platform and site decided: the format's platform, `--platform` for a
format that does not say, `--site` when the client sells on several sites of the platform."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from .mapping import Format
from .pool import Pool
from .read import Extract, Span, extract, open_export


@dataclass
class KitSales:
    """Where the kit sells: platforms with their sites, and each role's platforms."""

    sites: dict[str, list[str]]
    role_platforms: dict[str, list[str]] = field(default_factory=dict)


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


def read_pool(paths: Sequence[Path], formats: Sequence[Format], sales: KitSales,
              platform: str | None, site: str | None, period: Span | None
              ) -> tuple[Pool, list[Extract]]:
    pool = Pool()
    extracts = []
    for path in paths:
        rec = open_export(path, formats)
        plat, where = where_sold(rec.format, rec.file, sales, platform, site)
        ex = extract(rec, plat, where, period)
        pool.add(ex)
        extracts.append(ex)
    return pool, extracts


