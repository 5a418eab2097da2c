"""Model builders (``python -m models.build``).  Training code only: the runtime
loads the committed artefacts through :mod:`pipeline.ner`."""
