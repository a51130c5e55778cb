"""Tests for chatapp.gguf: the GGUF inspector and the llama.cpp tables it relies on."""
