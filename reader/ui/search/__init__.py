"""Search across sources: the search screen and its results."""
