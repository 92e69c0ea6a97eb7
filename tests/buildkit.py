"""Run a real `mkdocs build --strict` in a project folder (shared by the build tests)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def mkdocs_build(project: Path, **env: str) -> subprocess.CompletedProcess:
    """Build the site in `project`; `env` adds variables (e.g. PYTHONPATH) to the environment."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )
