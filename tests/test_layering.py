"""The plugin's imports run one way (DESIGN §3): no circle, nothing of the site.

import-linter (``make lint``) checks the forbidden imports; this checks that
no module of ``campaigns`` reaches itself again through its imports, counting
imports inside functions, which is how a circle hides.
"""

import grimp
import pytest

SITE_PACKAGES = ("cms", "home")


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("campaigns", *SITE_PACKAGES, cache_dir=None)


def _circles(graph) -> list[list[str]]:
    """Every circle found by a depth-first walk, each as its list of modules."""
    modules = sorted(m for m in graph.modules if m.startswith("campaigns"))
    state: dict[str, str] = {}
    found: list[list[str]] = []

    def walk(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if not imported.startswith("campaigns"):
                continue
            if state.get(imported) == "open":
                found.append([*trail[trail.index(imported) :], imported])
            elif imported not in state:
                walk(imported, [*trail, imported])
        state[module] = "done"

    for module in modules:
        if module not in state:
            walk(module, [module])
    return found


def _is_code_circle(circle: list[str]) -> bool:
    """Whether the circle is more than a package importing its own submodule.

    ``campaigns.models`` imports ``campaigns.models.pages`` to hand its names on,
    and a submodule importing a sibling through the package is not a circle of
    code; any other loop is.
    """
    pairs = zip(circle, circle[1:], strict=False)
    return any(not (b.startswith(a + ".") or a.startswith(b + ".")) for a, b in pairs)


def test_no_module_of_the_plugin_imports_itself_in_a_circle(graph):
    circles = [circle for circle in _circles(graph) if _is_code_circle(circle)]
    assert circles == [], "\n".join(" -> ".join(c) for c in circles)


def test_the_plugin_imports_nothing_of_the_site(graph):
    for site in SITE_PACKAGES:
        chain = graph.find_shortest_chain(importer="campaigns", imported=site)
        assert not graph.chain_exists(
            importer="campaigns", imported=site, as_packages=True
        ), f"campaigns reaches {site}: {chain}"
