"""The desk-app command: the window by default, and batch work for field offices.

Exit 0 on success; 1 on an error, with one line on stderr and never a
traceback; 2 on a usage error (argparse's own).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from desk_app import __version__, paths
from desk_app.i18n import tr


class CliError(Exception):
    """An error for the user: printed as one line, exit 1."""


def actor() -> str:
    """Who the audit log records for command-line writes."""
    return os.environ.get("DESK_APP_ACTOR") or getpass.getuser() or "unknown"


def _open(args: argparse.Namespace, *, create: bool = False):
    from desk_app.store import open_store  # noqa: PLC0415 - keep --help fast

    path, is_default = paths.store_path(getattr(args, "db", None))
    if is_default and not path.exists():
        return ensure_default_store(path)
    if not create and not path.exists():
        raise CliError(tr("no store at {0} (create one with: desk-app demo --db {0})").format(path))
    return open_store(path, create=create)


def ensure_default_store(path: Path):
    """Open the default store, creating it with the demo cases the first time."""
    from desk_app.store import open_store  # noqa: PLC0415

    if path.exists():
        return open_store(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_store(path)
    load_demo(db)
    return db


def load_demo(db) -> int:
    """Import the four demo cases of the report; returns records created."""
    from desk_app.exchange.bundle_json import read_bundle  # noqa: PLC0415
    from desk_app.store.cases import import_bundles  # noqa: PLC0415

    bundles = [read_bundle(p) for p in paths.demo_bundles()]
    report = import_bundles(db, bundles, actor="desk-app demo")
    if report.conflicts:
        raise CliError(report.conflicts[0])
    return report.total_created + len(bundles)


def cmd_gui(args: argparse.Namespace) -> int:
    from desk_app.gui.app import run  # noqa: PLC0415 - only this command needs Qt

    path, is_default = paths.store_path(args.db)
    if is_default:
        ensure_default_store(path).close()
    return run(path, argv=[sys.argv[0]])


def cmd_demo(args: argparse.Namespace) -> int:
    from desk_app.store import open_store  # noqa: PLC0415

    path = Path(args.db) if args.db else paths.store_path(None)[0]
    if path.exists():
        if not args.force:
            raise CliError(
                tr("{0} exists; add --force to replace it with the demo store").format(path)
            )
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_store(path)
    created = load_demo(db)
    print(tr("created {0} with the four demo cases ({1} records)").format(path, created))
    return 0


def cmd_cases(args: argparse.Namespace) -> int:
    from desk_app.store.cases import list_cases, summarize  # noqa: PLC0415

    db = _open(args)
    rows = [summarize(db, case) for case in list_cases(db)]
    if args.json:
        data = [
            {
                "id": s.case.id,
                "slug": s.case.slug,
                "title": s.case.title,
                "places": s.places,
                "period": s.case.period.text(),
                "status": s.case.status.value,
                "counts": s.counts,
            }
            for s in rows
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(tr("the store has no cases"))
    for s in rows:
        counts = ", ".join(f"{n} {k}" for k, n in s.counts.items() if n and k != "source")
        print(f"{s.case.slug:<16} {s.case.title}")
        print(f"{'':<16} {s.case.period.text()}; {', '.join(s.places[:6])}")
        print(f"{'':<16} {counts}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from desk_app.brief.text import render_case  # noqa: PLC0415
    from desk_app.exchange.bundle_json import dumps  # noqa: PLC0415
    from desk_app.store.cases import load_bundle, resolve_case  # noqa: PLC0415

    db = _open(args)
    bundle = load_bundle(db, resolve_case(db, args.case).id)
    sys.stdout.write(dumps(bundle) if args.json else render_case(bundle))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from desk_app.exchange.bundle_json import write_bundle  # noqa: PLC0415
    from desk_app.store.cases import load_bundle, resolve_case  # noqa: PLC0415

    db = _open(args)
    bundle = load_bundle(db, resolve_case(db, args.case).id)
    write_bundle(bundle, args.out)
    print(tr("wrote {0} ({1})").format(args.out, bundle.case.slug))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from desk_app.exchange.bundle_json import read_bundle  # noqa: PLC0415
    from desk_app.store.cases import import_bundles  # noqa: PLC0415

    bundles = [read_bundle(f) for f in args.files]  # every file validated before any write
    db = _open(args, create=True)
    report = import_bundles(db, bundles, actor=actor(), dry_run=args.dry_run)
    if report.conflicts:
        for line in report.conflicts:
            print(tr("conflict: {0}").format(line), file=sys.stderr)
        raise CliError(
            tr("{0} conflicts with the store; nothing was imported").format(len(report.conflicts))
        )
    verb = tr("would create") if args.dry_run else tr("created")
    detail = ", ".join(f"{n} {k}" for k, n in report.created.items()) or tr("nothing new")
    print(f"{verb}: {detail}; " + tr("{0} records already present").format(report.unchanged))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from desk_app.store.checks import check_store  # noqa: PLC0415

    db = _open(args)
    problems, lines = check_store(db)
    for line in lines:
        print(line)
    if problems:
        raise CliError(problems[0])
    return 0


def cmd_optimize(args: argparse.Namespace) -> int:
    from desk_app.store.maintenance import optimize  # noqa: PLC0415

    db = _open(args)
    for part, seconds in optimize(db).items():
        print(tr("{0}: optimized in {1:.1f} s").format(part, seconds))
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    from desk_app.brief.commands import run_brief  # noqa: PLC0415

    db = _open(args)
    return run_brief(db, args, fail=CliError)


def cmd_search(args: argparse.Namespace) -> int:
    from desk_app.store.search import Searcher  # noqa: PLC0415

    _open(args).close()  # makes the default store on first use, and migrates
    with Searcher(paths.store_path(getattr(args, "db", None))[0]) as searcher:
        hits = searcher.search(args.query, limit=args.limit)
    if args.json:
        print(json.dumps([h.as_json() for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(tr("nothing found"))
    for hit in hits:
        print(f"{hit.case_slug:<16} {hit.kind:<11} {hit.record_id}  {hit.snippet}")
    return 0


def cmd_synth(args: argparse.Namespace) -> int:
    import time  # noqa: PLC0415

    from desk_app.exchange.synth import synthesize  # noqa: PLC0415
    from desk_app.store import open_store  # noqa: PLC0415

    if args.cases < 1 or args.testimonies < 0:
        raise CliError(tr("--cases must be 1 or more and --testimonies 0 or more"))
    path = Path(args.db) if args.db else paths.store_path(None)[0]
    if path.exists():
        raise CliError(tr("{0} exists; synth fills a new store only").format(path))
    started = time.perf_counter()
    db = open_store(path)

    def report(done: int, total: int, message: str) -> None:
        print(f"\r{message}", end="", file=sys.stderr, flush=True)

    totals = synthesize(
        db,
        cases=args.cases,
        testimonies=args.testimonies,
        batches=args.batches,
        seed=args.seed,
        progress=report,
    )
    print(file=sys.stderr)
    detail = ", ".join(f"{n} {t}" for t, n in totals.items())
    print(tr("created {0} in {1:.1f} s: {2}").format(path, time.perf_counter() - started, detail))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; --db is accepted before or after the command."""
    db_opt = argparse.ArgumentParser(add_help=False)
    db_opt.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=tr("the store (default: $DESK_APP_DB, else the user's default store)"),
    )
    parser = argparse.ArgumentParser(
        prog="desk-app", description=tr("Case Desk: review case files offline.")
    )
    parser.add_argument("--version", action="version", version=f"desk-app {__version__}")
    parser.add_argument("--db", metavar="PATH", default=None, help=tr("the store to use"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[db_opt], help=help_text)
        p.set_defaults(func=func)
        return p

    add("gui", cmd_gui, tr("open the window (the default)"))
    p = add("demo", cmd_demo, tr("create a store holding the four demo cases"))
    p.add_argument("--force", action="store_true", help=tr("replace an existing store"))
    p = add("cases", cmd_cases, tr("list the cases"))
    p.add_argument("--json", action="store_true")
    p = add("show", cmd_show, tr("print every record of one case"))
    p.add_argument("case", help=tr("slug or id"))
    p.add_argument("--json", action="store_true", help=tr("print the case bundle"))
    p = add("export", cmd_export, tr("write a case bundle"))
    p.add_argument("case", help=tr("slug or id"))
    p.add_argument("--out", required=True, metavar="FILE.json")
    p = add("import", cmd_import, tr("read case bundles into the store"))
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help=tr("check and report, write nothing"))
    add("check", cmd_check, tr("check integrity, foreign keys and the audit log"))
    add(
        "optimize",
        cmd_optimize,
        tr("merge the search index and refresh statistics (after big imports)"),
    )
    p = add("brief", cmd_brief, tr("export PDF case briefs"))
    p.add_argument("case", nargs="?", help=tr("slug or id"))
    p.add_argument("--all", action="store_true", help=tr("one brief per case into --out DIR"))
    p.add_argument("--out", required=True, metavar="FILE.pdf|DIR")
    p.add_argument(
        "--profile",
        choices=["internal", "partner", "public"],
        default="partner",  # as in the window: witness identities only when asked for
        help=tr("edition (default partner; internal names witnesses)"),
    )
    p = add("synth", cmd_synth, tr("fill a new store with synthetic cases (for benchmarks)"))
    p.add_argument("--cases", type=int, required=True)
    p.add_argument("--testimonies", type=int, required=True)
    p.add_argument(
        "--batches", type=int, default=None, help=tr("batches per case (default: 1 to 14)")
    )
    p.add_argument("--seed", type=int, default=1)
    p = add("search", cmd_search, tr("search every case"))
    p.add_argument("query")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=20)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the desk-app command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        args.command, args.func = "gui", cmd_gui
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print(tr("desk-app: interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the user gets one line, never a traceback
        if os.environ.get("DESK_APP_DEBUG"):
            raise
        print(f"desk-app: {_message(exc)}", file=sys.stderr)
        return 1


def _message(exc: Exception) -> str:
    from desk_app.exchange.bundle_json import BundleError  # noqa: PLC0415
    from desk_app.files import WriteError  # noqa: PLC0415
    from desk_app.store.errors import StoreError  # noqa: PLC0415

    if isinstance(exc, CliError | StoreError | BundleError | WriteError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
    return tr("unexpected error ({0}): {1}").format(type(exc).__name__, exc)
