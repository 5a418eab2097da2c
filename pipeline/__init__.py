"""Arabic news extraction pipeline: normalise → tokenise → entities → events → attributions."""
__version__ = "0.1.0"


def frames(path_or_records):
    """pandas DataFrames (documents, entities, events, attributions) from a run
    directory, a feed file, or an iterable of records."""
    from .frames import frames as _frames

    return _frames(path_or_records)
