"""Security headers and login protection shared by the public site and the admin."""
