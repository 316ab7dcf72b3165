from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def exchange_list(request):
    return render(request, "exchanges/exchange_list.html")
