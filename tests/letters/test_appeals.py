"""The appeal log: transitions, refusals of invalid ones, follow-ups due, and the store."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from lettertools import make_case

from desktop.errors import InvalidInputError, UsageError
from desktop.letters.appeals import (
    AppealLog,
    due_follow_ups,
    parse_appeal_id,
    record_appeal,
    set_status,
)

DAY = dt.date(2026, 11, 27)


def _drafted() -> dict[str, Any]:
    return record_appeal(
        make_case(appeals=[]), recipient="t-ministry", template="consular-inquiry",
        language="ru", reference="TD-2026-0042/T-MINISTRY/1", pdf_sha256="c" * 64, on=DAY,
    )  # fmt: skip


def test_full_path_and_follow_up_date() -> None:
    case = _drafted()
    assert case["appeals"][0]["status"] == "drafted"
    case = set_status(case, 1, "sent", on=DAY)
    assert case["appeals"][0]["follow_up"] == "2026-12-27"  # 30 days after sending
    assert case["appeals"][0]["date"] == "2026-11-27"  # the date printed on the letter stays
    case = set_status(case, 1, "acknowledged", on=DAY + dt.timedelta(days=3))
    case = set_status(
        case, 1, "answered", on=DAY + dt.timedelta(days=40), response="denial", notes="Denied."
    )
    appeal = case["appeals"][0]
    assert appeal["status"] == "answered" and appeal["response"] == "denial"
    assert appeal["response_date"] == "2027-01-06" and appeal["notes"] == "Denied."
    assert "follow_up" not in appeal


@pytest.mark.parametrize(
    ("path", "bad", "message"),
    [
        ([], "acknowledged", "cannot go from drafted to acknowledged (allowed next: sent)"),
        (["sent"], "sent", "cannot go from sent to sent"),
        (["sent", "answered"], "no-answer", "allowed next: none: the appeal is closed"),
        (["sent", "no-answer"], "acknowledged", "cannot go from no-answer to acknowledged"),
        ([], "drafted", "cannot go from drafted to drafted"),
        ([], "lost", "unknown appeal status 'lost'"),
    ],
)
def test_invalid_transitions_are_refused(path: list[str], bad: str, message: str) -> None:
    case = _drafted()
    for status in path:
        case = set_status(case, 1, status, on=DAY)
    with pytest.raises(InvalidInputError, match=re.escape(message)):
        set_status(case, 1, bad, on=DAY)


def test_response_rules() -> None:
    case = set_status(_drafted(), 1, "sent", on=DAY)
    with pytest.raises(InvalidInputError, match="only be recorded with the status answered"):
        set_status(case, 1, "acknowledged", on=DAY, response="denial")
    with pytest.raises(InvalidInputError, match="unknown response 'maybe'"):
        set_status(case, 1, "answered", on=DAY, response="maybe")
    with pytest.raises(InvalidInputError, match="has no appeal 2"):
        set_status(case, 2, "sent", on=DAY)
    late = set_status(set_status(case, 1, "no-answer", on=DAY), 1, "answered", on=DAY)
    assert late["appeals"][0]["response"] == "none"


def test_follow_ups_due() -> None:
    sent = set_status(_drafted(), 1, "sent", on=DAY)
    assert due_follow_ups([sent], DAY + dt.timedelta(days=29)) == []
    due = due_follow_ups([sent], DAY + dt.timedelta(days=30))
    assert [r.appeal_id for r in due] == ["TD-2026-0042/1"]
    # once a later letter to the same recipient exists, the first is no longer due
    followed = record_appeal(
        sent, recipient="t-ministry", template="follow-up", language="ru",
        reference="TD-2026-0042/T-MINISTRY/2", pdf_sha256="d" * 64, on=DAY,
    )  # fmt: skip
    assert due_follow_ups([followed], DAY + dt.timedelta(days=60)) == []
    answered = set_status(sent, 1, "answered", on=DAY, response="denial")
    assert due_follow_ups([answered], DAY + dt.timedelta(days=60)) == []
    drafted_only = _drafted()
    assert due_follow_ups([drafted_only], DAY + dt.timedelta(days=60)) == []


def test_appeal_ids() -> None:
    assert parse_appeal_id("TD-2026-0042/3") == ("TD-2026-0042", 3)
    assert parse_appeal_id("TD-2026-0042/KZ-MFA/3") == ("TD-2026-0042", 3)
    with pytest.raises(UsageError):
        parse_appeal_id("TD-2026-0042")


def test_log_writes_through_the_case_history(session: Any) -> None:
    store = session.store
    store.cases.save([make_case(appeals=[])])
    log = AppealLog(store.cases)
    number = log.record(
        "TD-2026-0042", recipient="t-ministry", template="consular-inquiry", language="ru",
        reference="TD-2026-0042/T-MINISTRY/1", pdf_sha256="e" * 64, on=DAY,
    )  # fmt: skip
    assert number == 1
    row = log.set_status("TD-2026-0042/1", "sent", on=DAY)
    assert row.status == "sent" and row.follow_up == "2026-12-27"
    assert [r.appeal_id for r in log.due(DAY + dt.timedelta(days=31))] == ["TD-2026-0042/1"]
    with pytest.raises(InvalidInputError):
        log.set_status("TD-2026-0042/1", "sent", on=DAY)
    case_id = store.cases.resolve("TD-2026-0042")
    assert len(store.cases.history_of(case_id)) == 3  # created, appeal recorded, sent
    assert store.cases.verify_history().ok
