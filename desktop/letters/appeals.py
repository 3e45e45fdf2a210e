"""The appeal log: every letter rendered for sending, and what became of it.

Appeals live inside the case (the case format's ``appeals`` list, DESIGN §3/§7), not in a
side table: they travel with the case to HQ in bundles and exports, and every change is
written through :meth:`CaseRepository.save`, so the hash-chained history records who moved
an appeal to "sent" and when.

Status moves only forward: ``drafted → sent → acknowledged → answered``, with ``no-answer``
after sent/acknowledged (and a late answer still possible after no-answer). Going back is
refused, because an appeal log that can be rewritten is no evidence of diligence. Sending
sets a follow-up date (30 days later by default) that feeds the "follow-ups due" list.

The functions on case dicts are pure; :class:`AppealLog` applies them to the store.
"""

from __future__ import annotations

import copy
import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop.domain import vocab
from desktop.domain.edtf import parse_edtf
from desktop.errors import InvalidInputError, UsageError

__all__ = [
    "FOLLOW_UP_DAYS",
    "TRANSITIONS",
    "AppealLog",
    "AppealRow",
    "due_follow_ups",
    "parse_appeal_id",
    "record_appeal",
    "set_status",
]

FOLLOW_UP_DAYS = 30
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "drafted": ("sent",),
    "sent": ("acknowledged", "answered", "no-answer"),
    "acknowledged": ("answered", "no-answer"),
    "no-answer": ("answered",),
    "answered": (),
}
OPEN_STATUSES = ("sent", "acknowledged", "no-answer")
_APPEAL_ID_RE = re.compile(r"(?P<case>.+)/(?P<n>[0-9]+)")


@dataclass(frozen=True)
class AppealRow:
    """One appeal with its case, for listings (``appeals --json``)."""

    case_reference: str
    number: int  # 1-based position in the case's appeal list
    recipient: str
    template: str | None
    language: str | None
    date: str | None
    reference: str | None
    status: str
    response: str | None
    follow_up: str | None
    pdf_sha256: str | None

    @property
    def appeal_id(self) -> str:
        return f"{self.case_reference}/{self.number}"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.appeal_id,
            "case": self.case_reference,
            "number": self.number,
            "recipient": self.recipient,
            "template": self.template,
            "language": self.language,
            "date": self.date,
            "reference": self.reference,
            "status": self.status,
            "response": self.response,
            "follow_up": self.follow_up,
            "pdf_sha256": self.pdf_sha256,
        }


def parse_appeal_id(text: str) -> tuple[str, int]:
    """``TD-2026-0042/3`` → (case reference, 3). The letter reference also works."""
    parts = text.split("/")
    if len(parts) == 3:  # TD-2026-0042/KZ-MFA/3: the letter reference printed on the page
        text = f"{parts[0]}/{parts[2]}"
    m = _APPEAL_ID_RE.fullmatch(text)
    if m is None or int(m.group("n")) < 1:
        raise UsageError(f"{text!r} is not an appeal id: use CASE/N, e.g. TD-2026-0042/1")
    return m.group("case"), int(m.group("n"))


def record_appeal(
    case: Mapping[str, Any],
    *,
    recipient: str,
    template: str,
    language: str,
    reference: str,
    pdf_sha256: str,
    on: _dt.date,
) -> dict[str, Any]:
    """A copy of ``case`` with a new ``drafted`` appeal appended."""
    out = copy.deepcopy(dict(case))
    out.setdefault("appeals", []).append(
        {
            "recipient": recipient,
            "template": template,
            "language": language,
            "date": on.isoformat(),
            "reference": reference,
            "status": "drafted",
            "pdf_sha256": pdf_sha256,
        }
    )
    return out


def set_status(
    case: Mapping[str, Any],
    number: int,
    status: str,
    *,
    on: _dt.date,
    response: str | None = None,
    notes: str | None = None,
    follow_up: _dt.date | None = None,
) -> dict[str, Any]:
    """A copy of ``case`` with appeal ``number`` (1-based) moved to ``status``.

    Raises :class:`InvalidInputError` for an unknown status or response, or a transition the
    log does not allow (e.g. answered → sent).
    """
    appeals = list(case.get("appeals", []))
    if not 1 <= number <= len(appeals):
        raise InvalidInputError(
            f"the case {case.get('reference')} has no appeal {number} (it has {len(appeals)})"
        )
    if status not in vocab.APPEAL_STATUS:
        raise InvalidInputError(
            f"unknown appeal status {status!r} (one of: {', '.join(vocab.APPEAL_STATUS.keys)})"
        )
    if response is not None and response not in vocab.OFFICIAL_RESPONSE:
        raise InvalidInputError(
            f"unknown response {response!r} "
            f"(one of: {', '.join(vocab.OFFICIAL_RESPONSE.keys)}; other text goes in --notes)"
        )
    current = appeals[number - 1].get("status", "drafted")
    if status not in TRANSITIONS[current]:
        allowed = ", ".join(TRANSITIONS[current]) or "none: the appeal is closed"
        raise InvalidInputError(
            f"an appeal cannot go from {current} to {status} (allowed next: {allowed})"
        )
    if response is not None and status != "answered":
        raise InvalidInputError("a response can only be recorded with the status answered")
    out = copy.deepcopy(dict(case))
    appeal = out["appeals"][number - 1]
    appeal["status"] = status
    if status == "sent":
        # ``date`` stays the date printed on the letter: a follow-up cites that date.
        appeal["follow_up"] = (follow_up or on + _dt.timedelta(days=FOLLOW_UP_DAYS)).isoformat()
    elif follow_up is not None:
        appeal["follow_up"] = follow_up.isoformat()
    if status == "answered":
        appeal["response"] = response or "none"
        appeal["response_date"] = on.isoformat()
        appeal.pop("follow_up", None)
    if notes:
        appeal["notes"] = f"{appeal['notes']}\n{notes}" if appeal.get("notes") else notes
    return out


def rows_of(case: Mapping[str, Any]) -> list[AppealRow]:
    return [
        AppealRow(
            case_reference=str(case.get("reference", "")),
            number=i + 1,
            recipient=a["recipient"],
            template=a.get("template"),
            language=a.get("language"),
            date=a.get("date"),
            reference=a.get("reference"),
            status=a.get("status", "drafted"),
            response=a.get("response"),
            follow_up=a.get("follow_up"),
            pdf_sha256=a.get("pdf_sha256"),
        )
        for i, a in enumerate(case.get("appeals", []))
    ]


def due_follow_ups(cases: Iterable[Mapping[str, Any]], today: _dt.date) -> list[AppealRow]:
    """Appeals still waiting (sent/acknowledged/no-answer) whose follow-up date has come and
    that no later letter to the same recipient in the case has followed up; oldest first."""
    due: list[AppealRow] = []
    for case in cases:
        rows = rows_of(case)
        for row in rows:
            if row.status not in OPEN_STATUSES or not row.follow_up:
                continue
            if parse_edtf(row.follow_up).lower > today:
                continue
            followed = any(
                later.number > row.number and later.recipient == row.recipient for later in rows
            )
            if not followed:
                due.append(row)
    due.sort(key=lambda r: (r.follow_up or "", r.case_reference, r.number))
    return due


class AppealLog:
    """The appeal log of a store (anything with ``get``, ``save`` and ``documents``)."""

    def __init__(self, cases: Any) -> None:
        self.cases = cases

    def _save(self, doc: dict[str, Any], source: str) -> None:
        from desktop.interchange.case_format import normalize_case

        self.cases.save([normalize_case(doc)], source=source)

    def record(self, case_ref: str, **appeal: Any) -> int:
        """Append a drafted appeal to the case; returns its number."""
        doc = self.cases.get(case_ref)
        updated = record_appeal(doc, **appeal)
        self._save(updated, "letter")
        return len(updated["appeals"])

    def set_status(self, appeal_id: str, status: str, **kwargs: Any) -> AppealRow:
        case_ref, number = parse_appeal_id(appeal_id)
        doc = self.cases.get(case_ref)
        updated = set_status(doc, number, status, **kwargs)
        self._save(updated, "appeals")
        return rows_of(updated)[number - 1]

    def all(self) -> list[AppealRow]:
        return [row for doc in self.cases.documents() for row in rows_of(doc)]

    def due(self, today: _dt.date) -> list[AppealRow]:
        return due_follow_ups(self.cases.documents(), today)
