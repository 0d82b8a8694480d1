"""The reading screen: the article list, the reading panes (one or several side by side),
highlights, marks and the workers that load pages and analyses."""
