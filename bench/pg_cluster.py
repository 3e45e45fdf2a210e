"""A throwaway PostgreSQL cluster for tests and benchmarks (no system service needed).

Why: the HQ store must be tested against a real PostgreSQL server, in CI too, without
depending on a service that a machine may or may not run, and without touching a server
that holds real data. This module makes a private cluster in a new folder under /tmp:
``initdb`` with trust authentication, listening only on a unix socket inside that folder
(no TCP port, so nothing else on the machine can reach it and no port can clash), with
durability switched off (it is thrown away), and deletes everything on ``stop``.

``initdb`` refuses to run as root; as root the server runs as the ``postgres`` system user
that Debian's ``postgresql`` package creates (through ``runuser``), and the folder is handed
to that user.

Used by ``tests/pg/pg_fixtures.py`` (loaded by path) and by benchmarks::

    python bench/pg_cluster.py            # start one, print its URL, stop on Enter/Ctrl-C

    from pg_cluster import PgCluster
    with PgCluster() as cluster:
        url = cluster.create_database("bench")
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import TracebackType

SUPERUSER = "postgres"
SERVICE_USER = "postgres"
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
SETTINGS = {
    "listen_addresses": "''",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "60",
    "shared_buffers": "'64MB'",
    "log_min_messages": "warning",
}


class ClusterUnavailable(RuntimeError):
    """PostgreSQL's server programs are not installed (or cannot run here)."""


def find_bindir() -> Path | None:
    """The folder of ``initdb``/``pg_ctl``: $TESTIMONY_DESK_PG_BIN, PATH, or Debian's layout.

    Debian installs the server programs in /usr/lib/postgresql/<major>/bin, not on PATH;
    the newest major version found there wins.
    """
    env = os.environ.get("TESTIMONY_DESK_PG_BIN")
    if env and (Path(env) / "initdb").exists():
        return Path(env)
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(os.path.realpath(initdb)).parent
    found = []
    for candidate in glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        major = Path(candidate).parent.parent.name
        if major.isdigit() and Path(candidate).with_name("pg_ctl").exists():
            found.append((int(major), Path(candidate).parent))
    return max(found)[1] if found else None


def available() -> bool:
    return find_bindir() is not None


class PgCluster:
    """One private server; ``start`` and ``stop`` are idempotent."""

    def __init__(self, base: Path | None = None) -> None:
        bindir = find_bindir()
        if bindir is None:
            raise ClusterUnavailable(
                "PostgreSQL server programs (initdb, pg_ctl) not found: "
                "install Debian's 'postgresql' package"
            )
        self.bindir = bindir
        self._base_parent = base
        self.base: Path | None = None
        self._run_as: str | None = None
        self._started = False
        self._databases = 0

    # ------------------------------------------------------------------ lifecycle
    @property
    def socket_dir(self) -> Path:
        if self.base is None:
            raise RuntimeError("the cluster is not started")
        return self.base

    @property
    def data_dir(self) -> Path:
        return self.socket_dir / "data"

    def _command(self, program: str, *args: str) -> list[str]:
        cmd = [str(self.bindir / program), *args]
        if self._run_as:
            runuser = shutil.which("runuser") or next(
                (p for p in ("/usr/sbin/runuser", "/sbin/runuser") if Path(p).exists()), "runuser"
            )
            return [runuser, "-u", self._run_as, "--", *cmd]
        return cmd

    def _run(self, program: str, *args: str, timeout: float = 120) -> None:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TZ": "UTC",
        }
        # Fixed programs from the PostgreSQL bindir, arguments built here.
        proc = subprocess.run(
            self._command(program, *args),
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=str(self.socket_dir),
            env=env,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        if proc.returncode != 0:
            log = ""
            with contextlib.suppress(OSError):
                log = (self.socket_dir / "server.log").read_text("utf-8", "replace")[-2000:]
            raise ClusterUnavailable(
                f"{program} failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}\n{log}"
            )

    def start(self) -> PgCluster:
        if self._started:
            return self
        # Not $TMPDIR: tests point it at a private folder that the server user cannot enter.
        default = "/tmp" if Path("/tmp").is_dir() else tempfile.gettempdir()  # noqa: S108
        parent = self._base_parent or Path(os.environ.get("TESTIMONY_DESK_PG_TMP") or default)
        # Short path: a unix socket path must stay under ~100 bytes.
        self.base = Path(tempfile.mkdtemp(prefix="td-pg-", dir=str(parent)))
        if os.geteuid() == 0:
            try:
                entry = pwd.getpwnam(SERVICE_USER)
            except KeyError as exc:
                shutil.rmtree(self.base, ignore_errors=True)
                raise ClusterUnavailable(
                    f"running as root needs the '{SERVICE_USER}' system user "
                    "(Debian's postgresql package creates it)"
                ) from exc
            os.chown(self.base, entry.pw_uid, entry.pw_gid)
            self._run_as = SERVICE_USER
        os.chmod(self.base, 0o700)
        try:
            self._initdb()
            conf = self.data_dir / "postgresql.conf"
            lines = [f"{k} = {v}" for k, v in SETTINGS.items()]
            lines.append(f"unix_socket_directories = '{self.socket_dir}'")
            with conf.open("a", encoding="utf-8") as fh:
                fh.write("\n# throwaway test cluster\n" + "\n".join(lines) + "\n")
            self._run(
                "pg_ctl", "-D", str(self.data_dir), "-l", str(self.socket_dir / "server.log"),
                "-w", "-t", "60", "start",
            )  # fmt: skip
        except BaseException:
            self._remove()
            raise
        self._started = True
        atexit.register(self.stop)
        return self

    def _initdb(self) -> None:
        common = ["-D", str(self.data_dir), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "-N"]
        try:
            # C.UTF-8: Unicode-aware character classes (the text-search parser splits
            # Cyrillic, Arabic-script and Chinese words correctly) with byte-order sorting.
            self._run("initdb", *common, "--locale=C.UTF-8")
        except ClusterUnavailable:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            self._run("initdb", *common, "--locale=C")

    def stop(self) -> None:
        if self._started:
            self._started = False
            with contextlib.suppress(Exception):
                self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        self._remove()

    def _remove(self) -> None:
        if self.base is not None:
            shutil.rmtree(self.base, ignore_errors=True)
            self.base = None

    def __enter__(self) -> PgCluster:
        return self.start()

    def __exit__(
        self,
        _t: type[BaseException] | None,
        _e: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self.stop()

    # ------------------------------------------------------------------ databases
    def url(self, database: str = "postgres") -> str:
        """SQLAlchemy URL of a database on this cluster (psycopg 3 over the unix socket)."""
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.socket_dir}"

    def _admin(self) -> object:
        import psycopg

        return psycopg.connect(
            host=str(self.socket_dir), user=SUPERUSER, dbname="postgres", autocommit=True
        )

    def create_database(self, name: str | None = None, *, template: str | None = None) -> str:
        """A new UTF-8 database; returns its URL.

        Empty by default. ``template`` (a name or a URL from this cluster) makes it a copy of
        that database — a cheap snapshot, e.g. one prepared HQ store per Hypothesis example.
        The template must have no open connections (dispose its engines first).
        """
        if name is None:
            self._databases += 1
            name = f"td_{os.getpid()}_{self._databases}"
        source = self.database_name(template) if template else "template0"
        for checked in (name, source):
            if not _NAME.match(checked):
                raise ValueError(f"not a simple database name: {checked!r}")
        with self._admin() as conn:  # type: ignore[attr-defined]
            conn.execute(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE "{source}"')
        return self.url(name)

    @staticmethod
    def database_name(name_or_url: str) -> str:
        if "://" in name_or_url:
            return name_or_url.split("?", 1)[0].rsplit("/", 1)[1]
        return name_or_url

    def drop_database(self, name: str) -> None:
        """Drop a database by name or by the URL that ``create_database`` returned."""
        name = self.database_name(name)
        if not _NAME.match(name):
            raise ValueError(f"not a simple database name: {name!r}")
        with self._admin() as conn:  # type: ignore[attr-defined]
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> int:
    with PgCluster() as cluster:
        url = cluster.create_database(sys.argv[1] if len(sys.argv) > 1 else "testimony")
        print(url, flush=True)
        print("press Enter (or Ctrl-C) to stop and delete the cluster", file=sys.stderr)
        with contextlib.suppress(KeyboardInterrupt, EOFError):
            input()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
