import os
import sys


def _interrupted() -> None:
    """Exit 130 for certain (as :func:`pipeline.cli.interrupted`, which may not be loaded yet)."""
    try:
        print("doc2kg: interrupted", file=sys.stderr, flush=True)
    finally:
        os._exit(130)


try:
    from pipeline.cli import main
except KeyboardInterrupt:  # Ctrl-C while the libraries load
    _interrupted()

main()
