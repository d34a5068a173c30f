"""A glossary of 2,000 terms costs time in proportion to the text, not terms × pages.

Markdown's abbr extension rescanned every page once per term: 1,800 terms took
13 minutes, about 260 times the real glossary's build. Measured as a ratio of
the CPU time of two builds run in turn, so a slow or busy machine weighs on
both alike; the best of three runs each damps the noise.

The bound is 2.5, not the 2 the issue asked for: 2,000 terms are 2,000 more
items to decode, index for search, export and list on a glossary page in each
language, and that alone measured 2.0 to 2.2 times the real build on the
project's 2-core machines; explaining the terms in place was about 2 % of
the larger build in a profile.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys

import pytest
from conftest import copy_project

pytestmark = pytest.mark.build  # several full builds, timed

TERMS = 2000


def _synthetic_glossary(count: int) -> str:
    lines = ["terms:"]
    for n in range(count):
        lines += [
            f"  - id: t-{n}",
            "    source: cra-profile",
            f"    term: {{en: w{n}, fr: m{n}}}",
            f"    forms: {{en: 'w{n}, ws{n}', fr: 'm{n}, ms{n}'}}",
            f"    definition: {{en: 'Made-up term {n}.', fr: 'Terme inventé {n}.'}}",
        ]
    return "\n".join(lines) + "\n"


def _build_cpu_seconds(project, site) -> float:
    """CPU seconds (user + system) of one build, which another process on the machine
    does not stretch the way it stretches wall time."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GUIDE_OFFLINE_BUNDLE="0")
    env.pop("SITE_URL", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=project, capture_output=True, text=True, env=env, timeout=900)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert result.returncode == 0, result.stdout + result.stderr
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _best_of_each(builds: list[tuple], runs: int = 3) -> list[float]:
    """The least CPU time of each build, run in turn (a, b, a, b, ...): a busy spell of
    the machine weighs on both, not on one of them."""
    best = [float("inf")] * len(builds)
    for _ in range(runs):
        for n, (project, site) in enumerate(builds):
            best[n] = min(best[n], _build_cpu_seconds(project, site))
    return best


RATIO_BOUND = 2.5


def test_two_thousand_glossary_terms_build_in_time_proportional_to_the_text(tmp_path):
    real = copy_project(tmp_path / "real")
    large = copy_project(tmp_path / "large")
    glossary = large / "content_data" / "glossary.yml"
    original = glossary.read_text(encoding="utf-8")
    glossary.write_text(original.replace("terms:\n", _synthetic_glossary(TERMS).removesuffix("\n") + "\n", 1),
                        encoding="utf-8")
    assert glossary.stat().st_size < 512 * 1024, "the synthetic glossary must stay under the file limit"
    baseline, measured = _best_of_each([(real, tmp_path / "real-site"), (large, tmp_path / "large-site")])
    shown = (tmp_path / "large-site" / "competencies" / "collaboration" / "index.html").read_text(encoding="utf-8")
    assert "<abbr title=" in shown, "the real terms must still be explained"
    assert measured < RATIO_BOUND * baseline, \
        f"{TERMS} terms: {measured:.2f} s CPU, real glossary: {baseline:.2f} s CPU ({measured / baseline:.2f}×)"
