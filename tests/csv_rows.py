#!/usr/bin/env python3
"""Rows of a CSV file, one JSON array a line, as a reader other than
art-fmt sees them; the tests compare them.

  csv_rows.py expect NDJSON FIELDS TAGSEP [safe]
      the header and the rows art-fmt --csv should give for NDJSON,
      worked out here from the JSON
  csv_rows.py python CSV [DELIMITER] [utf-8-sig]
      the rows Python's csv module reads from CSV
  csv_rows.py sqlite JSON
      the rows of sqlite3's `.mode json` output of an imported table,
      header first
"""
import csv
import json
import sys


def emit(row):
    print(json.dumps(row, ensure_ascii=False))


def text(value, sep):
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return sep.join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def expect(ndjson, fields, sep, safe):
    fields = fields.split(",")
    emit(fields)
    with open(ndjson, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                obj = json.loads(line)
                row = [text(obj.get(k), sep) for k in fields]
                if safe:
                    row = ["'" + c if c.lstrip(" ")[:1] in ("=", "+", "-", "@", "\t", "\r") else c
                           for c in row]
                emit(row)


def python_rows(path, delimiter=",", encoding="utf-8"):
    with open(path, newline="", encoding=encoding) as f:
        for row in csv.reader(f, delimiter=delimiter, strict=True):
            emit(row)


def sqlite_rows(path):
    with open(path, encoding="utf-8") as f:
        data = f.read()
    rows = json.loads(data) if data.strip() else []
    if rows:
        emit(list(rows[0].keys()))
    for r in rows:
        emit([v if isinstance(v, str) else text(v, "") for v in r.values()])


mode, args = sys.argv[1], sys.argv[2:]
if mode == "expect":
    expect(args[0], args[1], args[2], len(args) > 3 and args[3] == "safe")
elif mode == "python":
    python_rows(args[0], *(args[1:2] or [","]), *(args[2:3]))
elif mode == "sqlite":
    sqlite_rows(args[0])
else:
    sys.exit("usage: csv_rows.py expect|python|sqlite ...")
