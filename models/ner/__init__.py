"""NER model builders: data preparation, spaCy and stanza training."""
