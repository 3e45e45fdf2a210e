"""``python -m desktop`` behaves exactly like the ``testimony-desk`` command."""

from desktop.cli import main

if __name__ == "__main__":  # also imported by helper processes (multiprocessing spawn)
    raise SystemExit(main())
