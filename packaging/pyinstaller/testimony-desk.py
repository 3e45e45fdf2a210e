"""PyInstaller entry point: the frozen app behaves exactly like ``testimony-desk``."""

from desktop.cli import main

raise SystemExit(main())
