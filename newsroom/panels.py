"""Dashboard panels: a reporter's stories by stage, a desk's review queue, and recent notifications."""

from wagtail.admin.ui.components import Component

from .models import Notification
from .queues import PANEL_LENGTH, desk_queue, stories_of


class NotificationsPanel(Component):
    name = "newsroom_notifications"
    template_name = "newsroom/panels/notifications.html"
    order = 50

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        notifications = (
            Notification.objects.for_user(user).newest_first().select_related("page", "actor")[:PANEL_LENGTH]
        )
        return {"notifications": [(n, n.page) for n in notifications]}


class ReporterStoriesPanel(Component):
    name = "newsroom_my_stories"
    template_name = "newsroom/panels/my_stories.html"
    order = 60

    def get_context_data(self, parent_context):
        return {"stories": stories_of(parent_context["request"].user)}


class DeskQueuePanel(Component):
    name = "newsroom_desk_queue"
    template_name = "newsroom/panels/desk_queue.html"
    order = 40

    def get_context_data(self, parent_context):
        return {"queue": desk_queue(parent_context["request"].user)}
