"""Access to the moderation views: anonymous visitors are sent to the login, others without the
right get 403. Every permission is asked of atlas.roles.permissions."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


class RoleRequiredMixin:
    """Anonymous visitors are sent to the login, others without the right get 403."""

    def allowed(self, user):
        raise NotImplementedError

    def deny(self):
        if not self.request.user.is_authenticated:
            return redirect_to_login(self.request.get_full_path())
        raise PermissionDenied

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed(request.user):
            return self.deny()
        return super().dispatch(request, *args, **kwargs)


# --- Public proposals ----------------------------------------------------------------------------
