"""The encoded vote matrix: items × participants, one int8 per cell.

A cell holds the index of its code in `scale.CODES`, or `NOT_VOTED`. Every
other module works on this form, so the codes are parsed in one place.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from abaque import scale

NOT_VOTED = -1
CODE_INDEX: dict[str, int] = {code: i for i, code in enumerate(scale.CODES)}

# Weight of each cell value, shifted by one so that NOT_VOTED (-1) reads
# index 0; NaN marks every cell that is not an opinion (empty, white, black).
_WEIGHT_LOOKUP = np.array([np.nan] + [np.nan if level.weight is None else level.weight for level in scale.LEVELS])
_OPINION_INDICES: tuple[int, ...] = tuple(i for i, level in enumerate(scale.LEVELS) if level.weight is not None)
_WEIGHT_OR_ZERO = np.nan_to_num(_WEIGHT_LOOKUP)
DISSENT_INDICES: tuple[int, ...] = tuple(CODE_INDEX[code] for code in scale.DISSENT_CODES)
SUPPORT_INDICES: tuple[int, ...] = tuple(CODE_INDEX[code] for code, weight in scale.WEIGHTS.items() if weight > 0)

Rows = Sequence[Sequence[str | None]]


def normalise_code(raw: str | None) -> str | None:
    """Trimmed, upper-case code, or None for an empty cell (not validated)."""
    if raw is None:
        return None
    code = raw.strip().upper()
    return code or None


def encode(rows: Rows) -> np.ndarray:
    """Encode rows of codes (items × participants) into an int8 matrix."""
    widths = {len(row) for row in rows}
    if len(widths) > 1:
        raise ValueError(f"rows of unequal lengths: {sorted(widths)}")
    encoded = np.full((len(rows), widths.pop() if widths else 0), NOT_VOTED, dtype=np.int8)
    for i, row in enumerate(rows):
        for j, raw in enumerate(row):
            encoded[i, j] = _encode_cell(raw, i, j)
    return encoded


def _encode_cell(raw: str | None, item: int, participant: int) -> int:
    code = normalise_code(raw)
    if code is None:
        return NOT_VOTED
    try:
        return CODE_INDEX[code]
    except KeyError:
        raise ValueError(
            f"unknown vote code {raw!r} at row {item}, column {participant} "
            f"(0-based; known codes: {', '.join(scale.CODES)})"
        ) from None


def as_encoded(rows_or_encoded: Rows | np.ndarray) -> np.ndarray:
    """Accept either rows of codes or an already encoded matrix (checked)."""
    if isinstance(rows_or_encoded, np.ndarray) and rows_or_encoded.dtype.kind in "iu":
        matrix = rows_or_encoded
        if matrix.ndim != 2:
            raise ValueError(f"an encoded matrix has 2 dimensions, not {matrix.ndim}")
        if matrix.size and (matrix.min() < NOT_VOTED or matrix.max() >= len(scale.CODES)):
            raise ValueError("an encoded matrix holds values from -1 to 6 only")
        return matrix.astype(np.int8, copy=False)
    return encode(rows_or_encoded)  # type: ignore[arg-type]  # rows of codes, or an array of strings


def _lookup(table: np.ndarray, encoded: np.ndarray) -> np.ndarray:
    # Cells hold -1..6: shifted by one they index the table directly, and
    # staying in int8 spares a copy of the matrix in 64-bit integers.
    return np.take(table, np.asarray(encoded, dtype=np.int8) + np.int8(1))


def weights(encoded: np.ndarray) -> np.ndarray:
    """Float matrix of opinion weights; NaN where there is no opinion."""
    return _lookup(_WEIGHT_LOOKUP, encoded)


def weights_or_zero(encoded: np.ndarray) -> np.ndarray:
    """Float matrix of opinion weights; 0 where there is no opinion."""
    return _lookup(_WEIGHT_OR_ZERO, encoded)


def is_opinion(encoded: np.ndarray) -> np.ndarray:
    return has_code(encoded, _OPINION_INDICES)


def has_code(encoded: np.ndarray, indices: tuple[int, ...]) -> np.ndarray:
    """Boolean matrix: the cell holds one of the code `indices` (a faster
    np.isin): bit `cell + 1` of a byte holding one bit per wanted code."""
    bits = np.uint8(sum(1 << (i + 1) for i in set(indices)))
    shifted = (np.asarray(encoded, dtype=np.int8) + np.int8(1)).view(np.uint8)
    return (np.right_shift(bits, shifted) & np.uint8(1)).view(bool)


def code_counts(cells: np.ndarray) -> tuple[dict[str, int], int]:
    """Count of every code (all seven, zeros included) and of empty cells."""
    counts = np.bincount(cells.astype(np.intp) + 1, minlength=len(scale.CODES) + 1)
    return {code: int(counts[i + 1]) for i, code in enumerate(scale.CODES)}, int(counts[0])


def mean_weight(cells: np.ndarray) -> float | None:
    """Mean weight over the opinions of a row or column; None without any."""
    values = weights(cells)
    values = values[~np.isnan(values)]
    return float(values.mean()) if values.size else None
