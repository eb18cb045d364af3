import secrets

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from atlas.accounts.limits import mail_allowed


class SignUpForm(BaseUserCreationForm):
    """E-mail address and password; no username to choose (and none to probe: the username is
    generated) and no answer about whether the address is taken (the view mails the address)."""

    email = forms.EmailField(label=_("E-Mail"), help_text=_(
        "Wir senden Ihnen einen Link zur Bestätigung. Mit dieser Adresse melden Sie sich an."))
    privacy = forms.BooleanField(
        label=_("Ich habe die Datenschutzerklärung gelesen und bin mit der Speicherung meiner Angaben einverstanden."),
    )

    class Meta(BaseUserCreationForm.Meta):
        model = get_user_model()
        fields = ["email"]
        field_classes = {}

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def save(self, commit=True):
        """An inactive account with a generated username; the confirmation link activates it."""
        user = super().save(commit=False)
        user.username = generated_username()
        user.is_active = False
        if commit:
            user.save()
        return user


def generated_username():
    User = get_user_model()
    while True:
        username = f"konto-{secrets.token_hex(5)}"
        if not User._default_manager.filter(username=username).exists():
            return username


class LoginForm(AuthenticationForm):
    """The username or the account's e-mail address (atlas.accounts.backends.EmailBackend)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("E-Mail-Adresse oder Benutzername")
        self.fields["username"].widget.attrs["autocomplete"] = "username"


class LimitedPasswordResetForm(PasswordResetForm):
    """Django's reset form, sending nothing once the address or the client reached the mail limit;
    the view answers the same either way."""

    def save(self, *args, request=None, **kwargs):
        if mail_allowed(request, self.cleaned_data["email"]):
            super().save(*args, request=request, **kwargs)


class AccountPasswordForm(forms.Form):
    """A form that asks for the password of ``user``'s account (its field is named ``password``)."""

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Das Passwort stimmt nicht."))
        return password


class ConfirmEmailForm(AccountPasswordForm):
    password = forms.CharField(label=_("Passwort Ihres Kontos"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class DeleteAccountForm(AccountPasswordForm):
    password = forms.CharField(label=_("Passwort zur Bestätigung"), widget=forms.PasswordInput,
                               strip=False)
    confirm = forms.BooleanField(label=_("Ja, mein Konto endgültig löschen."))
