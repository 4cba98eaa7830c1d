"""Where the store, resources/ and db/ are found: the one place that knows.

In a checkout (or an editable install) resources/ and db/ stand at the top
of the repository; in a built wheel they travel as desk_app/_data/.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

PACKAGE = Path(__file__).resolve().parent
APP_NAME = "desk-app"
APP_AUTHOR = "CaseDesk"
STORE_ENV = "DESK_APP_DB"


def _data_root(name: str) -> Path:
    for candidate in (PACKAGE.parent / name, PACKAGE / "_data" / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"desk-app cannot find its {name}/ folder (looked beside {PACKAGE})")


def resources_dir() -> Path:
    """Runtime assets: icons, style sheets, translations."""
    return _data_root("resources")


def db_dir() -> Path:
    """Schema snapshot and the demo cases."""
    return _data_root("db")


def demo_bundles() -> list[Path]:
    """The demo case bundles, in a stable order."""
    return sorted((db_dir() / "demo").glob("*.json"))


def default_store() -> Path:
    """The user's default store, in the platform's data folder."""
    return Path(user_data_dir(APP_NAME, APP_AUTHOR)) / "cases.db"


def store_path(explicit: str | os.PathLike | None) -> tuple[Path, bool]:
    """(path, is_default): --db, else $DESK_APP_DB, else the default store."""
    if explicit:
        return Path(explicit), False
    env = os.environ.get(STORE_ENV)
    if env:
        return Path(env), False
    return default_store(), True


def amiri_font(style: str = "Regular") -> Path:
    """The embedded Amiri TTF (Latin and Arabic), from the fontpkg-amiri package."""
    import fontpkg_amiri  # noqa: PLC0415 - only the brief needs it

    return Path(fontpkg_amiri.ROOT) / "files" / f"Amiri-{style}.ttf"
