"""The Stories view: the library grouped by story, with each story's coverage."""
