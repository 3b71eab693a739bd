"""The docs describe what exists: every CLI command, setting and endpoint is documented."""

from __future__ import annotations

from pathlib import Path

import typer.main
from fastapi import FastAPI

from policykg.api.settings import describe
from policykg.cli.main import app as cli_app

ROOT = Path(__file__).resolve().parent.parent


def _docs_text() -> str:
    parts = [(ROOT / "README.md").read_text(encoding="utf-8")]
    parts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md"))]
    return "\n".join(parts)


def test_every_cli_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(cli_app)
    commands = sorted(group.commands)  # type: ignore[attr-defined]
    assert commands
    for name in commands:
        assert f"policykg {name}" in readme, name


def test_every_setting_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for variable, _default, help_text in describe():
        assert variable in readme, variable
        assert help_text, variable


def test_every_endpoint_is_documented(app: FastAPI) -> None:
    text = _docs_text()
    paths = sorted(app.openapi()["paths"])
    assert paths
    for path in paths:
        assert f"`{path}" in text or f"{path}`" in text, f"endpoint {path} is not documented"
