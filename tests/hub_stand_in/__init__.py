"""A stand-in Hugging Face hub for tests: real HTTP(S) on 127.0.0.1, real huggingface_hub."""
