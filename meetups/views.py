from django.shortcuts import render


def cell_list(request):
    return render(request, "meetups/cell_list.html")
