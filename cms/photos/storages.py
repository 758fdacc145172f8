"""Where photo originals live: a storage with no public URL, so originals are never served."""

from django.core.files.storage import FileSystemStorage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """Local files outside MEDIA_ROOT; asking for a URL is a programming error, not a leak."""

    def url(self, name):
        raise ValueError("Photo originals are private and have no URL; serve a rendition instead.")


def photo_original_storage():
    # Resolved when the model loads, from the "photo_originals" entry of STORAGES.
    return storages["photo_originals"]
