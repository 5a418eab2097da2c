"""One module per stage; each registers itself with :mod:`pipeline.registry`."""
