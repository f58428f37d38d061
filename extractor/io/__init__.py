"""Input and output: readers that stream every format into Documents, atomic file writes."""
