"""Broadsheet: a terminal news reader for reading one story across several outlets."""

__version__ = "0.1.0"
