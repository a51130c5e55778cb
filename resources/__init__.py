"""Data files shipped with the app (installed as the package ``chatapp.resources``)."""
