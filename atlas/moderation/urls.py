"""Proposals, moderation, editing and history (included by atlas/accounts/urls.py)."""

from django.urls import path

from atlas.moderation.views import editing, proposals, queue, review

app_name = "moderation"

urlpatterns = [
    path("vorschlagen/", proposals.ProposalIndexView.as_view(), name="propose"),
    path("vorschlagen/organisation/", proposals.OrganisationProposalView.as_view(), name="propose-organisation"),
    path("vorschlagen/treffpunkt/", proposals.MeetingPlaceProposalView.as_view(), name="propose-meeting-place"),
    path("vorschlagen/veranstaltung/", proposals.EventProposalView.as_view(), name="propose-event"),
    path("vorschlagen/korrektur/<str:kind>/<slug:slug>/", proposals.CorrectionView.as_view(),
         name="propose-correction"),
    path("vorschlagen/danke/", proposals.ThanksView.as_view(), name="thanks"),
    path("moderation/", queue.QueueView.as_view(), name="queue"),
    path("moderation/pruefen/", queue.StaleEntriesView.as_view(), name="stale"),
    path("moderation/<int:pk>/", queue.SubmissionView.as_view(), name="submission"),
    path("moderation/<int:pk>/bearbeiten/", review.ReviewView.as_view(), name="review"),
    path("moderation/<int:pk>/annehmen/", queue.DecideView.as_view(approve=True), name="approve"),
    path("moderation/<int:pk>/ablehnen/", queue.DecideView.as_view(approve=False), name="reject"),
    path("organisationen/<slug:slug>/bearbeiten/", editing.OrganisationEditView.as_view(), name="organisation-edit"),
    path("veroeffentlichen/<str:kind>/<slug:slug>/", editing.PublishView.as_view(), name="publish"),
    path("verlauf/<str:kind>/<slug:slug>/", editing.HistoryView.as_view(), name="history"),
    path("verlauf/<str:kind>/<slug:slug>/wiederherstellen/", editing.RevertView.as_view(), name="revert"),
]
