"""axe-core (npm, a devDependency: node_modules/axe-core) run in the page: WCAG 2.1 A and AA rules."""

from pathlib import Path

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page):
    """The violations axe-core finds in the page as it is now, as "rule: selectors" lines."""
    if not page.evaluate("() => 'axe' in window"):
        page.evaluate(AXE_SCRIPT.read_text())  # evaluated, not a <script>: the page's CSP forbids inline script
    violations = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
                               ".then((result) => result.violations)", WCAG_TAGS)
    return [f"{violation['id']}: " + ", ".join(" ".join(node["target"]) for node in violation["nodes"])
            for violation in violations]
