#!/usr/bin/env python3
"""Parses an HTML page with Python's html.parser and prints what the report tests check, as JSON.

Usage: inspect-html.py PAGE.html

Output keys:
  problems   unbalanced or stray tags, duplicate ids, links to missing anchors
  external   every reference that would leave the page: src/href/xlink:href/action not starting
             with "#", url(...) not starting with "#" and @import in CSS, and any <script>, <link>,
             <iframe>, <object>, <embed>, <img> or <base> element
  handlers   attributes starting with "on" (event handlers), and javascript: URLs
  elements   count of each element name
  text       the page's text content (entities decoded), whitespace collapsed
  ids        every id attribute
"""
import json
import re
import sys
from collections import Counter
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# SVG elements that are written self-closed (<path/>) are handled by handle_startendtag.
FORBIDDEN = {"script", "link", "iframe", "object", "embed", "img", "base", "frame", "frameset", "applet"}
URL_ATTRIBUTES = {"src", "href", "xlink:href", "action", "formaction", "poster", "data", "srcset", "background"}


class Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.problems = []
        self.external = []
        self.handlers = []
        self.elements = Counter()
        self.text = []
        self.ids = []
        self.anchors = []
        self.in_style = False

    def check_attributes(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES:
                if value.strip().lower().startswith("javascript:"):
                    self.handlers.append(f"<{tag} {name}={value}>")
                if not value.startswith("#"):
                    self.external.append(f"<{tag} {name}={value}>")
                else:
                    self.anchors.append(value[1:])
            if name == "style":
                self.check_css(value)
            if name == "id":
                self.ids.append(value)

    def check_css(self, css):
        for match in re.findall(r"url\(\s*['\"]?([^'\")]*)", css):
            if not match.startswith("#"):
                self.external.append(f"url({match})")
        if "@import" in css:
            self.external.append("@import")

    def handle_starttag(self, tag, attrs):
        self.elements[tag] += 1
        if tag in FORBIDDEN:
            self.external.append(f"<{tag}>")
        self.check_attributes(tag, attrs)
        if tag == "style":
            self.in_style = True
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.elements[tag] += 1
        if tag in FORBIDDEN:
            self.external.append(f"<{tag}>")
        self.check_attributes(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"unexpected </{tag}> (open: {'/'.join(self.stack[-3:])})")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.in_style:
            self.check_css(data)
        else:
            self.text.append(data)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as handle:
        page = handle.read()
    inspector = Inspector()
    inspector.feed(page)
    inspector.close()
    problems = list(inspector.problems)
    if inspector.stack:
        problems.append("unclosed: " + "/".join(inspector.stack))
    if not page.lstrip().lower().startswith("<!doctype html>"):
        problems.append("no <!DOCTYPE html>")
    duplicates = [name for name, count in Counter(inspector.ids).items() if count > 1]
    problems += [f"duplicate id {name}" for name in duplicates]
    known = set(inspector.ids)
    problems += [f"link to missing #{anchor}" for anchor in sorted(set(inspector.anchors)) if anchor not in known]
    print(json.dumps({
        "problems": problems,
        "external": inspector.external,
        "handlers": inspector.handlers,
        "elements": inspector.elements,
        "text": re.sub(r"\s+", " ", "".join(inspector.text)).strip(),
        "ids": inspector.ids,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
