"""A grouped figure must not depend on how its queryset was ordered: every
`.values(…).annotate(…)` goes through phongtrao.grouping.grouped, which clears the order."""

from __future__ import annotations

import ast
from pathlib import Path

import phongtrao

ROOT = Path(phongtrao.__file__).parent


def _grouping_calls(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "annotate"
            and isinstance(node.func.value, ast.Call)
            and isinstance(node.func.value.func, ast.Attribute)
            and node.func.value.func.attr == "values"
        ):
            lines.append(node.lineno)
    return lines


def test_it_refuses_values_annotate_outside_the_grouping_helper():
    found = []
    for path in ROOT.rglob("*.py"):
        if "migrations" in path.parts or path.name == "grouping.py":
            continue
        found += [f"{path.relative_to(ROOT)}:{line}" for line in _grouping_calls(ast.parse(path.read_text()))]
    assert found == [], "group with phongtrao.grouping.grouped(queryset, …): " + ", ".join(found)


def test_the_check_sees_a_values_annotate_chain():
    assert _grouping_calls(ast.parse("Contribution.objects.values('kind').annotate(n=Count('pk'))")) == [1]
