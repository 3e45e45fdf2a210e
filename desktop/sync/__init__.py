"""Sync with headquarters: device identity, bundle format, export, HQ import and merge."""
