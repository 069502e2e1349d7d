"""Downloads of a list as data: columns with a Table Schema type, written as CSV or JSON.

A ``Dataset`` names its columns once; the same definition writes the CSV, the JSON and the
Frictionless Data Table Schema that describes both (``table_schema``), so the description cannot
drift from the files. Values are data, not display text: identifiers, ISO dates with their
precision, codes rather than labels, several values joined by ``; ``.
"""

import csv
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal

MANY = "; "  # how several values share one CSV cell (and one JSON string)


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Table Schema type: string, integer, number, date, year, boolean
    description: str
    value: object  # a function of the record (and the request, for absolute addresses)
    needs_request: bool = False


@dataclass(frozen=True)
class Dataset:
    name: str  # the file name without extension: "agreements"
    title: str
    description: str
    columns: list = field(default_factory=list)

    def values(self, records, request):
        """Each record's values, as Python data: text, numbers, booleans, or None when empty."""
        for record in records:
            yield [
                _native(column.value(record, request) if column.needs_request else column.value(record))
                for column in self.columns
            ]

    def csv(self, records, request):
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([column.name for column in self.columns])
        writer.writerows([_cell(value) for value in row] for row in self.values(records, request))
        return buffer.getvalue()

    def json(self, records, request):
        names = [column.name for column in self.columns]
        rows = [dict(zip(names, row, strict=True)) for row in self.values(records, request)]
        return json.dumps(rows, ensure_ascii=False, indent=1)

    def table_schema(self):
        return {
            "fields": [
                {"name": column.name, "type": column.type, "description": str(column.description)}
                for column in self.columns
            ],
            "missingValues": [""],
        }


def joined(values):
    return MANY.join(str(value) for value in values if value not in (None, ""))


def _native(value):
    """A value as JSON has it: empty text and missing values are None, a Decimal is a number."""
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value if isinstance(value, (bool, int, float, str)) else str(value)


def _cell(value):
    """The same value in a CSV cell: empty for None, true/false for a boolean."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
