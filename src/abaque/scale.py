"""The colour scale of the Régnier abacus: the one source of truth.

Every label, colour, weight, symbol and keyboard key of a vote is defined
here and nowhere else. This module imports nothing from Django so that the
pure analysis can use it too.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Level:
    code: str  # stored in the database and in CSV files
    label: str  # French, as on the Colorvote cards
    name: str  # short French colour name, for screen readers and legends
    colour: str  # background of a matrix cell or a ballot button
    ink: str  # text colour readable on `colour`
    weight: int | None  # None: not an opinion (white, black)
    symbol: str  # so the matrix reads in black and white and for colour-blind people
    key: str  # keyboard key in the facilitator's grid

    @property
    def is_opinion(self) -> bool:
        return self.weight is not None


LEVELS: tuple[Level, ...] = (
    Level("VG", "Je suis tout à fait d'accord", "vert foncé", "#0b6b2f", "#ffffff", 2, "++", "1"),
    Level("G", "Je suis d'accord", "vert clair", "#8fd694", "#0b2b12", 1, "+", "2"),
    Level("O", "Je suis mitigé", "orange", "#f59b23", "#2b1800", 0, "~", "3"),
    Level("R", "Je ne suis pas d'accord", "rose", "#f5a3ab", "#3d0a10", -1, "−", "4"),
    Level("RR", "Je ne suis pas du tout d'accord", "rouge foncé", "#9e1019", "#ffffff", -2, "−−", "5"),
    Level("W", "Je ne sais pas", "blanc", "#ffffff", "#1f1f1f", None, "?", "6"),
    Level("B", "Je ne veux pas répondre", "noir", "#111111", "#ffffff", None, "∅", "7"),
)

BY_CODE: dict[str, Level] = {level.code: level for level in LEVELS}
CODES: tuple[str, ...] = tuple(level.code for level in LEVELS)
OPINION_CODES: tuple[str, ...] = tuple(level.code for level in LEVELS if level.is_opinion)
WEIGHTS: dict[str, int] = {level.code: level.weight for level in LEVELS if level.weight is not None}

# Codes that call for the debate: disagreement and refusal (booklet: « les
# personnes ayant voté rouge ou noir sont invitées à s'exprimer »).
DISSENT_CODES: tuple[str, ...] = ("R", "RR", "B")

# Variants used by practitioners: the full scale in meetings of adults, a
# reduced one with the general public or children. Every variant keeps white
# so nobody is forced into an opinion.
VARIANTS: dict[str, tuple[str, ...]] = {
    "standard": CODES,
    "five": ("VG", "G", "O", "R", "RR", "W"),
    "three": ("G", "O", "R", "W"),
}
VARIANT_LABELS: dict[str, str] = {
    "standard": "Standard : sept couleurs",
    "five": "Réduite : cinq opinions et le blanc",
    "three": "Simplifiée : trois opinions et le blanc",
}


def levels_of(variant: str) -> tuple[Level, ...]:
    """The levels offered on a ballot of this variant, in scale order."""
    return tuple(BY_CODE[code] for code in VARIANTS[variant])


def level(code: str) -> Level:
    return BY_CODE[code]
