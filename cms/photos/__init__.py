"""Reporters' photos: safe intake, private originals, renditions made ahead of readers."""
