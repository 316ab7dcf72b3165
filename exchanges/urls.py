from django.urls import path

from exchanges import views

app_name = "exchanges"
urlpatterns = [
    path("exchanges/", views.exchange_list, name="exchange-list"),
    path("exchanges/new/", views.exchange_create, name="exchange-create"),
    path("exchanges/budget/", views.exchange_budget, name="budget"),
    path("exchanges/budget.csv", views.exchange_budget_csv, name="budget-csv"),
    path("exchanges/<int:pk>/", views.exchange_detail, name="exchange-detail"),
    path("exchanges/<int:pk>/edit/", views.exchange_edit, name="exchange-edit"),
    path("exchanges/<int:pk>/propose/", views.exchange_propose, name="exchange-propose"),
    path("exchanges/<int:pk>/accept/", views.exchange_accept, name="exchange-accept"),
    path(
        "exchanges/<int:pk>/suggest-changes/",
        views.exchange_suggest_changes,
        name="exchange-suggest-changes",
    ),
    path("exchanges/<int:pk>/decline/", views.exchange_decline, name="exchange-decline"),
    path(
        "exchanges/<int:pk>/coops/<int:coop_id>/approve/",
        views.exchange_approve,
        name="exchange-approve",
    ),
    path(
        "exchanges/<int:pk>/coops/<int:coop_id>/decline/",
        views.exchange_decline_approval,
        name="exchange-decline-approval",
    ),
    path("exchanges/<int:pk>/terms/", views.exchange_terms, name="exchange-terms"),
    path("exchanges/<int:pk>/sign/", views.exchange_sign, name="exchange-sign"),
    path("exchanges/<int:pk>/done/", views.exchange_report_done, name="exchange-report-done"),
    path("exchanges/<int:pk>/cancel/", views.exchange_cancel, name="exchange-cancel"),
    path(
        "exchanges/<int:pk>/agreement/<int:version>/",
        views.agreement_print,
        name="agreement-print",
    ),
]
