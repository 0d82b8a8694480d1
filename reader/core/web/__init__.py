"""The web: one HTTP client (`client.py`, on httpx) that feeds and pages fetch through."""
