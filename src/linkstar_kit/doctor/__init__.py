"""The KPI health check: the method's pitfalls and goal alignment, as findings.

`check(answers, library)` returns the findings; `linkstar check` prints them and
`linkstar generate` adds them to the KPI system document as its health check section.
The names below load on first use, so that registering the `check` command (on the path of
`linkstar --help`) imports no models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .checks import check
    from .findings import Finding, Where, exit_status

__all__ = ["Finding", "Where", "check", "exit_status"]


def __getattr__(name: str) -> Any:
    if name == "check":
        from .checks import check

        return check
    if name in ("Finding", "Where", "exit_status"):
        from . import findings

        return getattr(findings, name)
    raise AttributeError(name)
