"""Developer commands (not part of the installed application's CLI)."""
