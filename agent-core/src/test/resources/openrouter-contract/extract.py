#!/usr/bin/env python3
"""Extracts the OpenRouter contract schemas used by AgentLoop's tests from OpenRouter's OpenAPI spec.

Usage: python3 extract.py [path/to/openapi.yaml] [output.json]

Defaults: /work/shared/openrouter/openapi.yaml -> openrouter-schemas.json next to this script.
Writes one JSON Schema 2020-12 document whose $defs hold the root schemas below plus every schema they
reference transitively. `#/components/schemas/X` refs become `#/$defs/X`, and OpenAPI-only keywords
(discriminator, nullable, example, xml, externalDocs, x-*) are removed or translated so that a strict
JSON Schema validator sees plain 2020-12.
"""
import json
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/openrouter/openapi.yaml"
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "openrouter-schemas.json")

# Named component schemas we validate against.
ROOTS = [
    "ChatRequest", "ChatResult", "ChatStreamChunk", "ModelsListResponse", "GenerationResponse",
]
# Response schemas that exist only inline under a path: (def name, path, method, status).
INLINE = [
    ("KeyResponse", "/key", "get", "200"),
    ("EndpointsResponse", "/models/{author}/{slug}/endpoints", "get", "200"),
    ("EmbeddingsResponse", "/embeddings", "post", "200"),
]
# Request bodies that exist only inline under a path: (def name, path, method).
INLINE_REQUESTS = [
    ("EmbeddingsRequest", "/embeddings", "post"),
]
# Error envelopes: every error response schema of POST /chat/completions is added as well.
ERROR_PATH = ("/chat/completions", "post")

# Keywords that take a map of name -> schema (walk the values, never strip the names).
SCHEMA_MAPS = {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}
# Keywords whose values are data, not schemas.
DATA_KEYWORDS = {"enum", "const", "default", "examples", "required"}
OPENAPI_ONLY = {"discriminator", "example", "xml", "externalDocs", "nullable"}
PREFIX = "#/components/schemas/"


def clean(node):
    """Returns a copy of a schema node with refs rewritten and OpenAPI-only keywords removed."""
    if isinstance(node, list):
        return [clean(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in OPENAPI_ONLY or key.startswith("x-"):
            continue
        if key == "$ref" and isinstance(value, str) and value.startswith(PREFIX):
            out[key] = "#/$defs/" + value[len(PREFIX):]
        elif key in SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {name: clean(sub) for name, sub in value.items()}
        elif key in DATA_KEYWORDS:
            out[key] = value
        else:
            out[key] = clean(value)
    if node.get("nullable") is True and isinstance(out.get("type"), str):
        out["type"] = [out["type"], "null"]  # OpenAPI 3.0 leftover
    return out


def refs(node, found):
    """Collects the component names referenced anywhere below node."""
    if isinstance(node, list):
        for item in node:
            refs(item, found)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(PREFIX):
                found.add(value[len(PREFIX):])
            else:
                refs(value, found)


def main():
    with open(SPEC, encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    components = spec["components"]["schemas"]
    defs = {}
    pending = list(ROOTS)
    for name, path, method, status in INLINE:
        schema = spec["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"]
        defs[name] = schema
        found = set()
        refs(schema, found)
        pending.extend(found)
    for name, path, method in INLINE_REQUESTS:
        schema = spec["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]
        defs[name] = schema
        found = set()
        refs(schema, found)
        pending.extend(found)
    path, method = ERROR_PATH
    for status, response in spec["paths"][path][method]["responses"].items():
        if status.startswith("2"):
            continue
        ref = response["content"]["application/json"]["schema"]["$ref"]
        pending.append(ref[len(PREFIX):])
    while pending:
        name = pending.pop()
        if name in defs:
            continue
        if name not in components:
            raise SystemExit(f"missing schema in spec: {name}")
        defs[name] = components[name]
        found = set()
        refs(components[name], found)
        pending.extend(sorted(found - defs.keys()))
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": "Extracted from OpenRouter's OpenAPI spec by extract.py; see NOTICE.md. Do not edit by hand.",
        "$defs": {name: clean(defs[name]) for name in sorted(defs)},
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1, sort_keys=False, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(defs)} schemas to {OUT}")


if __name__ == "__main__":
    main()
