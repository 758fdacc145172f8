"""Admin forms of the newsroom: logging in, inviting a reporter, and a reporter account whose status has effects."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from cms.models import NeighbourhoodPage, Reporter
from cms.persian import persian_slugify

from .models import ReporterStatus
from .onboarding import set_reporter_status


class InviteReporterForm(forms.Form):
    display_name = forms.CharField(label=_("display name"), max_length=120)
    username = forms.SlugField(label=_("username"), max_length=80, help_text=_("Latin letters, digits and hyphens."))
    email = forms.EmailField(label=_("email"))
    neighbourhoods = forms.ModelMultipleChoiceField(
        label=_("neighbourhoods"),
        queryset=NeighbourhoodPage.objects.order_by("title"),
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.ChoiceField(
        label=_("status"), choices=[c for c in ReporterStatus.choices if c[0] != ReporterStatus.SUSPENDED]
    )

    def clean_username(self):
        username = persian_slugify(self.cleaned_data["username"])
        if (
            get_user_model().objects.filter(username=username).exists()
            or Reporter.objects.filter(slug=username).exists()
        ):
            raise forms.ValidationError(_("This username is already taken."))
        return username

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Someone in the newsroom already uses this email address."))
        return email


class ReporterAccountForm(WagtailAdminModelForm):
    """Saving a changed status goes through set_reporter_status, which suspends or restores the login."""

    def save(self, commit=True):
        account = super().save(commit=commit)
        if commit and "status" in self.changed_data:
            set_reporter_status(actor=self.for_user, account=account, status=account.status)
        return account


class LoginForm(WagtailLoginForm):
    """Wagtail's login form gives the password field no label, so Django shows its field name in English."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
