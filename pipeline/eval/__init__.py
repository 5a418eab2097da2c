"""Dev-set evaluation of every stage (``make eval``).  One module per stage."""
