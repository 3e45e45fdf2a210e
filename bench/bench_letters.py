"""Letter rendering benchmark: time per letter, a batch of 1,000 vs bare reportlab, memory.

Usage::

    .venv/bin/python bench/bench_letters.py [--letters 1000] [--template consular-inquiry]
                                            [--to kz-mfa] [--lang ru] [--seed 1] [--repeat 3]

What is measured (issue 4's targets: ≤ 150 ms per letter, batch ≤ 1.3× baseline, flat memory):

* **per letter** — ``LetterService.compose`` (context, template, layout, PDF bytes) for single
  letters after the fonts are loaded: median and 95th percentile;
* **batch** — N letters from N synthetic cases, each to its own PDF in memory (what
  ``letter --batch --out-dir`` does, minus the file writes), against a **baseline** that lays
  out the same text with the same fonts in bare reportlab: the template output is turned into
  paragraph XML *before* the clock starts, and the baseline only builds Paragraphs and the PDF
  (no context, no template, no page furniture). The ratio is printed;
* **memory** — resident set size after every tenth of the batch: it must stay flat.

Times are reported as wall and CPU (``time.process_time``) time, since the machine may be
shared. With ``--repeat N`` (default 3) each letter and its baseline are rendered N times,
alternating; the batch totals use the first round, and a second ratio compares the fastest
CPU time of each letter and of its baseline — the figure least disturbed by other processes.

Our letters and the baseline alternate letter by letter, so a busy machine slows both alike.

Cases come from bench/synth.py (invented people); cases whose consent does not allow appeals
are given consent here, since refusals are not what is measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import io
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from synth import generate_cases

from desktop.letters.context import LetterSettings
from desktop.letters.markup import parse_markup
from desktop.letters.refusal import LetterRefused
from desktop.letters.render import SERIF, register_fonts, rich
from desktop.letters.service import LetterService


def rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def consenting(case: dict[str, Any]) -> dict[str, Any]:
    for t in case.get("testimonies", []):
        t["consent"]["use_in_appeals"] = True
    return case


def furniture_text(ctx: dict[str, Any]) -> list[str]:
    """The text the engine adds around the template output (letterhead, addresses,
    reference, place and date, signature block, two page footers): the same text must be
    in the baseline for the comparison to be fair."""
    org = ctx["org"] or {}
    rec = ctx["recipient"]
    t = ctx["testifier"] or {}
    letter = ctx["letter"]
    lines = [org.get("name", ""), *org.get("address_lines", []), rec["name"], *rec["address_lines"]]
    lines += [f"Ref. {letter['reference']}", f"{letter['place']}, {letter['date_text']}"]
    lines += [t.get("primary_name", ""), t.get("address_text") or "", t.get("phone") or ""]
    lines += [f"Date: {letter['date_text']}", "Signature: ______"]
    lines += [f"On behalf of {org.get('name')}", "Signature: ______"]
    lines += [f"Ref. {letter['reference']} Page {i} of 2" for i in (1, 2)]
    return [x for x in lines if x]


def baseline_pdf(paragraph_xml: list[str]) -> bytes:
    """Same text, same fonts, bare reportlab: one Paragraph per block, nothing else."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = ParagraphStyle("b", fontName=SERIF, fontSize=10.5, leading=14.5)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, invariant=1)
    doc.build([Paragraph(x, style) for x in paragraph_xml])
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--letters", type=int, default=1000)
    ap.add_argument("--template", default="consular-inquiry")
    ap.add_argument("--to", default="kz-mfa")
    ap.add_argument("--lang", default="ru")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--repeat", type=int, default=3,
        help="render each letter and its baseline this many times, alternating; the fastest "
        "CPU time of each is also compared (robust on a shared machine)",
    )  # fmt: skip
    args = ap.parse_args(argv)

    service = LetterService()
    settings = LetterSettings(
        org={"name": "Bench Rights Group", "address_lines": ["1 Example Lane, Almaty"],
             "co_sign": True},
        place="Almaty",
        today=dt.date(2026, 11, 27),
    )  # fmt: skip

    t0 = time.perf_counter()
    register_fonts()
    font_ms = (time.perf_counter() - t0) * 1000

    cases: list[dict[str, Any]] = []
    refused = 0
    for case in generate_cases(args.letters * 2, seed=args.seed):
        case = consenting(case)
        try:
            service.prepare(case, args.to, template=args.template, lang=args.lang,
                            settings=settings)  # fmt: skip
        except LetterRefused:
            refused += 1
            continue
        cases.append(case)
        if len(cases) == args.letters:
            break
    n = len(cases)
    print(f"cases: {n} usable ({refused} refused for missing facts), template "
          f"{args.template}/{args.lang} to {args.to}")  # fmt: skip
    print(f"font registration: {font_ms:.0f} ms (once per process)")

    # warm up (first use of each font subset, template compile)
    for case in cases[:3]:
        service.compose(case, args.to, template=args.template, lang=args.lang, settings=settings)

    singles = []
    singles_cpu = []
    pages = []
    for case in cases[: min(50, n)]:
        t, c = time.perf_counter(), time.process_time()
        composed = service.compose(
            case, args.to, template=args.template, lang=args.lang, settings=settings
        )
        singles.append((time.perf_counter() - t) * 1000)
        singles_cpu.append((time.process_time() - c) * 1000)
        pages.append(composed.pdf.count(b"/Type /Page\n") or composed.pdf.count(b"/Type /Page"))
    singles.sort()
    p95 = singles[int(len(singles) * 0.95) - 1]
    print(f"per letter: median {statistics.median(singles):.1f} ms, p95 {p95:.1f} ms, "
          f"max {singles[-1]:.1f} ms wall; median {statistics.median(singles_cpu):.1f} ms CPU "
          f"(target ≤ 150 ms)")  # fmt: skip

    # baseline input prepared outside the clock
    xml_per_case = []
    for case in cases:
        letter, ctx = service.prepare(
            case, args.to, template=args.template, lang=args.lang, settings=settings
        )
        xml = [rich(x) for x in furniture_text(ctx)]
        for block in parse_markup(letter.markup):
            bold = block.kind in ("subject", "heading")
            if block.rows:
                xml.extend(rich(f"{k}: {v}") for k, v in block.rows)
            else:
                xml.extend(rich(line, bold=bold) for line in block.lines)
        xml_per_case.append(xml)

    # Ours and the baseline alternate letter by letter, so that a busy machine slows both
    # alike and the ratio stays meaningful.
    gc.collect()
    memory = [rss_mib()]
    step = max(1, n // 10)
    ours = base = ours_cpu = base_cpu = 0.0
    ours_min = base_min = 0.0
    total_bytes = 0
    for i, (case, xml) in enumerate(zip(cases, xml_per_case, strict=True), 1):
        best_ours = best_base = float("inf")
        for _round in range(args.repeat):
            t, c = time.perf_counter(), time.process_time()
            composed = service.compose(
                case, args.to, template=args.template, lang=args.lang, settings=settings
            )
            cpu = time.process_time() - c
            if _round == 0:
                ours += time.perf_counter() - t
                ours_cpu += cpu
            best_ours = min(best_ours, cpu)
            t, c = time.perf_counter(), time.process_time()
            baseline_pdf(xml)
            cpu = time.process_time() - c
            if _round == 0:
                base += time.perf_counter() - t
                base_cpu += cpu
            best_base = min(best_base, cpu)
        ours_min += best_ours
        base_min += best_base
        total_bytes += len(composed.pdf)
        if i % step == 0:
            memory.append(rss_mib())

    print(
        f"batch of {n}: wall {ours:.2f} s, CPU {ours_cpu:.2f} s "
        f"({ours_cpu / n * 1000:.1f} ms CPU/letter, {total_bytes / n / 1024:.0f} KiB/letter)"
    )
    print(
        f"bare reportlab baseline: wall {base:.2f} s, CPU {base_cpu:.2f} s "
        f"({base_cpu / n * 1000:.1f} ms CPU/letter)"
    )
    print(f"ratio: CPU {ours_cpu / base_cpu:.2f}x, wall {ours / base:.2f}x  (target ≤ 1.3x)")
    if args.repeat > 1:
        print(
            f"ratio of the fastest of {args.repeat} runs per letter (CPU, least disturbed by "
            f"other processes): {ours_min / base_min:.2f}x  "
            f"({ours_min / n * 1000:.1f} vs {base_min / n * 1000:.1f} ms/letter)"
        )
    print("RSS MiB over the batch: " + " ".join(f"{m:.0f}" for m in memory)
          + f"  (growth {memory[-1] - memory[1]:+.1f} MiB after the first tenth)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
