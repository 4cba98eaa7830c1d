"""The case bundle as JSON: format 'desk-app/case-bundle', version 1.

Reading validates the whole file before anything is written anywhere: every
field's type, dates, counts, ids and the references between records. The
first fault is reported with its place (``batches[3].date``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from desk_app.domain import records as r
from desk_app.domain.bundle import FORMAT, VERSION, CaseBundle, reference_problems
from desk_app.domain.kinds import KINDS
from desk_app.domain.serial import SerialError, from_dict, to_dict
from desk_app.files import atomic_write
from desk_app.i18n import tr

TOP_KEYS = {"format", "version", "case"} | {k.bundle_key for k in KINDS}


class BundleError(Exception):
    """A bundle file that cannot be read; str() names the file and the place."""


def bundle_to_json(bundle: CaseBundle) -> dict[str, Any]:
    """The bundle as a JSON-ready dict in the documented key order."""
    out: dict[str, Any] = {"format": FORMAT, "version": VERSION, "case": to_dict(bundle.case)}
    for kind, items in bundle.records():
        out[kind.bundle_key] = [to_dict(item) for item in items]
    return out


def dumps(bundle: CaseBundle) -> str:
    return json.dumps(bundle_to_json(bundle), ensure_ascii=False, indent=2) + "\n"


def write_bundle(bundle: CaseBundle, target: str | Path) -> None:
    """Write a bundle file atomically."""
    with atomic_write(target) as handle:
        handle.write(dumps(bundle).encode("utf-8"))


def bundle_from_json(data: Any) -> CaseBundle:
    """Validate a parsed bundle; SerialError names the first bad place."""
    if not isinstance(data, dict):
        raise SerialError("", tr("a case bundle must be a JSON object"))
    if data.get("format") != FORMAT:
        raise SerialError("format", tr("must be '{0}'").format(FORMAT))
    if data.get("version") != VERSION:
        raise SerialError(
            "version",
            tr("version {0} is not supported (this app reads {1})").format(
                data.get("version"), VERSION
            ),
        )
    extra = sorted(set(data) - TOP_KEYS)
    if extra:
        raise SerialError(extra[0], tr("is not a known field"))
    bundle = CaseBundle(case=from_dict(r.Case, data.get("case"), "case"))
    for kind in KINDS:
        items = data.get(kind.bundle_key, [])
        if not isinstance(items, list):
            raise SerialError(kind.bundle_key, tr("must be a list"))
        setattr(
            bundle,
            kind.bundle_key,
            [from_dict(kind.cls, item, f"{kind.bundle_key}[{i}]") for i, item in enumerate(items)],
        )
    problems = reference_problems(bundle)
    if problems:
        raise SerialError(*problems[0])
    return bundle


def read_bundle(path: str | Path) -> CaseBundle:
    """Read and validate a bundle file; BundleError with file and place."""
    path = Path(path)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except FileNotFoundError:
        raise BundleError(tr("{0}: no such file").format(path)) from None
    except IsADirectoryError:
        raise BundleError(tr("{0}: is a folder, not a bundle file").format(path)) from None
    except UnicodeDecodeError:
        raise BundleError(tr("{0}: is not UTF-8 text").format(path)) from None
    except OSError as exc:
        raise BundleError(f"{path}: {exc.strerror}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BundleError(
            tr("{0}: not valid JSON at line {1}, column {2}: {3}").format(
                path, exc.lineno, exc.colno, exc.msg
            )
        ) from None
    try:
        bundle = bundle_from_json(data)
    except SerialError as exc:
        raise BundleError(f"{path}: {exc}") from None
    bundle.source_sha256 = hashlib.sha256(raw).hexdigest()
    return bundle
