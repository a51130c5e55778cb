"""The inference engine: llama.cpp through llama-cpp-python, with no Qt."""
