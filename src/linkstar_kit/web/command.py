"""`linkstar serve`: the web questionnaire for clients, on uvicorn.

Imported on the path of `linkstar --help`: Starlette, uvicorn and the models load inside
`cmd_serve`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ..options import EXIT_OK, add_library_opt

DEFAULT_PORT = 8750
DEFAULT_DATA = "linkstar-data"
TOKEN_ENV = "LINKSTAR_TOKEN"


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "serve", help="serve the questionnaire as web pages a consultant sends to clients",
        description="Start a web server: a consultant's page (behind a token) creates a link per "
                    "client; the client answers the questionnaire in the browser, in Chinese or "
                    "English; the answers file and the kit are then ready to download. Also a "
                    "JSON API: POST /api/answers/validate and POST /api/kits.")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this machine only; see "
                        "docs/serve.md before using 0.0.0.0)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT,
                   help=f"port (default: {DEFAULT_PORT})")
    p.add_argument("--data", metavar="DIR", default=DEFAULT_DATA,
                   help=f"folder of the clients' drafts (SQLite; default: ./{DEFAULT_DATA}, "
                        "beside output/)")
    p.add_argument("--format", metavar="LIST", default=None,
                   help="formats of the kit zip (default: md,html, plus pdf when this machine "
                        "can render PDF)")
    add_library_opt(p)
    p.set_defaults(func=cmd_serve)


def _pdf_ready() -> bool:
    try:
        import weasyprint  # noqa: F401
    except Exception:  # noqa: BLE001 - any failure to load means no PDF here
        return False
    return True


def cmd_serve(args: argparse.Namespace) -> int:
    import secrets

    import uvicorn

    from ..errors import UsageError
    from ..kit.generate import parse_formats
    from ..library.loader import load_library
    from .app import Config, create_app

    if not 0 < args.port < 65536:
        raise UsageError(f"--port must be 1-65535, got {args.port}")
    formats = parse_formats(args.format) if args.format else (
        ["md", "html", "pdf"] if _pdf_ready() else ["md", "html"])
    library = load_library(args.library or [])
    token = os.environ.get(TOKEN_ENV) or secrets.token_urlsafe(32)
    if len(token) < 16:
        raise UsageError(f"{TOKEN_ENV} is too short to protect the consultant's page "
                         "(use 16 characters or more)")
    data = Path(args.data).resolve()
    app = create_app(Config(library=library, data_dir=data, consultant_token=token,
                            formats=formats))
    shown = "localhost" if args.host in ("127.0.0.1", "::1", "localhost") else args.host
    print(f"linkstar serve: drafts in {data}/, kits as {','.join(formats)}", flush=True)
    print(f"consultant page: http://{shown}:{args.port}/consultant?token={token}", flush=True)
    if not _loopback(args.host):
        print(f"warning: listening on {args.host}: anyone who can reach this port can open "
              "client links and the API, over plain HTTP. Put it behind a reverse proxy with "
              "HTTPS (see docs/serve.md) rather than exposing it directly.", file=sys.stderr,
              flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning",
                server_header=False, proxy_headers=False)
    return EXIT_OK


def _loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
