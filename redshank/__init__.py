"""Redshank: news articles in, sourced PLOVER political events out."""

from redshank.version import CODER_VERSION, __version__

__all__ = ["CODER_VERSION", "__version__"]
