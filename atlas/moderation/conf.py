"""The settings of proposals and reminders, read here only, at call time (tests override them).
Their values and environment variables are defined once, in config/settings.py."""

from django.conf import settings


def min_fill_seconds():
    return float(settings.ATLAS_MIN_FILL_SECONDS)


def submissions_per_hour():
    return int(settings.ATLAS_SUBMISSIONS_PER_HOUR)


def max_form_age_seconds():
    return float(settings.ATLAS_MAX_FORM_AGE_SECONDS)


def stale_after_days():
    return int(settings.ATLAS_STALE_AFTER_DAYS)


def reminder_interval_days():
    return int(settings.ATLAS_REMINDER_INTERVAL_DAYS)
