"""The rooms stand on each other in one order: an app imports only the apps below it (and
the shared pieces: ui, docparse and the project's top-level helpers), so that each can be
read, changed and tested without the ones above it."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]

# Lowest first, as INSTALLED_APPS lists them.
LAYERS = [
    "geo",
    "accounts",
    "notifications",
    "jobs",
    "orgs",
    "indicators",
    "plans",
    "workdays",
    "registrations",
    "contributions",
    "criteria",
    "reports",
    "documents",
    "rewards",
    "surveys",
    "units",
    "mywork",
    "portal",
    "operations",
    "demo",
]
SHARED = {
    "ui",
    "docparse",
    "apitypes",
    "bounds",
    "concurrency",
    "grouping",
    "ranks",
    "search",
    "sheets",
    "text",
    "formats",
}


def imported_apps(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found |= {name.split(".")[1] for name in names if name.startswith("phongtrao.") and name.count(".") >= 1}
    return found


def upward_imports(app_dir: Path, allowed: set[str]) -> list[str]:
    wrong = []
    for path in sorted(app_dir.rglob("*.py")):
        if "tests" in path.parts:
            continue
        for other in sorted(imported_apps(path) - allowed - {app_dir.name}):
            wrong.append(f"{path.relative_to(PACKAGE)} imports {other}")
    return wrong


def test_every_app_imports_only_the_apps_below_it():
    wrong = []
    for level, app in enumerate(LAYERS):
        wrong += upward_imports(PACKAGE / app, set(LAYERS[:level]) | SHARED)
    assert wrong == []


def test_the_shared_pieces_import_no_app():
    wrong = []
    for name in SHARED:
        path = PACKAGE / name
        for module in [path.with_suffix(".py")] if path.with_suffix(".py").exists() else path.rglob("*.py"):
            if "tests" in module.parts:
                continue
            wrong += [f"{module.relative_to(PACKAGE)} imports {other}" for other in imported_apps(module) - SHARED]
    assert wrong == []


def test_the_layers_are_the_installed_apps_in_order():
    from django.conf import settings

    installed = [name.split(".")[1] for name in settings.INSTALLED_APPS if name.startswith("phongtrao.")]
    assert [app for app in installed if app not in SHARED] == LAYERS
    assert {path.parent.name for path in PACKAGE.glob("*/apps.py")} == set(LAYERS) | {"ui", "operations"}
