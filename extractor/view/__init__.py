"""The HTML view: one self-contained page (inline CSS and JS, no network access) that shows an
article with its facts highlighted in place, a legend, the normalised record of each fact on
hover or focus, and a table per kind. :func:`render_view` builds it."""

from .page import render_view

__all__ = ["render_view"]
