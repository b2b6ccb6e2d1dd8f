"""What re-evaluates the flags: a rule or the assessment policy saved, a rule deleted, and a
key-figure import."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import AssessmentPolicy, FlagRule
from .signals import key_figures_imported
from .tasks import schedule_evaluation


@receiver(post_save, sender=FlagRule, dispatch_uid="monitoring_rule_saved")
@receiver(post_delete, sender=FlagRule, dispatch_uid="monitoring_rule_deleted")
@receiver(post_save, sender=AssessmentPolicy, dispatch_uid="monitoring_assessment_policy_saved")
def rule_changed(sender, raw=False, **kwargs):
    if not raw:
        schedule_evaluation()


EVALUATE_ON_IMPORT = "monitoring_key_figures_imported"


@receiver(key_figures_imported, dispatch_uid=EVALUATE_ON_IMPORT)
def key_figures_changed(sender, batch=None, **kwargs):
    schedule_evaluation(notify=True)
