"""Pages of the needs analysis (included at the site root by config/urls.py)."""

from django.urls import path

from atlas.needs import views

app_name = "needs"

urlpatterns = [
    path("organisationen/<slug:slug>/bedarfe/", views.QuestionnaireView.as_view(), name="questionnaire"),
    path("organisationen/<slug:slug>/vernetzung/", views.MatchingView.as_view(), name="matching"),
    path("bedarfsanalyse/", views.OverviewView.as_view(), name="overview"),
    path("bedarfsanalyse.csv", views.overview_csv, name="overview-csv"),
]
