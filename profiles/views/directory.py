from django.contrib.auth.decorators import login_required
from django.shortcuts import render


def coop_list(request):
    return render(request, "profiles/coop_list.html")


@login_required
def me(request):
    return render(request, "profiles/me.html")
