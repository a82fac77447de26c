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
    label_en: str  # the label in English
    name_en: str  # the colour name in English

    @property
    def is_opinion(self) -> bool:
        return self.weight is not None

    def label_in(self, language: str) -> str:
        """The label in a language ("fr", "en"; a regional variant such as
        "en-gb" reads as its language), French otherwise."""
        return self.label_en if language.startswith("en") else self.label

    def name_in(self, language: str) -> str:
        return self.name_en if language.startswith("en") else self.name


LEVELS: tuple[Level, ...] = (
    Level(
        "VG",
        "Je suis tout à fait d'accord",
        "vert foncé",
        "#0b6b2f",
        "#ffffff",
        2,
        "++",
        "1",
        "I fully agree",
        "dark green",
    ),
    Level("G", "Je suis d'accord", "vert clair", "#8fd694", "#0b2b12", 1, "+", "2", "I agree", "light green"),
    Level("O", "Je suis mitigé", "orange", "#f59b23", "#2b1800", 0, "~", "3", "I have mixed feelings", "orange"),
    Level("R", "Je ne suis pas d'accord", "rose", "#f5a3ab", "#3d0a10", -1, "−", "4", "I disagree", "pink"),
    Level(
        "RR",
        "Je ne suis pas du tout d'accord",
        "rouge foncé",
        "#9e1019",
        "#ffffff",
        -2,
        "−−",
        "5",
        "I strongly disagree",
        "dark red",
    ),
    Level("W", "Je ne sais pas", "blanc", "#ffffff", "#1f1f1f", None, "?", "6", "I don't know", "white"),
    Level(
        "B", "Je ne veux pas répondre", "noir", "#111111", "#ffffff", None, "∅", "7", "I'd rather not answer", "black"
    ),
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
VARIANT_LABELS_EN: dict[str, str] = {
    "standard": "Standard: seven colours",
    "five": "Reduced: five opinions and white",
    "three": "Simple: three opinions and white",
}


def variant_label(variant: str, language: str) -> str:
    return (VARIANT_LABELS_EN if language.startswith("en") else VARIANT_LABELS)[variant]


def levels_of(variant: str) -> tuple[Level, ...]:
    """The levels offered on a ballot of this variant, in scale order."""
    return tuple(BY_CODE[code] for code in VARIANTS[variant])


def level(code: str) -> Level:
    return BY_CODE[code]
