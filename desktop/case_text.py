"""Plain-text rendering of a case, shared by ``show`` and the GUI's read-only view."""

from __future__ import annotations

from typing import Any


def render_case_text(doc: dict[str, Any]) -> str:
    """A readable summary for the terminal; ``--json`` gives the full case format."""
    lines = [
        f"{doc['reference']}  [{doc['status']}, {doc['verification']}, {doc['confidentiality']}]"
    ]
    keys = {p["key"]: p for p in doc["persons"]}
    for person in doc["persons"]:
        names = " / ".join(n["value"] for n in person["names"])
        extra = ""
        rel = person.get("relationship")
        if rel and rel["to"] in keys:
            target = keys[rel["to"]]["names"][0]["value"] if keys[rel["to"]]["names"] else rel["to"]
            extra = f" ({rel['kind']} of {target})"
        born = f", born {person['birth_date']}" if person.get("birth_date") else ""
        lines.append(f"  {person['role']}: {names}{born}{extra}")
    if doc["events"]:
        lines.append("  events:")
    for event in doc["events"]:
        place = ", ".join(str(v) for v in (event.get("place") or {}).values())
        when = event.get("date", "date unknown")
        lines.append(f"    {when}  {event['type']}" + (f" — {place}" if place else ""))
    for t in doc["testimonies"]:
        by = keys.get(t["by"], {}).get("names", [{"value": t["by"]}])[0]["value"]
        lines.append(f"  testimony by {by} ({t.get('date', 'undated')}, {t.get('medium', '?')}):")
        lines.extend("    " + para for para in t["narrative"].splitlines() if para.strip())
    for a in doc["appeals"]:
        lines.append(f"  appeal to {a['recipient']} {a.get('date', '')}: {a['status']}")
    if doc.get("notes"):
        lines.append(f"  notes: {doc['notes']}")
    return "\n".join(lines) + "\n"
