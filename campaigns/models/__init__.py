"""Campaign pages, the partner programme and the sign-up page, one module per page type or
model family, re-exported here so Django sees one `campaigns` app (the member registry's data is
the `registry` app, campaigns/registry/):
- `campaign_pages`: the campaign index and the campaign page;
- `programme_page`: the "Vì phúc lợi đoàn viên" page with its partner directory;
- `partners` (the partner snippet) with its parts: `partner_choices`, `partner_queries`,
  `partner_offer` (derived labels), `partner_panels` (admin tabs), `partner_locations`, and
  `campaigns.partner_links` (URLs, preview, cached programme URL, logo specs: no model import);
- `province`: the 34 provinces;
- `signup`: the sign-up page, which places the registry's form.
"""

from campaigns.partner_links import *  # noqa: F403

from .campaign_pages import *  # noqa: F403
from .partner_choices import *  # noqa: F403
from .partner_locations import *  # noqa: F403
from .partner_queries import *  # noqa: F403
from .partners import *  # noqa: F403
from .programme_page import *  # noqa: F403
from .province import *  # noqa: F403
from .signup import *  # noqa: F403
