from django.shortcuts import render


def baseline(request):
    """The benchmark's ceiling: the site's layout and a page of text, and no database query."""
    return render(request, "bench/baseline.html", {"rows": range(20)})
