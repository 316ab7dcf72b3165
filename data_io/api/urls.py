from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from data_io.api import views

router = DefaultRouter()
router.register("coops", views.CoopViewSet, basename="coop")
router.register("listings", views.ListingViewSet, basename="listing")
router.register("cells", views.CellViewSet, basename="cell")
router.register("meetups", views.MeetupViewSet, basename="meetup")

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("", include(router.urls)),
]
