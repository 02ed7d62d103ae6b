#!/usr/bin/env python3
"""Validates a JSON document against a JSON Schema (draft 7) with the `jsonschema` package.

Usage: validate-json-schema.py SCHEMA DOCUMENT
Exit 0 when valid; 1 with one line per error (JSON path: message) when not; 2 on bad usage.
Used by the Swift tests (Tests/InterlockReportsTests), which ship their schemas: nothing is downloaded.
"""
import json
import sys

import jsonschema


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    with open(sys.argv[2], encoding="utf-8") as handle:
        document = json.load(handle)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
    for error in errors:
        path = "/".join(str(part) for part in error.absolute_path)
        print(f"/{path}: {error.message}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
