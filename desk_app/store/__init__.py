"""The case store: SQLite through sqlite-utils; rows in, domain objects out."""

from desk_app.store.connection import open_store
from desk_app.store.errors import InvalidRecord, NotFound, StoreError

__all__ = ["InvalidRecord", "NotFound", "StoreError", "open_store"]
