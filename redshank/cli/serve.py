"""`redshank serve`: the HTTP API and dashboard over a store, read-only (redshank/serve/)."""

from __future__ import annotations

import argparse
import sys

from redshank.cli.common import db_flag, db_label
from redshank.errors import ConfigError
from redshank.store import require_existing

SERVE_EXAMPLE = "redshank serve --db events.duckdb --port 8000"


def configure(subparsers: argparse._SubParsersAction) -> None:
    """Add `serve` to a `redshank` sub-parser set."""
    text = "Serve the JSON API and the dashboard over a database, read-only."
    serve = subparsers.add_parser(
        "serve", help=text, description=text + " Binds 127.0.0.1 unless --host says "
        "otherwise; the API is described in docs/api.md and at /openapi.json.",
        epilog=f"example: {SERVE_EXAMPLE}")
    db_flag(serve)
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default: 127.0.0.1, this machine only; "
                            "0.0.0.0 for every interface)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--query-timeout-s", type=float, default=10.0, metavar="S",
                       help="stop a query after this many seconds and answer 503 "
                            "(default: 10)")
    serve.add_argument("--max-code-bytes", type=int, default=100_000, metavar="N",
                       help="largest body POST /api/code accepts (default: 100000)")
    serve.add_argument("--max-code-concurrency", type=int, default=2, metavar="N",
                       help="texts POST /api/code codes at once; more get 429 (default: 2)")
    serve.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from redshank.serve.app import create_app
    except ModuleNotFoundError as exc:
        if exc.name not in ("fastapi", "uvicorn", "starlette", "pydantic"):
            raise
        raise ConfigError(f"redshank serve needs {exc.name}; install it with pip install "
                          "'redshank[serve]'") from exc
    require_existing(args.db)
    if not 0 < args.port < 65536:
        raise ConfigError(f"--port {args.port} is not a port number (1-65535)")
    try:
        app = create_app(args.db, query_timeout_s=args.query_timeout_s,
                         max_code_bytes=args.max_code_bytes,
                         max_code_concurrency=args.max_code_concurrency)
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc
    from redshank.store import open_store

    open_store(args.db, read_only=True).close()  # a database it cannot read fails here
    sys.stderr.write(f"serving {db_label(args.db)} read-only; Ctrl-C stops\n")
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0
