"""Tests of chatapp.hub against the stand-in hub."""
