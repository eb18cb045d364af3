"""Login by e-mail address, and one lockout per account whatever spelling of it is typed."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


def _accounts_with_address(address):
    return get_user_model()._default_manager.filter(email__iexact=address.strip(), is_active=True)


class EmailBackend(ModelBackend):
    """Accepts the address of an active account (in any case) in place of its username; after
    Django's ModelBackend in AUTHENTICATION_BACKENDS, so usernames keep working."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or "@" not in username or password is None:
            return None
        for user in _accounts_with_address(username):
            if user.check_password(password) and self.user_can_authenticate(user):
                return user
        # Like ModelBackend for an unknown name: hash once, so the answer takes as long either way.
        get_user_model()().set_password(password)
        return None


def lockout_username(request, credentials=None):
    """django-axes' name for a login attempt (AXES_USERNAME_CALLABLE). An address stands for the
    username of the one active account that has it, so all its spellings share that account's lockout
    (and its login records); other addresses count in lower case."""
    if credentials:
        typed = credentials.get("username")
    else:
        typed = getattr(request, "data", request.POST).get("username")
    if not typed or "@" not in typed:
        return typed
    accounts = list(_accounts_with_address(typed)[:2])
    return accounts[0].get_username() if len(accounts) == 1 else typed.strip().lower()
