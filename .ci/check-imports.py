#!/usr/bin/env python3
"""Checks that every Swift target of the package declares exactly the modules it imports.

Reads the package description from `swift package dump-package` (JSON on stdin) and the
`import` lines of each target's Swift files. Reports, per target:
- an imported module of this package, or of a declared product's package, that the target
  does not declare (it builds only because something else pulls it in);
- a declared library target or product that no file of the target imports.
Executable targets stay allowed as dependencies without an import (tests run them), and
system-library targets are left out (their headers are imported by the wrapper's C code).
Exit status 1 when anything is reported.

Usage: swift package dump-package | python3 .ci/check-imports.py [target ...]
"""
import json
import os
import re
import sys

IMPORT = re.compile(r'^\s*(?:@testable\s+|@_implementationOnly\s+|@preconcurrency\s+|(?:public|internal|package)\s+)*import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)', re.M)

# The module a product of a dependency package is imported as, when it differs from the product's name.
PRODUCT_MODULES = {"GRDB": "GRDB", "ArgumentParser": "ArgumentParser", "Yams": "Yams", "ZIPFoundation": "ZIPFoundation"}


def module_name(target_name):
    return target_name.replace("-", "_")


def main():
    package = json.load(sys.stdin)
    only = set(sys.argv[1:])
    targets = {t["name"]: t for t in package["targets"]}
    local_modules = {module_name(name): t for name, t in targets.items() if t["type"] not in ("plugin",)}
    product_modules = set(PRODUCT_MODULES.values())
    problems = []
    for name, target in targets.items():
        if target["type"] in ("system", "plugin", "binary", "macro") or (only and name not in only):
            continue
        root = target.get("path") or ("Tests/" if target["type"] == "test" else "Sources/") + name
        imports = set()
        for folder, _, files in os.walk(root):
            for file in files:
                if file.endswith(".swift"):
                    with open(os.path.join(folder, file), encoding="utf-8") as handle:
                        imports.update(IMPORT.findall(handle.read()))
        declared = {}
        for dependency in target["dependencies"]:
            kind, value = next(iter(dependency.items()))
            declared[module_name(PRODUCT_MODULES.get(value[0], value[0]) if kind == "product" else value[0])] = kind
        for module in sorted(imports):
            if module == module_name(name):
                continue
            if (module in local_modules or module in product_modules) and module not in declared:
                problems.append(f"{root}: imports {module} but the target '{name}' does not declare it in Package.swift")
        for module, kind in sorted(declared.items()):
            dependency = local_modules.get(module)
            if dependency is not None and dependency["type"] in ("executable", "system"):
                continue
            if module not in imports:
                problems.append(f"Package.swift: target '{name}' declares {module}, which none of its files imports; remove it")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
