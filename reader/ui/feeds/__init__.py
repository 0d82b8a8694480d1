"""Feeds: the subscribe prompt, the feeds panel and the update actions."""
