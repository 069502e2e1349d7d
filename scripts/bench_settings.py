"""The portal's settings as `make bench` serves them: the same, plus the two ceiling views
(scripts/bench_urls.py). Never used to serve the portal itself."""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "scripts.bench_urls"
