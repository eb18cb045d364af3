from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _


class SignUpForm(UserCreationForm):
    email = forms.EmailField(label=_("E-Mail"), help_text=_("Für das Zurücksetzen des Passworts."))
    privacy = forms.BooleanField(
        label=_("Ich habe die Datenschutzerklärung gelesen und bin mit der Speicherung meiner Angaben einverstanden."),
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ["username", "email"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Für diese E-Mail-Adresse gibt es schon ein Konto."))
        return email


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=_("Passwort zur Bestätigung"), widget=forms.PasswordInput,
                               strip=False)
    confirm = forms.BooleanField(label=_("Ja, mein Konto endgültig löschen."))

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Das Passwort stimmt nicht."))
        return password
