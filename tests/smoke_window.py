"""Real-window smoke test, run under Xvfb by `make smoke` (and .ci/run).

Starts `desk-app gui` on a fresh demo store as a user would, waits for its
window to be mapped, saves a screenshot, asks it to quit with Ctrl+Q, and
requires a clean exit. Not collected by pytest: it needs a real X display.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DESK_APP = Path(sys.executable).with_name("desk-app")


def wait_for_window(title: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", title], capture_output=True, text=True
        )
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.split()[0]
        time.sleep(0.2)
    raise SystemExit(f"smoke: no window titled {title!r} within {timeout:.0f} s")


def main() -> int:
    if not os.environ.get("DISPLAY"):
        raise SystemExit("smoke: needs an X display (run under xvfb-run)")
    workdir = Path(tempfile.mkdtemp(prefix="desk-smoke-"))
    store = workdir / "demo.db"
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(workdir / "config"),
        "XDG_DATA_HOME": str(workdir / "data"),
    }
    env.pop("QT_QPA_PLATFORM", None)
    subprocess.run([str(DESK_APP), "demo", "--db", str(store)], check=True, env=env)
    app = subprocess.Popen([str(DESK_APP), "gui", "--db", str(store)], env=env)
    try:
        window = wait_for_window("Case Desk")
        time.sleep(1.0)  # let the first paint finish before the screenshot
        out = ROOT / "build" / "smoke-window.png"
        out.parent.mkdir(exist_ok=True)
        if shutil.which("import"):
            subprocess.run(["import", "-window", "root", str(out)], check=False)
        # No window manager under Xvfb: focus directly, then type with XTEST
        # (Qt ignores the synthetic events that `key --window` sends).
        subprocess.run(["xdotool", "windowfocus", "--sync", window], check=False)
        subprocess.run(["xdotool", "key", "ctrl+q"], check=True)
        code = app.wait(timeout=30)
    except subprocess.TimeoutExpired:
        app.kill()
        print("smoke: the window did not close on Ctrl+Q", file=sys.stderr)
        return 1
    finally:
        if app.poll() is None:
            app.kill()
    print(f"smoke: window shown and closed cleanly (exit {code}); screenshot {out}")
    return code


if __name__ == "__main__":
    sys.exit(main())
