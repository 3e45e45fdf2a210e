"""Parse import files in a helper process while the caller stores the ones already parsed.

Why: importing is parse + validate (pure Python, ~20% of a large import) followed by the
store's writes (~80%), all on one core. With several files, the second core can parse file
*k+1* while the first stores file *k*; ``CaseRepository.save_batches`` keeps all of it in
one transaction, so the outcome is the same as parsing everything first (a file that does
not validate still means nothing is imported).

How: one worker process, started with ``spawn`` (a fork would copy the unlocked vault's
keys and Qt's threads into the child), parses every file but the first; the caller parses
the first file itself meanwhile, so the worker's start-up costs nothing. Documents come
back pickled through a pipe (never a file): unpickling costs the caller about an eighth of
parsing. Validation errors travel as plain fields and are raised again here unchanged.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from desktop.errors import InvalidInputError
from desktop.interchange.case_json import DEFAULT_MAX_FILE_SIZE, load_case_files

# Below this many bytes in the files after the first, a worker process is not worth starting.
MIN_PARALLEL_BYTES = 4 * 1024 * 1024
LOOKAHEAD = 2


Prepared = Any  # desktop.store.mapping.Prepared, imported by the worker only


def parsed_files(
    paths: Sequence[Path], *, max_size: int = DEFAULT_MAX_FILE_SIZE
) -> Iterator[tuple[str, list[dict[str, Any]], list[Prepared] | None]]:
    """Yield ``(path, cases, prepared)`` per file, in order; raise on the first invalid file.

    ``prepared`` (files parsed by the worker) holds ``mapping.prepare`` of each case: the
    worker also derives the rows, search texts and hash that the store would otherwise
    compute, which moves about a third of the store's work to the second core.
    """
    names = [os.fspath(p) for p in paths]
    if len(names) < 2 or _total_size(names[1:]) < MIN_PARALLEL_BYTES:
        for name in names:
            yield name, _parse(name, max_size), None
        return
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    pending: deque[Future[tuple[str, Any]]] = deque()
    queued = iter(names[1:])

    def submit_next() -> None:
        name = next(queued, None)
        if name is not None:
            pending.append(pool.submit(_parse_in_worker, name, max_size))

    try:
        # At most LOOKAHEAD files parsed ahead of the writes: the worker is faster than the
        # store, and every parsed file waiting here costs memory (about 0.3 GB per 10,000).
        for _ in range(LOOKAHEAD):
            submit_next()
        yield names[0], _parse(names[0], max_size), None
        for name in names[1:]:
            outcome = pending.popleft().result()
            submit_next()
            yield (name, *_unwrap(outcome))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _parse(name: str, max_size: int) -> list[dict[str, Any]]:
    from desktop.store.cases import collector_paused

    with collector_paused():
        return load_case_files([name], max_size=max_size)


def _parse_in_worker(name: str, max_size: int) -> tuple[str, Any]:
    """Runs in the worker: cases and their derived rows, or the validation error's fields.

    (The error travels as plain fields: always picklable, raised again unchanged.)
    """
    from desktop.store import mapping

    try:
        cases = _parse(name, max_size)
        try:
            prepared = [mapping.prepare(case) for case in cases]
        finally:
            mapping.clear_memo()
        slim = [
            case if ready is None else _without_rows(case)
            for case, ready in zip(cases, prepared, strict=True)
        ]
        return "cases", (slim, prepared)
    except InvalidInputError as exc:
        return "invalid", {
            "message": exc.reason,
            "source": exc.source,
            "index": exc.index,
            "path": exc.path,
            "line": exc.line,
        }


# What a prepared case's rows already carry (``mapping.document_to_rows``): the store reads
# only the case's own fields next to them, so these need not cross the pipe a second time.
ROW_KEYS = frozenset({"persons", "events", "testimonies", "appeals", "attachments"})


def _without_rows(case: dict[str, Any]) -> dict[str, Any]:
    """The case without the parts its prepared rows hold (a third less to pickle and
    unpickle: the narratives are in the testimony rows and the search texts already)."""
    return {k: v for k, v in case.items() if k not in ROW_KEYS}


def _unwrap(outcome: tuple[str, Any]) -> tuple[list[dict[str, Any]], list[Prepared]]:
    kind, payload = outcome
    if kind == "invalid":
        message = payload.pop("message")
        raise InvalidInputError(message, **payload)
    cases, prepared = payload
    return cases, prepared


def _total_size(names: Sequence[str]) -> int:
    total = 0
    for name in names:
        try:
            total += os.path.getsize(name)
        except OSError:
            continue  # the parser reports the unreadable file with its own message
    return total
