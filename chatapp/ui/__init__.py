"""The Qt user interface: widgets, and the worker threads that run the core for them."""
