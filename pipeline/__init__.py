"""doc2kg: news articles (Arabic, French, English) to a knowledge graph.

Stages, one package each, in the order data flows:
``ingest`` -> ``language`` -> ``entities`` -> ``relations`` -> ``resolution`` -> ``graph``
-> ``exporters`` / ``store``; ``ontology_data`` owns the files under ``ontology/``,
``nlp`` assembles the spaCy pipelines, ``runner.Pipeline`` composes the stages and ``cli``
exposes them.
"""
from importlib import metadata
from pathlib import Path


def _version() -> str:
    """The version of ``pyproject.toml``, its single source: read from the file in a source
    checkout (an editable install's metadata keeps the version it was installed with),
    else from the installed distribution's metadata, built from the same file."""
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    if pyproject.is_file():
        import tomllib

        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    return metadata.version("doc2kg")


__version__ = _version()
