#!/usr/bin/env python3
"""Builds README.md from docs/readme.template.md and the docs pages it includes.

A line `{{include PATH}}` is replaced by the page without its `# ` title, headings one level
deeper; `{{include PATH as-is}}` keeps the page's title and heading levels.
Run from the repository root: python3 docs/assemble-readme.py
"""
import re
import sys


def page(path, as_is):
    lines = open(path, encoding="utf-8").read().split("\n")
    if not as_is and lines and lines[0].startswith("# "):
        lines = lines[1:]
    out, fence = [], False
    for line in lines:
        if line.startswith("```"):
            fence = not fence
        if not fence and not as_is and re.match(r"^#{1,5} ", line):
            line = "#" + line
        out.append(line)
    return "\n".join(out).strip("\n")


def main():
    template = open("docs/readme.template.md", encoding="utf-8").read()
    def repl(m):
        return page(m.group(1), m.group(2) is not None)
    readme = re.sub(r"^\{\{include (\S+)( as-is)?\}\}$", repl, template, flags=re.M)
    open("README.md", "w", encoding="utf-8").write(readme)


if __name__ == "__main__":
    sys.exit(main())
