"""The rule editor's preview: the submitted form, validated and evaluated without saving."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views import View

from . import access
from .models import FlagRule
from .rule_preview import preview
from .snippets import FlagRuleViewSet


class RulePreviewView(View):
    http_method_names = ["post"]
    template_name = "monitoring/admin/rule_preview.html"

    def post(self, request, pk=None):
        rule = get_object_or_404(FlagRule, pk=pk) if pk else FlagRule()
        if not access.may_edit_rule(request.user, rule):
            raise Http404
        form_class = FlagRuleViewSet.edit_handler.bind_to_model(FlagRule).get_form_class()
        form = form_class(request.POST, instance=rule, for_user=request.user)
        context = {"form": form}
        if form.is_valid():
            codes = [member.code for member in form.cleaned_data.get("combined_rules") or []]
            context["preview"] = preview(form.save(commit=False), codes)
        return TemplateResponse(request, self.template_name, context)
