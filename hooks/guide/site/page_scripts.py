"""Which of the guide's scripts a page needs, from what its content holds.

The deck builder, the self-assessment form, the levels compared, the run sheet's form and the example
builder each come with a script that
does nothing elsewhere; loading them only where their element is keeps every
other page lighter. The element is the renderer's own output, so a page gets
its script wherever the block is placed, with nothing to declare.
"""

from __future__ import annotations

# An id the renderer writes → the script (under docs/) that brings it to life.
PAGE_SCRIPTS = {
    'id="guide-card-pool"': "javascripts/cards.js",
    'id="guide-sa"': "javascripts/self-assessment.js",
    'class="guide-compare" id="compare"': "javascripts/compare-levels.js",
    'class="guide-rs-form"': "javascripts/run-sheet.js",
    'id="guide-eb"': "javascripts/example-builder.js",
}


def scripts_for(page_html: str) -> list[str]:
    return [script for marker, script in PAGE_SCRIPTS.items() if marker in page_html]
