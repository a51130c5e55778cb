"""Errors about the user's models: the models folder, imports, the catalog, the starter."""

from __future__ import annotations

from chatapp.errors import UserFacingError


class ModelsError(UserFacingError):
    """The root of this package's errors."""


class LibraryError(ModelsError):
    """A model could not be imported, copied, deleted or listed."""


class RegistryDamagedError(LibraryError):
    """The list of models imported in place could not be read; it was kept aside."""


class StarterModelError(ModelsError):
    """The bundled starter model is missing, damaged or could not be installed."""


class CatalogError(ModelsError, ValueError):
    """The catalog file is not valid; the message names the entry and the field."""
