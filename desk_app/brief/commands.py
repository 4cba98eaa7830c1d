"""`desk-app brief`: one case or every case, under a profile, from the store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlite_utils import Database

from desk_app.brief.render import build_brief
from desk_app.domain.redact import Profile
from desk_app.i18n import tr
from desk_app.store import audit
from desk_app.store.cases import list_cases, load_bundle, resolve_case


def run_brief(db: Database, args: argparse.Namespace, *, fail: type[Exception]) -> int:
    """Make the briefs the arguments ask for; raise fail(message) on a user error."""
    profile = Profile(args.profile)
    head = audit.head(db)
    if args.all:
        if args.case:
            raise fail(tr("give a case or --all, not both"))
        out_dir = Path(args.out)
        if not out_dir.is_dir():
            raise fail(tr("--all needs --out to be an existing folder: {0}").format(out_dir))
        for case in list_cases(db):
            target = out_dir / f"{case.slug}-{profile.value}.pdf"
            result = build_brief(load_bundle(db, case.id), target, profile=profile, audit_head=head)
            print(
                tr("wrote {0} ({1} pages, {2:.2f} s)").format(target, result.pages, result.seconds)
            )
        return 0
    if not args.case:
        raise fail(tr("name a case (slug or id), or use --all"))
    case = resolve_case(db, args.case)
    result = build_brief(load_bundle(db, case.id), args.out, profile=profile, audit_head=head)
    print(
        tr("wrote {0} ({1} pages, {2:.2f} s)").format(result.path, result.pages, result.seconds),
        file=sys.stdout,
    )
    return 0


def make_brief(store, case_id: str, target, *, profile: Profile, progress=None):
    """Open the store afresh (a worker thread's own connection) and write one brief."""
    from desk_app.store import open_store  # noqa: PLC0415

    db = open_store(store, create=False)
    try:
        return build_brief(
            load_bundle(db, case_id),
            target,
            profile=profile,
            audit_head=audit.head(db),
            progress=progress,
        )
    finally:
        db.close()
