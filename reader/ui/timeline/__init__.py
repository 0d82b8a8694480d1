"""The timeline: events by day with their places, people and sources."""
