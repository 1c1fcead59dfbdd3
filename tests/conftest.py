"""Shared test fixtures: where ../shared is, the repository's own samples."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"


def shared_dir() -> Path:
    """../shared beside the checkout, or $EDITION_SHARED."""
    configured = os.environ.get("EDITION_SHARED")
    return Path(configured) if configured else ROOT.parent / "shared"


def shared_files(folder: str) -> list[Path]:
    path = shared_dir() / folder
    return sorted(path.glob("*.txt")) if path.is_dir() else []


def require_shared(folder: str) -> Path:
    path = shared_dir() / folder
    if not path.is_dir():
        pytest.skip(f"{path} is absent: set EDITION_SHARED to the folder holding seeds/ and corpus-dev/")
    return path


def sample_files() -> list[Path]:
    return sorted(p for p in SOURCES.glob("*.txt"))
