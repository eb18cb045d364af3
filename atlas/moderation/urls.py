"""Proposals, moderation, editing and history (included by atlas/urls_accounts.py)."""

from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("vorschlagen/", views.ProposalIndexView.as_view(), name="propose"),
    path("vorschlagen/organisation/", views.OrganisationProposalView.as_view(), name="propose-organisation"),
    path("vorschlagen/treffpunkt/", views.MeetingPlaceProposalView.as_view(), name="propose-meeting-place"),
    path("vorschlagen/veranstaltung/", views.EventProposalView.as_view(), name="propose-event"),
    path("vorschlagen/korrektur/<str:kind>/<slug:slug>/", views.CorrectionView.as_view(), name="propose-correction"),
    path("vorschlagen/danke/", views.ThanksView.as_view(), name="thanks"),
    path("moderation/", views.QueueView.as_view(), name="queue"),
    path("moderation/pruefen/", views.StaleEntriesView.as_view(), name="stale"),
    path("moderation/<int:pk>/", views.SubmissionView.as_view(), name="submission"),
    path("moderation/<int:pk>/annehmen/", views.DecideView.as_view(approve=True), name="approve"),
    path("moderation/<int:pk>/ablehnen/", views.DecideView.as_view(approve=False), name="reject"),
    path("organisationen/<slug:slug>/bearbeiten/", views.OrganisationEditView.as_view(), name="organisation-edit"),
    path("veroeffentlichen/<str:kind>/<slug:slug>/", views.PublishView.as_view(), name="publish"),
    path("verlauf/<str:kind>/<slug:slug>/", views.HistoryView.as_view(), name="history"),
    path("verlauf/<str:kind>/<slug:slug>/wiederherstellen/", views.RevertView.as_view(), name="revert"),
]
