"""What the reading screens show, computed headless: a reading set's analyses, companions,
timeline, comparison and citation, and the small values screens hand each other."""
