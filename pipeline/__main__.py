import sys

try:
    from pipeline.cli import main
except KeyboardInterrupt:  # Ctrl-C while the libraries load
    print("doc2kg: interrupted", file=sys.stderr)
    sys.exit(130)

main()
