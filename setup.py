"""Copy the top-level resources/ and db/ into the wheel as desk_app/_data/.

The design card keeps runtime assets at the top of the repository; an
installed desk-app must still find them. paths.py looks in both places.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildPyWithData(build_py):
    """build_py that also places resources/ and db/ under desk_app/_data."""

    def run(self) -> None:
        super().run()
        for name in ("resources", "db"):
            target = Path(self.build_lib) / "desk_app" / "_data" / name
            shutil.copytree(HERE / name, target, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPyWithData})
