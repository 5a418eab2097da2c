"""Team annotation: sampling batches from SaudiNewsNet, reading annotators'
inline markup back into standoff spans, and checking that stored standoff
annotations still line up with the shared articles.

The repository never holds article text: batches (text for annotators) are
written outside it (``--work``), and what comes back is stored as standoff
(day zip, article index, span offsets in the article's ``content``, labels,
a sha1 of the annotated sentence or paragraph).  Guidelines:
``docs/annotation/{ner,attributions,events}.md``.
"""
