"""Accounts: sign-up with a confirmed e-mail address (confirmation.py), login by username or address
(with django-axes' lockout, backends.py and lockout.py), password reset with a mail limit (limits.py),
the account page with the user's organisations, the download of everything held about the user, and
account deletion."""
