"""Hostile input files for the loaders, the library, the CLI and the app (see `corpus`)."""
