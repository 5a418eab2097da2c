"""Language data (word lists as data files), after spaCy's ``spacy/lang``."""
