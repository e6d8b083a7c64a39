"""``python -m iasante.datasets`` prints the book's data page (``book/donnees.md``)."""

import sys

from . import render_markdown

sys.stdout.write(render_markdown())
