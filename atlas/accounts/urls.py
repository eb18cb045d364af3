"""Accounts: sign-up, confirmation, login, password, the account page (included at the site root by
config/urls.py).

The account views are not namespaced: Django's auth views and LOGIN_URL expect "login",
"password_reset_done", "password_reset_confirm" and so on.
"""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from atlas.accounts import views as accounts
from atlas.accounts.forms import LimitedPasswordResetForm, LoginForm

urlpatterns = [
    path("konto/anmelden/", auth_views.LoginView.as_view(template_name="accounts/login.html",
                                                        authentication_form=LoginForm,
                                                        redirect_authenticated_user=True), name="login"),
    path("konto/abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("konto/registrieren/", accounts.SignUpView.as_view(), name="signup"),
    path("konto/registrieren/gesendet/", accounts.SignUpDoneView.as_view(), name="signup-done"),
    path("konto/bestaetigen/", accounts.SendConfirmationView.as_view(), name="email-confirm-send"),
    path("konto/bestaetigen/<str:token>/", accounts.ConfirmEmailView.as_view(), name="email-confirm"),
    path("konto/", accounts.AccountView.as_view(), name="account"),
    path("konto/meine-daten.json", accounts.AccountDataView.as_view(), name="account-data"),
    path("konto/loeschen/", accounts.AccountDeleteView.as_view(), name="account-delete"),
    path("konto/passwort/", auth_views.PasswordChangeView.as_view(
        template_name="accounts/password_change.html", success_url=reverse_lazy("account")),
        name="password_change"),
    path("konto/passwort-vergessen/", auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset.html", form_class=LimitedPasswordResetForm,
        email_template_name="accounts/mail/password_reset.txt",
        subject_template_name="accounts/mail/password_reset_subject.txt"), name="password_reset"),
    path("konto/passwort-vergessen/gesendet/", auth_views.PasswordResetDoneView.as_view(
        template_name="accounts/password_reset_done.html"), name="password_reset_done"),
    path("konto/passwort-neu/<uidb64>/<token>/", accounts.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("konto/passwort-neu/fertig/", auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"), name="password_reset_complete"),
]
