"""Direct and reported speech with resolved speakers: the ``facts_quotations`` component.
Its stages (quotation marks, speaker phrases, speaker resolution) work on plain strings with
char offsets, in linear time."""
