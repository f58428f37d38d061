"""Dates and times normalised to TIMEX3 values: the ``facts_dates`` component."""
