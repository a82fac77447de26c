"""Text that is safe to store and to hand to a spreadsheet, one place for the
whole project (no Django here: every layer may use it).

- C0 control characters other than tab and newline break XML (XLSX, ODT),
  e-mail headers and PostgreSQL (NUL): they are removed.
- A text cell starting with = + - @ tab or CR is a live formula in a
  spreadsheet; OWASP's advice is a leading single quote. Numbers stay numbers.
"""

import re

# C0 controls except tab (09), newline (0A) and carriage return (0D), plus
# DEL-free XML-illegal code points (surrogates, U+FFFE/U+FFFF).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def clean_text(text: str) -> str:
    """Text as typed, without the characters no document can hold."""
    return _ILLEGAL.sub("", text)


def spreadsheet_cell(value):
    """A value as a CSV or XLSX cell: text cleaned and never a formula."""
    if not isinstance(value, str):
        return value
    value = clean_text(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def spreadsheet_row(values) -> list:
    return [spreadsheet_cell(v) for v in values]
