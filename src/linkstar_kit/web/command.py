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
API_TOKEN_ENV = "LINKSTAR_API_TOKEN"


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "serve", help="serve the questionnaire as web pages a consultant sends to clients",
        description="Start a web server: a consultant's page (behind a token) creates a link per "
                    "client; the client answers the questionnaire in the browser, in Chinese or "
                    "English, and submits it; the consultant then downloads the answers file "
                    "and the full kit. Also a JSON API: POST /api/answers/validate and POST "
                    "/api/kits (see docs/serve.md).")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this machine only; see "
                        "docs/serve.md before using 0.0.0.0)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT,
                   help=f"port (default: {DEFAULT_PORT})")
    p.add_argument("--data", metavar="DIR", default=DEFAULT_DATA,
                   help=f"folder of the clients' drafts (SQLite; default: ./{DEFAULT_DATA}, "
                        "beside output/)")
    p.add_argument("--format", metavar="LIST", default=None,
                   help="formats of the open API's kits (default: md,html; pdf only for a "
                        "request with the API token)")
    p.add_argument("--kit-format", metavar="LIST", default=None,
                   help="formats of the consultant's kit (default: every format `generate` "
                        "writes; pdf left out when this machine cannot render PDF)")
    p.add_argument("--api-token", metavar="TOKEN", default=None,
                   help=f"token a POST /api/kits request sends (Authorization: Bearer TOKEN) "
                        f"to get PDFs; also read from ${API_TOKEN_ENV}. Without it the API "
                        "builds no PDF")
    p.add_argument("--builds", metavar="N", type=int, default=None,
                   help="kit builds at once (default: the number of CPUs); more requests are "
                        "answered 429 with Retry-After")
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
    formats = parse_formats(args.format) if args.format else ["md", "html"]
    kit_formats = parse_formats(args.kit_format) if args.kit_format else [
        f for f in parse_formats(None) if f != "pdf" or _pdf_ready()]
    if args.builds is not None and not 0 < args.builds <= 256:
        raise UsageError(f"--builds must be 1-256, got {args.builds}")
    api_token = args.api_token or os.environ.get(API_TOKEN_ENV) or None
    if api_token is not None and len(api_token) < 16:
        raise UsageError("--api-token is too short to protect the API (use 16 characters or "
                         "more)")
    library = load_library(args.library or [])
    token = os.environ.get(TOKEN_ENV) or secrets.token_urlsafe(32)
    if len(token) < 16:
        raise UsageError(f"{TOKEN_ENV} is too short to protect the consultant's page "
                         "(use 16 characters or more)")
    _check_listen(args.host, args.port)  # before the data folder is made
    data = Path(args.data).resolve()
    config = Config(library=library, data_dir=data, consultant_token=token, formats=formats,
                    api_token=api_token, kit_formats=kit_formats, build_cap=args.builds)
    app = create_app(config)
    shown = "localhost" if args.host in ("127.0.0.1", "::1", "localhost") else args.host
    from .builds import default_cap

    print(f"linkstar serve: drafts in {data}/, consultant's kits as {','.join(kit_formats)}, "
          f"API kits as {','.join(formats)}{' (pdf with the API token)' if api_token else ''}, "
          f"{args.builds or default_cap()} builds at once", flush=True)
    print(f"consultant page: http://{shown}:{args.port}/consultant?token={token}", flush=True)
    if not _loopback(args.host):
        print(f"warning: listening on {args.host}: anyone who can reach this port can open "
              "client links and the API, over plain HTTP. Put it behind a reverse proxy with "
              "HTTPS (see docs/serve.md) rather than exposing it directly.", file=sys.stderr,
              flush=True)
    # Keep-alive connections close after 5 s idle; a body that stalls is cut by the app after
    # BODY_TIMEOUT. Past LIMIT open requests new ones get a 503 at once: a bound on memory and
    # file descriptors (kept under the process's own limit) that stalled senders cannot pass.
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning",
                    server_header=False, proxy_headers=False, timeout_keep_alive=5,
                    limit_concurrency=_concurrency())
    except SystemExit as exc:
        # uvicorn exits 3 when it cannot start (the port taken between the check and its bind)
        if exc.code not in (None, 0):
            raise UsageError(f"cannot listen on {args.host}:{args.port} (the server did not "
                             "start)") from None
        raise
    return EXIT_OK


def _check_listen(host: str, port: int) -> None:
    """UsageError when `host`:`port` cannot be listened on (a host that is no address here, a
    port in use or reserved), said before anything is printed: uvicorn logs it and exits 3."""
    import socket

    from ..errors import UsageError, excerpt

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (OSError, UnicodeError) as exc:
        raise UsageError(f"--host {excerpt(host)}: not an address or name of this machine "
                         f"({getattr(exc, 'strerror', None) or exc})") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        sock.bind(address)
    except OSError as exc:
        raise UsageError(f"cannot listen on {excerpt(host)}:{port}: "
                         f"{exc.strerror or exc}") from None
    finally:
        sock.close()


def _concurrency(wanted: int = 1000) -> int:
    """Open requests at once: 1,000, or fewer when the descriptor limit is lower (with room
    left for the database, the kits and the build workers' pipes)."""
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):
        return 200
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(50, min(wanted, soft - 100))


def _loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
