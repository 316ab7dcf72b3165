from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from profiles.models import Skill


def coop_list(request):
    return render(request, "profiles/coop_list.html")


@login_required
def me(request):
    return render(request, "profiles/me.html")


def skill_detail(request, slug):
    skill = get_object_or_404(Skill, slug=slug)
    return render(request, "profiles/skill_detail.html", {"skill": skill})
