"""`make bench` (and alone): how long each format of the compte-rendu takes.

    python bench/report.py [--profile]

Builds, in a throwaway SQLite data directory, the demo séance and a full
room (40 items × 40 participants, two rounds, debate notes), then times
each format for each (best of three), and prints the PDF's ratio to the
floor: WeasyPrint rendering the same number of blank pages
(load-independent, unlike seconds).
With --profile, prints where the 40 × 40 PDF's time goes (cProfile).
"""

import argparse
import cProfile
import pstats
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fixtures  # noqa: E402

FORMATS = ("pdf", "odt", "xlsx", "csv", "json")
REPEAT = 3  # each format's time is its best of three
ROOM = 40


def full_room(facilitator):
    """40 × 40, a second round on the ten most split items, a note on each."""
    from abaque import scale
    from abaque.debate.models import Note
    from abaque.meetings.models import Item, Meeting, Participant
    from abaque.meetings.rounds import close_round, new_round, open_round, sync_open_round
    from abaque.meetings.votes import cast_vote

    rng = random.Random(13)
    meeting = Meeting.objects.create(
        facilitator=facilitator, title="Salle comble", question="Comment renforcer le lien social ?"
    )
    Participant.objects.bulk_create(
        Participant(meeting=meeting, name=f"Participant {i + 1}", position=i) for i in range(ROOM)
    )
    Item.objects.bulk_create(
        Item(meeting=meeting, text=f"Proposition numéro {i + 1} pour les habitants du territoire", position=i)
        for i in range(ROOM)
    )
    codes = scale.CODES[:5] * 3 + scale.CODES[5:]
    participants = list(meeting.participants.all())

    def vote(round_, items):
        open_round(round_)
        for item in items:
            for participant in participants:
                cast_vote(round_, item, participant, rng.choice(codes))
        close_round(round_)

    items = list(meeting.active_items())
    vote(sync_open_round(meeting), items)
    again = items[:10]
    for item in again:
        Note.objects.create(meeting=meeting, item=item, text="Les habitants des hameaux craignent d'être oubliés. " * 4)
    vote(new_round(meeting, again), again)
    return meeting


def timed(build, repeat=1):
    """The best of `repeat` runs (this machine's neighbours make any one run
    noisy by a third), and the result."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = build()
        best = min(best, time.perf_counter() - start)
    return best, result


def page_count(pdf: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def floor(pages: int) -> float:
    """WeasyPrint laying out `pages` blank A4 pages: the least a PDF costs."""
    from weasyprint import HTML

    html = "<style>@page{size:A4}div{page-break-after:always}</style>" + "<div></div>" * pages
    seconds, _ = timed(lambda: HTML(string=html).write_pdf(), REPEAT)
    return seconds


def measure(name, meeting):

    from abaque.reports.content import build_report
    from abaque.reports.formats import render

    seconds, report = timed(lambda: build_report(meeting))
    print(f"{name}: contenu {seconds:.2f} s")
    for key in FORMATS:
        seconds, data = timed(lambda key=key: render(meeting, key, report), REPEAT)
        line = f"  {key:5} {seconds:6.2f} s  {len(data) / 1024:7.0f} Kio"
        if key == "pdf":
            pages = page_count(data)
            blank = floor(pages)
            line += f"  {pages} pages, plancher {blank:.2f} s, rapport {seconds / blank:.1f}×"
        print(line, flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", action="store_true", help="cProfile the 40 × 40 PDF")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="abaque-bench-report-") as data_dir:
        fixtures.setup_django(Path(data_dir))
        import weasyprint  # noqa: F401  a server imports it once; not a cost of each document

        from abaque.plans.demo import load_all

        facilitator = fixtures.create_facilitator()
        demo = load_all(facilitator)
        room = full_room(facilitator)
        measure("Démo", demo)
        measure(f"{ROOM} × {ROOM}", room)
        if args.profile:
            from abaque.reports.formats import render

            profile = cProfile.Profile()
            profile.runcall(render, room, "pdf")
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
