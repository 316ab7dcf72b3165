"""Small pieces the profiles views share."""

from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from profiles.models import Skill

MAX_SUGGESTIONS = 500


def skill_suggestions():
    """Names for the skill <datalist>: one query, capped so the page stays small."""
    return list(Skill.objects.order_by("name").values_list("name", flat=True)[:MAX_SUGGESTIONS])


def redirect_back(request, fallback):
    """Back to the page a form came from (the nag banner is on every page), if it is ours."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)
