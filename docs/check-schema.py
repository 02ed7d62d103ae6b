#!/usr/bin/env python3
"""Checks portfolio files against docs/portfolio.schema.json.

Usage: python3 docs/check-schema.py [PATH ...]
  PATH is a portfolio file or folder; the default is every portfolio under Samples/ and the
  YAML and JSON examples of docs/format.md.

For each file: validates it against the schema (dates stay text, as Interlock reads them; a key
given twice in one mapping is an error). For each folder: also merges its files as Interlock does
and checks what one file alone cannot show: ids unique across all kinds and files, top-level
scalars that agree, `initiatives` present. Then makes sure that broken snippets are rejected, so
a schema that accepts everything cannot pass. Exit code 0 when all is well, 1 otherwise.
Needs only the standard library, jsonschema and PyYAML.
"""
import json
import re
import sys
from pathlib import Path

import jsonschema
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "portfolio.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
SUFFIXES = {".yaml", ".yml", ".json"}
KINDS = ["units", "people", "teams", "goals", "capabilities", "technologies", "dataSources", "initiatives"]


class StrictLoader(yaml.SafeLoader):
    """Safe YAML loader that keeps dates as text and rejects a key given twice."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"key {key!r} given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


StrictLoader.yaml_implicit_resolvers = {
    first: [entry for entry in resolvers if entry[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse(text):
    """The document of a YAML or JSON text (JSON is read as YAML, like Interlock does)."""
    return yaml.load(text, Loader=StrictLoader)


def describe(error):
    """One schema violation as `/path: what is wrong`, unknown keys said plainly."""
    where = "/" + "/".join(str(part) for part in error.absolute_path)
    if error.validator == "additionalProperties":
        unknown = sorted(key for key in error.instance if key not in error.schema.get("properties", {}) and not key.startswith("x-"))
        return f"{where}: unknown key {', '.join(unknown)} (only keys starting with x- may be added)"
    return f"{where}: {error.message}"


def schema_errors(document):
    """Messages of every schema violation, each with the path of the offending value."""
    return [describe(error) for error in sorted(VALIDATOR.iter_errors(document), key=lambda error: list(error.absolute_path))]


def merge_errors(documents):
    """What merging (name, document) pairs of one folder finds wrong."""
    errors, first_place, scalars = [], {}, {}
    for name, document in documents:
        if not isinstance(document, dict):
            continue
        for key in ("portfolio", "currency"):
            if key in document:
                if key in scalars and scalars[key][1] != document[key]:
                    errors.append(f"{name}: {key} {document[key]!r} disagrees with {scalars[key][1]!r} in {scalars[key][0]}")
                scalars.setdefault(key, (name, document[key]))
        for kind in KINDS:
            entities = document.get(kind)
            for index, entity in enumerate(entities if isinstance(entities, list) else []):
                if isinstance(entity, dict) and "id" in entity:
                    place = f"{name} {kind}[{index}]"
                    if entity["id"] in first_place:
                        errors.append(f"{place}: id {entity['id']!r} already used at {first_place[entity['id']]}")
                    first_place.setdefault(entity["id"], place)
    if not any(isinstance(document, dict) and "initiatives" in document for _, document in documents):
        errors.append("no file has the key initiatives")
    return errors


def shown(path):
    """The path as given, or relative to the repository when it lies inside it."""
    resolved = path.resolve()
    return str(resolved.relative_to(ROOT)) if resolved.is_relative_to(ROOT) else str(path)


def check_path(path):
    """Checks a file or a folder; returns the number of problems and prints them."""
    if not path.exists():
        print(f"FAIL {path}: no such file or folder")
        return 1
    files = [path]
    if path.is_dir():  # as Interlock reads a folder: subfolders too, names starting with a dot skipped
        files = sorted(
            p for p in path.rglob("*")
            if p.suffix in SUFFIXES and p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
    documents, problems = [], 0
    for file in files:
        try:
            document = parse(file.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            print(f"FAIL {shown(file)}: {error}")
            problems += 1
            continue
        errors = schema_errors(document)
        for error in errors:
            print(f"FAIL {shown(file)}: {error}")
        if not errors:
            print(f"ok   {shown(file)}")
        problems += len(errors)
        documents.append((str(file.relative_to(path) if path.is_dir() else file), document))
    merged = merge_errors(documents)
    for error in merged:
        print(f"FAIL {shown(path)}: {error}")
    return problems + len(merged)


def check_examples(markdown):
    """Validates each ```yaml and ```json block of a Markdown file; returns the number of problems."""
    problems = 0
    blocks = re.findall(r"```(?:yaml|json)\n(.*?)```", markdown.read_text(encoding="utf-8"), re.S)
    for number, block in enumerate(blocks, start=1):
        for error in schema_errors(parse(block)):
            print(f"FAIL {shown(markdown)} example {number}: {error}")
            problems += 1
    print(f"{'ok' if problems == 0 else 'FAIL'}   {shown(markdown)}: {len(blocks)} examples")
    return problems


# Each snippet is one portfolio file that must be rejected, with why.
BROKEN = {
    "unknown top-level key (typo)": "initiative: [{id: a, name: A}]",
    "unknown initiative key": "initiatives: [{id: a, name: A, owners: [bob]}]",
    "initiative without name": "initiatives: [{id: a}]",
    "status not in the enum": "initiatives: [{id: a, name: A, status: done}]",
    "date in another format": "initiatives: [{id: a, name: A, start: 01.02.2026}]",
    "date that does not exist": "initiatives: [{id: a, name: A, end: 2026-02-30}]",
    "budget as text": "initiatives: [{id: a, name: A, budget: 1.2 Mio}]",
    "version without value": "initiatives: [{id: a, name: A, technologies: ['java@']}]",
    "data access not in the enum": "initiatives: [{id: a, name: A, data: [{source: s, access: readwrite}]}]",
    "data use without access": "initiatives: [{id: a, name: A, data: [{source: s}]}]",
    "id with a space": "goals: [{id: my goal, name: G}]",
    "technology without id": "technologies: [{name: Java}]",
    "lifecycle not in the enum": "technologies: [{id: t, name: T, lifecycle: deprecated}]",
    "classification not in the enum": "dataSources: [{id: d, name: D, classification: secret}]",
    "active as text": "people: [{id: p, name: P, active: 'no'}]",
    "incompatible group of three": "policy: {incompatible: [[a, b, c]]}",
    "failOn not in the enum": "policy: {failOn: always}",
    "rule severity not in the enum": "rules: [{id: r, severity: critical, message: M, query: 'MATCH (n) RETURN n'}]",
    "rule without query": "rules: [{id: r, severity: info, message: M}]",
    "currency not a code": "currency: euro",
    "key given twice": "initiatives: [{id: a, name: A, owner: bob, owner: eve}]",
}

# Snippets the schema must accept: the optional extras of the format.
VALID = {
    "x- keys everywhere": "x-source: sheet\ninitiatives: [{id: a, name: A, x-jira: HR-1, data: [{source: s, access: read, x-note: n}]}]",
    "defaults left out": "initiatives: [{id: a, name: A}]",
}

# Folders (file name -> text) that each file alone passes but the merge must reject.
BROKEN_FOLDERS = {
    "same id in two files, other kinds": {"a.yaml": "initiatives: [{id: crm, name: CRM}]", "b.yaml": "capabilities: [{id: crm, name: CRM}]"},
    "scalars that disagree": {"a.yaml": "currency: EUR\ninitiatives: []", "b.yaml": "currency: USD"},
    "no initiatives anywhere": {"a.yaml": "goals: [{id: g, name: G}]"},
}


def rejects(text):
    """Whether the text fails to parse or breaks the schema."""
    try:
        return bool(schema_errors(parse(text)))
    except yaml.YAMLError:
        return True


def self_test():
    """Returns the number of snippets judged wrongly, printing each."""
    wrong = 0
    for why, text in BROKEN.items():
        if not rejects(text):
            print(f"FAIL schema accepts a broken snippet ({why}): {text}")
            wrong += 1
    for why, text in VALID.items():
        for error in schema_errors(parse(text)):
            print(f"FAIL schema rejects a valid snippet ({why}): {error}")
            wrong += 1
    for why, files in BROKEN_FOLDERS.items():
        if not merge_errors([(name, parse(text)) for name, text in files.items()]):
            print(f"FAIL merge accepts a broken folder ({why})")
            wrong += 1
    total = len(BROKEN) + len(VALID) + len(BROKEN_FOLDERS)
    print(f"{'ok' if wrong == 0 else 'FAIL'}   self-test: {total - wrong} of {total} snippets judged right")
    return wrong


def main(arguments):
    if arguments:
        problems = sum(check_path(Path(argument)) for argument in arguments)
    else:
        samples = sorted(p for p in (ROOT / "Samples").iterdir() if p.is_dir() or p.suffix in SUFFIXES)
        problems = sum(check_path(path) for path in samples) + check_examples(ROOT / "docs" / "format.md")
    problems += self_test()
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
