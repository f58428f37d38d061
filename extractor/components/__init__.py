"""One spaCy component per fact kind; importing a module registers its factory."""
