from wagtail import hooks

VIEW_PERMISSION = "webforms.view_formentry"


@hooks.register("filter_form_submissions_for_user")
def only_staff_with_the_permission(user, editable_forms):
    """What people sent through forms is for the staff who handle it, not for whoever may edit
    the form page: the submissions list, its export and its deletion need
    `webforms.view_formentry` (the group "Cán bộ xử lý biểu mẫu" has it), and with it every
    form's submissions are listed, whether or not the person may edit the page."""
    if not (user.is_active and user.has_perm(VIEW_PERMISSION)):
        return editable_forms.none()
    from wagtail.contrib.forms.utils import get_form_types
    from wagtail.models import Page

    return Page.objects.filter(content_type__in=get_form_types())
