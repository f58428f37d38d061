"""Building blocks of the quotations component: text units, quotation marks, speaker
phrases and speaker resolution. Each works on plain strings with char offsets, in linear
time, so that the component stays a thin spaCy wrapper."""
