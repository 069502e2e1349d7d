"""Downloads of a list as data: columns with a Table Schema type, written as CSV, JSON or XLSX.

A ``Dataset`` names its columns once; the same definition writes the CSV, the JSON, the XLSX and
the Frictionless Data Table Schema that describes them (``table_schema``), so the description
cannot drift from the files. Values are data, not display text: identifiers, ISO dates with their
precision, codes rather than labels, several values joined by ``; ``.

The files are read by people's spreadsheets as well as by programs, so text never runs as a
formula: in the CSV a text cell that a spreadsheet would take for one (it begins with = + - @, a
tab or a carriage return) starts with an apostrophe, OWASP's rule; in the XLSX every text cell is
typed as text, so it shows as written. Numbers stay numbers in both (-3.5 is not text).
"""

import csv
import datetime
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .text import printable

MANY = "; "  # how several values share one CSV cell (and one JSON string)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet reads as the start of a formula


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Table Schema type: string, integer, number, date, year, boolean
    description: str
    value: object  # a function of the record (and the request, for absolute addresses)
    needs_request: bool = False
    format: str = ""  # a Table Schema format: "uri" for an address


@dataclass(frozen=True)
class ForeignKey:
    """A column that names a record of another list (or of this one) by its identifier."""

    column: str
    dataset: str  # the other list's name; its own name for a reference within the list


@dataclass(frozen=True)
class Dataset:
    name: str  # the file name without extension: "agreements"
    title: str
    description: str
    columns: list = field(default_factory=list)
    foreign_keys: tuple = ()
    primary_key: str = "id"

    def values(self, records, request):
        """Each record's values, as Python data: text, numbers, booleans, or None when empty."""
        for record in records:
            yield [
                _native(column.value(record, request) if column.needs_request else column.value(record))
                for column in self.columns
            ]

    def csv(self, records, request):
        """RFC 4180 CSV in UTF-8 without a byte-order mark: the format for programs (a BOM would be
        a stray character in the first column's name for most of them); people open the XLSX."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([column.name for column in self.columns])
        for row in self.values(records, request):
            writer.writerow(_csv_cell(value, column) for value, column in zip(row, self.columns, strict=True))
        return buffer.getvalue()

    def json(self, records, request):
        names = [column.name for column in self.columns]
        rows = [dict(zip(names, row, strict=True)) for row in self.values(records, request)]
        return json.dumps(rows, ensure_ascii=False, indent=1)

    def xlsx(self, records, request, title=None):
        """A workbook for spreadsheets: numbers as numbers, dates as dates, text as text, the
        header row frozen and bold, the same columns as the CSV (openpyxl, streaming)."""
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(_sheet_title(title or self.title))
        sheet.freeze_panes = "A2"
        for number, column in enumerate(self.columns, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = 14 if column.type != "string" else 24
        bold = Font(bold=True)
        header = []
        for column in self.columns:
            cell = WriteOnlyCell(sheet, value=column.name)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in self.values(records, request):
            sheet.append([_xlsx_cell(sheet, value, column) for value, column in zip(row, self.columns, strict=True)])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    def table_schema(self, fmt="csv"):
        """The Table Schema of this list's file in ``fmt``; foreign keys name the other lists'
        files in the same format (``agreements-csv``), as the data package names its resources."""
        schema = {
            "fields": [_schema_field(column) for column in self.columns],
            "missingValues": [""],
            "primaryKey": [self.primary_key],
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {
                    "fields": [key.column],
                    "reference": {
                        "resource": "" if key.dataset == self.name else f"{key.dataset}-{fmt}",
                        "fields": ["id"],
                    },
                }
                for key in self.foreign_keys
            ]
        return schema


def _schema_field(column):
    described = {"name": column.name, "type": column.type, "description": str(column.description)}
    if column.format:
        described["format"] = column.format
    if column.name == "id":
        described["constraints"] = {"required": True, "unique": True}
    return described


def joined(values):
    return MANY.join(str(value) for value in values if value not in (None, ""))


def _native(value):
    """A value as JSON has it: empty text and missing values are None, a Decimal is a number."""
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, str):
        return printable(value)  # stored before the forms removed them, or written by a script
    return value if isinstance(value, (bool, int, float)) else str(value)


def _csv_cell(value, column):
    """A value in a CSV cell: empty for None, true/false for a boolean, and a text a spreadsheet
    would run as a formula behind an apostrophe (only in text columns: -3.5 stays a number)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if column.type == "string" and isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _xlsx_cell(sheet, value, column):
    """A value in an XLSX cell, typed: a text cell stays text even when it begins with "="."""
    if column.type == "date" and isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    elif isinstance(value, datetime.date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def _sheet_title(title):
    """A sheet's name: at most 31 characters, none of those Excel forbids."""
    return "".join(character for character in str(title) if character not in "[]:*?/\\")[:31]
