"""Counts, percentages, money and measures: the ``facts_quantities`` component."""
