"""Key management for a vault folder (DESIGN §4).

A vault folder holds ``vault.json`` (key slots, no personal data), ``cases.db`` (SQLCipher)
and ``blobs/``. One random master key encrypts everything; key slots wrap it for a
passphrase, a recovery key and optionally the OS keyring.
"""

from desktop.vault.vault import UnlockedVault, Vault, VaultKind

__all__ = ["UnlockedVault", "Vault", "VaultKind"]
