from django.utils.functional import SimpleLazyObject

from meetups.models import Cell


def quiet_cells(request):
    """
    `my_quiet_cells`: the cells going quiet that the signed-in user champions, for the banner.
    One query, only on pages that render the banner, and none for visitors.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"my_quiet_cells": ()}
    return {
        "my_quiet_cells": SimpleLazyObject(
            lambda: list(Cell.objects.quiet().filter(champions__user=user).only("name", "slug"))
        )
    }
