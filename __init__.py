"""policykg: a knowledge graph of Vietnamese public policy.

The distribution maps the repository's top-level folders to subpackages:
``policykg.ontology``, ``policykg.ingest``, ``policykg.graph``, ``policykg.shapes``,
``policykg.load``, ``policykg.api`` and ``policykg.cli`` (who imports whom:
``docs/architecture.md``).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__version__ = "0.1.0"


def bundled_corpus() -> Path:
    """Folder holding the bundled corpus of plans (``corpus/``)."""
    return Path(str(files("policykg") / "corpus"))
