"""The arrows run one way: a lower layer never imports a higher one.

scale → analysis / accounts → meetings → debate → live → reports → plans → transfer.

live sits above debate: the one projector shows the debate too, so the
room's screens read the debate, never the other way round. The notifier
that tells the screens of a change sits in meetings, below both.
Project-level modules (settings, urls, asgi, cli) sit on top and may import anything.
"""

import ast
from pathlib import Path

import abaque

ROOT = Path(abaque.__file__).parent

# Rank of each package: a module may import its own rank or lower ones only.
LAYERS = {
    "scale": 0,
    "network": 0,
    "documents": 1,
    "accounts": 1,
    "analysis": 1,
    "wording": 1,  # the analysis' texts in the active language
    "meetings": 2,
    "debate": 3,
    "live": 4,
    "online": 4.5,  # uses the ballot (live); reports and plans never need it
    "reports": 5,
    "plans": 6,
    "transfer": 7,
}


def package_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "abaque" else None


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), str(path))
    found = set()
    relative_base = ".".join(["abaque", *path.relative_to(ROOT).parent.parts])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = relative_base.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def upward_imports():
    for path in sorted(ROOT.rglob("*.py")):
        own = path.relative_to(ROOT).parts[0].removesuffix(".py")
        if own not in LAYERS or "migrations" in path.parts:
            continue
        for module in imports_of(path):
            other = package_of(module)
            if other is None or other == own or other not in LAYERS:
                continue
            if LAYERS[other] > LAYERS[own]:
                yield f"{path.relative_to(ROOT)} imports {module}"


def test_no_layer_imports_a_higher_one():
    assert sorted(set(upward_imports())) == []
