"""Two-factor sign-in (django-otp, TOTP) for moderators and administrators."""
