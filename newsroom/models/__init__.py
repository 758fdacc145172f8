"""Newsroom models: desks, the review task, reporters' standing and training, notifications."""

from .desks import Desk
from .notifications import Notification, NotificationKind, NotificationQuerySet
from .reporters import ReporterAccount, ReporterStatus, TrainingRecord, is_trainee, trainee_user_ids
from .review import DeskReviewTask

__all__ = [
    "Desk",
    "DeskReviewTask",
    "Notification",
    "NotificationKind",
    "NotificationQuerySet",
    "ReporterAccount",
    "ReporterStatus",
    "TrainingRecord",
    "is_trainee",
    "trainee_user_ids",
]
