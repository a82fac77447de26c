"""The verdict on an item: consensus for or against, dissensus, mitigated,
or too few opinions to say. Thresholds are named and explained here only.

Reference points of the consensus measure on the standard scale (-2..+2):
unanimity 1; an even split over two adjacent levels 0.81; over three
adjacent levels 0.72; over all five levels 0.43; between the two ends 0.
"""

from __future__ import annotations

from .consensus import STANDARD_WIDTH
from .text import N_


class Verdict:
    CONSENSUS_FOR = "consensus_for"
    CONSENSUS_AGAINST = "consensus_against"
    DISSENSUS = "dissensus"
    MITIGATED = "mitigated"
    TOO_FEW = "too_few"


VERDICT_LABELS: dict[str, str] = {
    Verdict.CONSENSUS_FOR: N_("Consensus pour"),
    Verdict.CONSENSUS_AGAINST: N_("Consensus contre"),
    Verdict.DISSENSUS: N_("Dissensus"),
    Verdict.MITIGATED: N_("Mitigé"),
    Verdict.TOO_FEW: N_("Trop peu d'avis"),
}

# Beside each verdict's colour, so that it reads without colour (every
# character is in DejaVu Sans, Debian's default font).
VERDICT_SYMBOLS: dict[str, str] = {
    Verdict.CONSENSUS_FOR: "\u2713",  # ✓
    Verdict.CONSENSUS_AGAINST: "\u2717",  # ✗
    Verdict.DISSENSUS: "\u21c4",  # ⇄
    Verdict.MITIGATED: "~",
    Verdict.TOO_FEW: "\u2026",  # …
}

# Below three opinions a "consensus" is one or two people agreeing with
# themselves: no group view can be read from it.
MIN_OPINIONS = 3

# When whites and blacks outnumber opinions among the votes cast, the group
# mostly does not know or will not say: that, not a mean, is the result.
MIN_OPINION_SHARE = 0.5

# At 0.7 opinions sit within about three adjacent levels (0.72 for an even
# spread over three): the group agrees, the mean tells on what.
CONSENSUS_THRESHOLD = 0.7

# Under 0.5 opinions span both sides of the scale (an even spread over all
# five levels gives 0.43): the group is split, whatever its mean.
DISSENSUS_THRESHOLD = 0.5

# In weight units of the standard scale. A mean within half a step of orange
# is a mitigated group, even when its opinions are close together.
MEAN_THRESHOLD = 0.5

# Between the two consensus thresholds opinions are spread, e.g. 11 dark
# greens and 1 dark red (0.59); the group still leans clearly to one side
# when its mean reaches a full step (green, or red): a consensus with a
# minority, which the debate agenda lists. Otherwise the item is mitigated.
STRONG_MEAN_THRESHOLD = 1.0


def verdict_of(
    n_opinions: int,
    n_voted: int,
    mean: float | None,
    cns: float | None,
    width: int = STANDARD_WIDTH,
) -> str:
    """Verdict from an item's figures; `n_voted` counts opinions, whites and blacks.

    Mean thresholds are scaled to reduced scales by width / STANDARD_WIDTH.
    """
    if mean is None or cns is None or n_opinions < max(MIN_OPINIONS, MIN_OPINION_SHARE * n_voted):
        return Verdict.TOO_FEW
    if cns < DISSENSUS_THRESHOLD:
        return Verdict.DISSENSUS
    unit = width / STANDARD_WIDTH
    needed = MEAN_THRESHOLD if cns >= CONSENSUS_THRESHOLD else STRONG_MEAN_THRESHOLD
    if abs(mean) < needed * unit:
        return Verdict.MITIGATED
    return Verdict.CONSENSUS_FOR if mean > 0 else Verdict.CONSENSUS_AGAINST
