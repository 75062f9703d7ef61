"""Campaign pages and partners (campaigns issue) and the member registry (registry issue):
one module each, re-exported here so Django sees one `campaigns` app."""

from .pages import *  # noqa: F403
from .partners import *  # noqa: F403
from .registry import *  # noqa: F403
