"""The relation fixture of tests/relations, shared with the regression cases."""
from tests.relations.conftest import extract  # noqa: F401 (fixture)
