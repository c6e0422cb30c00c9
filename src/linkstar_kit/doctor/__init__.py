"""The KPI health check: the method's pitfalls and goal alignment, as findings.

`check(answers, library)` returns the findings; `linkstar check` prints them and
`linkstar generate` adds them to the KPI system document as its health check section.
"""

from __future__ import annotations

from .checks import check
from .findings import Finding, Where, exit_status

__all__ = ["Finding", "Where", "check", "exit_status"]
