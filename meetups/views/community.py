"""Shout-outs and their feeds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from core.feeds import FEED_ITEMS, AtomFeed
from core.markdown import render_markdown
from meetups import services
from meetups.access import get_shout_out_for_user
from meetups.forms import ShoutOutForm
from meetups.models import Meetup, ShoutOut


def shout_out_list(request):
    shout_outs = ShoutOut.objects.current().select_related("author", "cell")
    return render(request, "meetups/shout_out_list.html", {"shout_outs": shout_outs})


@login_required
def shout_out_create(request):
    form = ShoutOutForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.post_shout_out(form.save(commit=False), request.user.member)
        messages.success(request, "Your shout-out is up.")
        return redirect("meetups:shout-out-list")
    return render(request, "meetups/shout_out_form.html", {"form": form})


@login_required
def shout_out_edit(request, pk):
    shout_out = get_shout_out_for_user(request.user, pk, change=True)
    form = ShoutOutForm(request.POST if request.method == "POST" else None, instance=shout_out)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your shout-out is updated.")
        return redirect("meetups:shout-out-list")
    return render(request, "meetups/shout_out_form.html", {"form": form, "shout_out": shout_out})


@login_required
def shout_out_delete(request, pk):
    """The author, or staff, removes a shout-out after confirming."""
    shout_out = get_shout_out_for_user(request.user, pk, delete=True)
    if request.method == "POST":
        services.remove_shout_out(shout_out)
        messages.success(request, "The shout-out is removed.")
        return redirect("meetups:shout-out-list")
    return render(request, "meetups/shout_out_delete.html", {"shout_out": shout_out})


class ShoutOutFeed(AtomFeed):
    """Atom feed of shout-outs whose date has not passed."""

    title = "CoTech shout-outs"
    subtitle = "Events members of the network are going to, and invite others to."

    def page_url(self, obj):
        return reverse("meetups:shout-out-list")

    def items(self):
        return ShoutOut.objects.current().select_related("author", "cell")[:FEED_ITEMS]

    def item_title(self, item):
        return f"{item.title} ({item.date:%-d %B %Y})"

    def item_description(self, item):
        place = format_html("<p>{}</p>", item.place) if item.place else ""
        return place + render_markdown(item.note)

    def item_author_name(self, item):
        return str(item.author)

    def item_link(self, item):
        return item.link or super().item_link(item)

    def item_guid(self, item):
        return f"shout-out-{item.pk}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class UpcomingMeetupFeed(AtomFeed):
    """Atom feed of coming meetups and national gatherings, soonest first."""

    title = "CoTech meetups and gatherings"
    subtitle = "Coming meetups of the network's cells, and its national gatherings."

    def page_url(self, obj):
        return reverse("meetups:cell-list")

    def items(self):
        return (
            Meetup.objects.visible_to(AnonymousUser())
            .upcoming()
            .filter(status=Meetup.Status.SCHEDULED)
            .select_related("cell")[:FEED_ITEMS]
        )

    def item_title(self, item):
        where = item.cell.name if item.cell else "National gathering"
        return f"{item.title} ({where}, {timezone.localtime(item.starts_at):%-d %B %Y %H:%M})"

    def item_description(self, item):
        return render_markdown(item.description)

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at
