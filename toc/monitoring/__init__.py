"""Monitoring over time: actuals against what the plan expected, and status along the causal chain.

``progress(model, area)`` is pure: from the model's `monitoring:` section, its
indicators' baselines, targets and trajectories, and the actuals the loader read
(``model.actuals``), it works out for each indicator the value expected at its
latest period and a status (green, amber, red, or grey when there is no data or
nothing to compare with); for each node the worst of its indicators' statuses; and
for each link whether it is *suspect*: its source on track (green) while its target
is off track (red), as at the latest period both have data. A suspect link is
where an assumption may be failing, the question to ask next.

The rules are in docs/monitoring.md; toc/monitoring/status.py holds them.
"""

from toc.monitoring.status import (AMBER, GREEN, GREY, RED, STATUSES, AreaSummary, IndicatorStatus, LinkStatus,
                                   Plan, Progress, area_summaries, expected_value, plan_of, progress, stale,
                                   status_of)

__all__ = ["AMBER", "GREEN", "GREY", "RED", "STATUSES", "AreaSummary", "IndicatorStatus", "LinkStatus", "Plan",
           "Progress", "area_summaries", "expected_value", "plan_of", "progress", "stale", "status_of"]
