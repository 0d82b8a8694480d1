"""The headless core: loading, analysis, search and storage. Never imports textual or rich."""
