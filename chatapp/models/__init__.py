"""Model files on this computer: the models folder and the bundled starter model."""
