"""How staff sign in to the portal: lockout, throttling, two-factor (docs/security.md).

The site's choice, not the plugin's: ``campaigns`` knows nothing of it.
"""
