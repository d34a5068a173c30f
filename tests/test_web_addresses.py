"""A web address the content accepts is a URI wherever it is published (CASE's format: uri).

A licence URL with '"', '{', '|', '^' or a backtick once passed the content's rule
and made every CASE package invalid. Kept apart from test_case_package: other
property tests import that module while Hypothesis runs, and Hypothesis refuses
a test defined inside another one's run.
"""

from __future__ import annotations

import dataclasses
import json

import jsonschema
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_case_package import RFC3986_URI, SITE, _validator

from guide.exports.case_package import case_package


def _decoded_url(url: str):
    from yaml import Mark
    from yaml.nodes import ScalarNode

    from guide.content.decode import Decoder, Url

    mark = Mark("licence.yml", 0, 0, 0, None, None)
    return Decoder("content_data/licence.yml").decode(ScalarNode("tag:yaml.org,2002:str", url, mark, mark),
                                                      Url, "licence.url")


@settings(max_examples=400, derandomize=True, database=None, deadline=None)
@given(rest=st.text(alphabet=st.sampled_from(list("aZ09-._~!$&'()*+,;=:@/?#%[]\"{}|^`<>\\ é")), max_size=16))
@example(rest='creativecommons.org/licenses/by/4.0/"')
def test_an_address_the_content_accepts_is_a_uri_in_the_packages(guide, rest):
    """The content's rule and RFC 3986 agree: what make check accepts, CASE accepts."""
    url = _decoded_url(f"https://{rest}")
    if isinstance(url, str):
        assert RFC3986_URI.fullmatch(url), url
        # jsonschema's own check too, where a package for it is installed (a no-op otherwise).
        assert jsonschema.Draft202012Validator.FORMAT_CHECKER.conforms(url, "uri"), url
        licence = dataclasses.replace(guide.licence, url=url)
        package = case_package(dataclasses.replace(guide, licence=licence), "en", site_url=SITE)
        assert not list(_validator().iter_errors(json.loads(json.dumps(package)))), url


@pytest.mark.parametrize("character", ['"', "{", "}", "|", "^", "`", "<", ">", "\\", "é", "%", "#"])
def test_each_character_that_broke_the_packages_is_refused_at_its_line(character):
    url = _decoded_url(f"https://creativecommons.org/licenses/by/4.0/#x{character}")
    assert not isinstance(url, str), url
