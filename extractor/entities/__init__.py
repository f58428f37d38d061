"""People, organisations, places and nationalities: the ``facts_entities`` component."""
