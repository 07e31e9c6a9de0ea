"""JupyterLab in a real browser, for tests: a server started by `make lab` on a temporary copy of the
project, a headless Chromium page that may reach nothing but that server, and notebook helpers.

Why a module of its own: every JupyterLab test (the notebooks' Run All, a review-queue click) needs the
same slow set-up; one server per test module keeps the run time reasonable. Not named
``jupyterlab.py``: the tests' folder is on ``sys.path`` and that name would shadow the real package.

Chromium is Debian's (``make browser`` installs it), driven by Playwright through ``executable_path``.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import ROOT, copy_repo, make_env

from newsnumbers import extract_paths, write_csv

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SKIP_REASON = "chromium is not installed (make test installs it)"
TOKEN = "newsnumbers-test"
#: JupyterLab settings for the tests: every cell in the DOM (no windowing), no news or update checks
SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                        "checkForUpdates": False},
}

#: One notebook's state, read from JupyterLab's own models (not from how the page looks)
STATE_JS = """() => {
  const app = window.jupyterapp;
  const w = app && app.shell.currentWidget;
  if (!w || !w.content || !w.content.model || !w.sessionContext) return null;
  const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
  const cells = w.content.model.cells;
  let pending = 0; const errors = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells.get(i);
    if (c.type !== 'code') continue;
    if (c.executionCount == null) pending++;
    for (let j = 0; j < c.outputs.length; j++) {
      const o = c.outputs.get(j).toJSON();
      if (o.output_type === 'error') errors.push(`cell ${i}: ${o.ename}: ${o.evalue}`);
    }
  }
  return {status: kernel ? kernel.status : 'none', pending, errors};
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LabServer:
    """A running `make lab` on ``project``."""

    project: Path
    port: int
    process: subprocess.Popen
    log: Path
    blocked: list[str] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}?token={TOKEN}"


def lab_project(tmp_path: Path) -> Path:
    """A copy of the project with the tables already built, so the chart notebooks run in any order."""
    repo = copy_repo(tmp_path)
    (repo / "data").mkdir()
    figures, rejected = extract_paths([repo / "seeds"])
    write_csv(figures, repo / "data" / "figures.csv")
    write_csv(rejected, repo / "data" / "rejected.csv")
    return repo


def _wait_until_up(server: LabServer, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"make lab exited with {server.process.returncode}:\n{server.log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(server.url("api/status"), timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"JupyterLab did not answer within {timeout} s:\n{server.log.read_text()[-3000:]}")


def start_lab(project: Path, home: Path) -> LabServer:
    """`make lab` in ``project`` on a free port, its Jupyter configuration and settings under ``home``."""
    settings = home / "settings"
    for name, value in SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value), encoding="utf-8")
    port = free_port()
    lab_args = (f"--port={port} --ServerApp.ip=127.0.0.1 --no-browser --IdentityProvider.token={TOKEN} "
                f"--LabApp.expose_app_in_browser=True --JupyterNotebookApp.expose_app_in_browser=True "
                f"--LabApp.user_settings_dir={settings} --JupyterNotebookApp.user_settings_dir={settings} "
                f"--LabApp.workspaces_dir={home / 'workspaces'} --ServerApp.port_retries=0")
    env = {**make_env(), "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "runtime")}
    log = home / "lab.log"
    with log.open("w") as out:
        process = subprocess.Popen(["make", "-s", "-o", ".venv/.installed", "lab", f"LAB_ARGS={lab_args}"],
                                   cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    server = LabServer(project, port, process, log)
    try:
        _wait_until_up(server)
    except BaseException:
        stop_lab(server)
        raise
    return server


def stop_lab(server: LabServer) -> None:
    """Stop make and the server it started (their own process group only)."""
    try:
        os.killpg(server.process.pid, 15)
        server.process.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(server.process.pid, 9)
        except ProcessLookupError:
            pass


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Iterator[LabServer]:
    """One JupyterLab for a test module, on a temporary copy of the project."""
    if CHROMIUM is None:
        pytest.skip(SKIP_REASON)
    tmp = tmp_path_factory.mktemp("lab")
    server = start_lab(lab_project(tmp), tmp / "home")
    yield server
    stop_lab(server)


@pytest.fixture(scope="module")
def lab_page(lab):
    """A Chromium page on the server: every request to anything but the server is blocked and recorded."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})

        def only_local(route):
            url = route.request.url
            if url.startswith((lab.base, "data:", "blob:")):
                route.continue_()
            else:
                lab.blocked.append(url)
                route.abort()

        page.route("**/*", only_local)
        yield page
        browser.close()


def open_notebook(page, server: LabServer, relative: str, timeout_ms: int = 60_000) -> None:
    """Open ``relative`` (from the project root) and wait until its kernel is idle.

    The first call loads JupyterLab; later ones open through its command, without reloading the
    page (a reload would restore the tabs of the workspace, and start their kernels again).
    """
    if not page.url.startswith(server.base):
        page.goto(server.url("lab"))
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell", timeout=timeout_ms)
        page.evaluate("async () => { await window.jupyterapp.restored; }")
        page.wait_for_function("() => window.jupyterapp.commands.hasCommand('docmanager:open')", timeout=timeout_ms)
    page.evaluate("async path => { await window.jupyterapp.commands.execute('docmanager:open', {path}); }", relative)
    page.wait_for_function("path => { const w = window.jupyterapp.shell.currentWidget; "
                           "return w && w.context && w.context.path === path && w.sessionContext; }",
                           arg=relative, timeout=timeout_ms)
    page.wait_for_function(f"() => {{ const s = ({STATE_JS})(); return s && s.status === 'idle'; }}",
                           timeout=timeout_ms)


def run_all(page, timeout_ms: int = 180_000) -> dict:
    """Run All and wait until every code cell ran and the kernel is idle, or a cell failed; the final state."""
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(f"""() => {{ const s = ({STATE_JS})();
        return s && (s.errors.length > 0 || (s.pending === 0 && s.status === 'idle')); }}""",
                           timeout=timeout_ms, polling=500)
    return page.evaluate(f"({STATE_JS})")


def close_notebook(page) -> None:
    """Close the notebook without a save dialog (the copy is thrown away) and shut every kernel down:
    one notebook's kernel at a time on a small machine."""
    page.evaluate("""async () => { const app = window.jupyterapp; const w = app.shell.currentWidget;
        if (w && w.context) { w.context.model.dirty = false; }
        if (w && w.sessionContext) { await w.sessionContext.shutdown(); }
        if (w) { w.dispose(); }
        await app.serviceManager.sessions.shutdownAll(); }""")


def shots_dir() -> Path:
    """Where screenshots go: $LAB_SHOTS, else build/lab-shots in the work tree (never committed)."""
    out = Path(os.environ.get("LAB_SHOTS") or ROOT / "build" / "lab-shots")
    out.mkdir(parents=True, exist_ok=True)
    return out
