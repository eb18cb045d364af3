"""Area subscriptions ("Neues in meiner Nähe"), included at the site root by config/urls.py."""

from django.urls import path

from atlas.subscriptions import views

app_name = "subscriptions"

urlpatterns = [
    path("neues-in-der-naehe/", views.SubscribeView.as_view(), name="subscribe"),
    path("neues-in-der-naehe/gesendet/", views.SentView.as_view(), name="sent"),
    path("neues-in-der-naehe/bestaetigen/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("neues-in-der-naehe/abbestellen/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
]
