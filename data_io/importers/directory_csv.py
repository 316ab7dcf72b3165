"""The network's spreadsheet or survey export: one CSV row per co-op or member."""

import csv
import io

from core import spreadsheet
from data_io.importers.apply import import_records
from data_io.importers.columns import COLUMNS, normalise_header
from data_io.importers.report import ImportReport

COUNTRY_NAMES = {
    "uk": "GB",
    "united kingdom": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
}


def decode(data, report, where="The file"):
    """Text from bytes, or None with a problem reported when it is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        report.problems.append(
            f"{where} is not UTF-8 text (the byte at position {error.start} is not valid): "
            "save it as “CSV UTF-8” and try again."
        )
        return None


def read_directory_csv(data, report):
    """Records from CSV bytes; problems with the file as a whole go into `report`."""
    text = decode(data, report)
    if text is None:
        return []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        headers = next(reader)
    except StopIteration:
        report.problems.append("The file is empty.")
        return []
    columns, seen = [], {}
    for header in headers:
        column = normalise_header(header)
        if column in COLUMNS:
            if column in seen:
                report.problems.append(
                    f"The columns “{seen[column]}” and “{header}” both mean {column}."
                )
            seen[column] = header
            columns.append(column)
        else:
            columns.append(None)
            if header.strip():
                report.notices.append(f"unknown column “{header}” was not imported")
    if "type" not in seen:
        report.problems.append(
            "There is no “type” column saying whether a row is a coop or a member."
        )
    if "name" not in seen:
        report.problems.append("There is no “name” column.")
    if report.problems:
        return []
    records = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        record = {"_where": f"line {reader.line_num}", "_problems": []}
        if len(row) > len(columns):
            record["_problems"].append(
                f"{len(row)} cells but only {len(columns)} columns: check for a stray comma"
            )
        row = [spreadsheet.typed_cell(cell) for cell in row]
        for column, cell in zip(columns, row, strict=False):
            if column:
                record[column] = cell.strip()
        country = record.get("country", "")
        if country.casefold() in COUNTRY_NAMES:
            record["country"] = COUNTRY_NAMES[country.casefold()]
        records.append(record)
    return records


def import_directory_csv(data, *, commit, progress=None):
    report = ImportReport()
    records = read_directory_csv(data, report)
    return import_records(records, commit=commit, report=report, progress=progress)
