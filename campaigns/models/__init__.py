"""Campaign pages, partners and the sign-up page: one module each, re-exported here so Django
sees one `campaigns` app. The member registry's data is the `registry` app (campaigns/registry/)."""

from .pages import *  # noqa: F403
from .partners import *  # noqa: F403
from .signup import *  # noqa: F403
