"""Admin menu items shown only to the roles whose work they lead to."""

from wagtail.admin.menu import MenuItem

from portal import access


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return access.is_administrator(request.user)


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return access.may_edit_content(request.user)
