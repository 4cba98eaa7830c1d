"""Import of a bundle of 100,000 testimonies against a raw executemany of the same rows."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.common import Row, store
from desk_app.exchange.bundle_json import read_bundle, write_bundle
from desk_app.store import open_store
from desk_app.store.cases import case_ids, import_bundles, load_bundle
from desk_app.store.codec import columns, to_row


def run(testimonies: int = 100_000, repeat: int = 3) -> list[Row]:
    src = open_store(store(1, testimonies, batches=12))
    bundle = load_bundle(src, case_ids(src)[0])
    work = Path(tempfile.mkdtemp(prefix="desk-bench-"))
    path = work / "bundle.json"
    write_bundle(bundle, path)
    ours, bare = [], []
    for i in range(repeat):
        db = open_store(work / f"ours{i}.db")
        started = time.perf_counter()
        import_bundles(db, [read_bundle(path)], actor="bench")
        ours.append(time.perf_counter() - started)
        db.close()
        # the floor: the same rows, already in memory, straight into the same schema
        db = open_store(work / f"bare{i}.db")
        prepared = {
            kind: [to_row(item) for item in items] for kind, items in bundle.records() if items
        }
        case_row = to_row(bundle.case)
        started = time.perf_counter()
        with db.atomic():
            db.conn.execute(
                f"INSERT INTO cases ({', '.join(case_row)}) VALUES ({', '.join('?' * len(case_row))})",
                list(case_row.values()),
            )
            for kind, rows in prepared.items():
                cols = columns(kind.cls)
                db.conn.executemany(
                    f"INSERT INTO {kind.table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    ([row[c] for c in cols] for row in rows),
                )
        bare.append(time.perf_counter() - started)
        db.close()
    med, base = sorted(ours)[len(ours) // 2], sorted(bare)[len(bare) // 2]
    return [
        Row(
            "import a bundle",
            f"{testimonies:,} testimonies",
            med * 1000,
            "ms",
            f"{min(ours) * 1000:.0f}-{max(ours) * 1000:.0f}",
            baseline=base * 1000,
            target="<= 1.5x raw executemany",
            met=med / base <= 1.5,
        )
    ]
