"""core.spreadsheet: no cell runs as a formula, and reading undoes exactly what writing did."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from core.spreadsheet import dict_writer, safe_cell, typed_cell, writer

TYPED = [
    '=HYPERLINK("http://evil")',
    "+44 113 000 0000",
    "-dash",
    "@SUM(A1)",
    "\tindented",
    "\rreturn",
    "'=already quoted by the person",
    "''=twice",
    "'plain apostrophe",
    "'",
    "Café = fine in the middle",
    "",
]


@pytest.mark.parametrize("text", TYPED)
def test_no_written_cell_starts_like_a_formula_and_reading_gives_back_the_text(text):
    written = safe_cell(text)
    assert not written.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert typed_cell(written) == text


def test_numbers_and_dates_are_written_as_they_are():
    values = [-3, Decimal("-2.5"), date(2027, 1, 4), "-2.240000", "+7", "'-2.5"]
    assert [safe_cell(value) for value in values] == values
    assert [typed_cell(text) for text in ("-2.240000", "'-2.5")] == ["-2.240000", "'-2.5"]


def test_both_writers_make_every_text_cell_safe():
    stream = io.StringIO()
    writer(stream).writerow(["=1+1", "ok", -1])
    rows = dict_writer(out := io.StringIO(), ["name", "phone"])
    rows.writeheader()
    rows.writerow({"name": "@me", "phone": "+44 113"})
    assert stream.getvalue() == "'=1+1,ok,-1\r\n"
    assert list(csv.DictReader(io.StringIO(out.getvalue()))) == [
        {"name": "'@me", "phone": "'+44 113"}
    ]
