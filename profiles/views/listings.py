from django.shortcuts import render


def listing_list(request):
    return render(request, "profiles/listing_list.html")
