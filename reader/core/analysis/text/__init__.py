"""Text helpers shared by the rooms above: sentence splitting and clause summaries."""
