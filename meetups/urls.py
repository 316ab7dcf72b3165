from django.urls import path

from meetups import views

app_name = "meetups"
urlpatterns = [
    path("cells/", views.cell_list, name="cell-list"),
]
