"""``python -m desktop`` behaves exactly like the ``testimony-desk`` command."""

from desktop.cli import main

raise SystemExit(main())
