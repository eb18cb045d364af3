"""Factories of the needs analysis: an organisation's answers to the questionnaire (users with roles:
tests/factories.py)."""

from atlas.needs.models import Need, NeedsAssessment, Offer, SupportTopic


def answer(organisation, needs=(), offers=(), comment=""):
    """needs: [(topic key, priority, note)], offers: [(topic key, note)]."""
    assessment, _created = NeedsAssessment.objects.get_or_create(organisation=organisation,
                                                                 defaults={"comment": comment})
    for key, priority, note in needs:
        Need.objects.create(assessment=assessment, topic=SupportTopic.objects.get(key=key), priority=priority,
                            note=note)
    for key, note in offers:
        Offer.objects.create(assessment=assessment, topic=SupportTopic.objects.get(key=key), note=note)
    return assessment
