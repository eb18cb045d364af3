"""Accounts: sign-up, login (with django-axes' lockout), password reset, the account page with the
user's organisations, the download of everything held about the user, and account deletion."""
