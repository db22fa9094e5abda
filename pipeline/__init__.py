"""doc2kg: news articles (Arabic, French, English) to a knowledge graph.

Stages, one package each, in the order data flows:
``ingest`` -> ``language`` -> ``entities`` -> ``relations`` -> ``resolution`` -> ``graph``
-> ``exporters`` / ``store``; ``runner.Pipeline`` composes them and ``cli`` exposes them.
"""
__version__ = "0.1.0"
