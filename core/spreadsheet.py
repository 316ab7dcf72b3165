"""
CSV for spreadsheets. A cell that starts like a formula (`=HYPERLINK(...)`, `+44 ...`,
`@SUM`) is run by Excel, LibreOffice and Google Sheets when the file is opened: every
text cell the site writes is therefore made safe, and the importer reads it back as
it was typed, so an export imported again changes nothing.
"""

import csv
import re

# What makes a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A leading apostrophe makes a spreadsheet show the rest as plain text.
QUOTE = "'"
# A signed number (a longitude, a balance) is read as that number, never run: it stays.
NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def _needs_quote(text):
    # Text that starts like a formula, or that would read back as quoted text (a
    # typed "'=x" is written "''=x"), so that reading undoes exactly what writing did.
    if text.startswith(QUOTE):
        return _needs_quote(text[1:])
    return text.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(text)


def safe_cell(value):
    """`value` as a spreadsheet will show it, not run it; numbers and dates unchanged."""
    if isinstance(value, str) and _needs_quote(value):
        return QUOTE + value
    return value


def typed_cell(text):
    """A cell written by safe_cell, as it was typed."""
    if text.startswith(QUOTE) and _needs_quote(text[1:]):
        return text[1:]
    return text


class _SafeWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        if isinstance(row, dict):
            row = {column: safe_cell(value) for column, value in row.items()}
        else:
            row = [safe_cell(value) for value in row]
        return self._writer.writerow(row)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)

    def writeheader(self):
        return self._writer.writeheader()


def writer(stream):
    """csv.writer whose every text cell goes through safe_cell."""
    return _SafeWriter(csv.writer(stream))


def dict_writer(stream, fieldnames, **options):
    """csv.DictWriter whose every text cell goes through safe_cell."""
    return _SafeWriter(csv.DictWriter(stream, fieldnames=fieldnames, **options))
