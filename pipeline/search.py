"""The search stage: the full-text index of the web edition (Pagefind) and its search page.

Runs once after all documents (``collect`` only): ``search.html`` is
rendered by ``xslt/html/search.xsl`` from the index summaries, then
Pagefind (PyPI ``pagefind[bin]``, offline) indexes the document pages under
``OUT/html/`` into ``OUT/html/pagefind/``.  The document pages mark what is
indexed (``data-pagefind-body``), so the English translations and the
Russian originals are both searchable.

It is a stage of its own so that a build can leave it out: set
``EDITION_NO_SEARCH=1`` (benchmarks, quick builds); the site then has no
search link.  It never reads TEI or source files.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .errors import EditionError
from .files import atomic_write
from .stages import STAGE_MODULES, CollectionContext, Stage

SITE = "html"
BUNDLE = "pagefind"                 # OUT/html/pagefind/
SEARCH_PAGE = "search.html"
SWITCH_OFF = "EDITION_NO_SEARCH"    # environment variable: "1" leaves the stage out


def search_enabled() -> bool:
    """True when this build makes the search (the stage is registered and not switched off)."""
    return __name__ in STAGE_MODULES and os.environ.get(SWITCH_OFF, "") in ("", "0")


def pagefind_command(site: Path, output: Path) -> list[str]:
    """Pagefind's command line: index ``site`` into ``output``, quietly."""
    return [sys.executable, "-m", "pagefind", "--site", str(site),
            "--output-path", str(output), "--silent"]


def write_index(site: Path) -> Path:
    """Runs Pagefind on ``site``; the bundle replaces ``site/pagefind`` only once complete."""
    target = site / BUNDLE
    staging = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site))
    try:
        result = subprocess.run(pagefind_command(site, staging / BUNDLE),
                                capture_output=True, text=True, check=False)
        if result.returncode != 0:
            explanation = " ".join((result.stderr or result.stdout).split()) or f"exit status {result.returncode}"
            raise EditionError(f"Pagefind could not index the site: {explanation}", str(site))
        previous = site / f".{BUNDLE}-previous"
        if target.exists():
            target.rename(previous)
        (staging / BUNDLE).rename(target)
        shutil.rmtree(previous, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def write_collection(context: CollectionContext) -> list[Path]:
    from .render import get_renderer
    from .site import site_parameters, summaries_xml

    if not search_enabled():
        return []
    site = context.out_dir / SITE
    summaries = summaries_xml(context)
    page = site / SEARCH_PAGE
    atomic_write(page, get_renderer().search_html(summaries, site_parameters()).encode("utf-8"))
    return [page, write_index(site)]


STAGE = Stage("search", "full-text search of the web edition (Pagefind) under OUT/html/pagefind/",
              None, write_collection)
