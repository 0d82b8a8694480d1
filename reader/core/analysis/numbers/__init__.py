"""Figures: numbers, money, percentages and counts with their units. `find.find_numbers`."""
