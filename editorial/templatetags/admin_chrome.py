from django import template

from editorial.admin_chrome import remembered_keyboard_shortcuts_dialog, remembered_sidebar_props

register = template.Library()
register.simple_tag(remembered_sidebar_props, takes_context=True)
register.simple_tag(remembered_keyboard_shortcuts_dialog, takes_context=True)
