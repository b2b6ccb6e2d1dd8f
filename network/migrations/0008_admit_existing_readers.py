"""Everyone who read the networks before the Netværksmedlem role was required keeps reading if
they are an active member of a group or have a confirmed municipal or styrelse address; every
other active account gets a request for a reviewer to decide."""

from django.conf import settings
from django.db import migrations

MEMBER_ROLE = "Netværksmedlem"


def admit_existing_readers(apps, schema_editor):
    User = apps.get_model("portal", "User")
    Role = apps.get_model("auth", "Group")
    EmailAddress = apps.get_model("account", "EmailAddress")
    MunicipalityDomain = apps.get_model("portal", "MunicipalityDomain")
    Membership = apps.get_model("network", "Membership")
    MembershipRequest = apps.get_model("network", "MembershipRequest")
    role = Role.objects.filter(name=MEMBER_ROLE).first()
    if role is None:
        return
    domains = set(MunicipalityDomain.objects.values_list("domain", flat=True))
    domains |= set(settings.STYRELSE_EMAIL_DOMAINS)
    in_groups = set(Membership.objects.filter(status="active").values_list("user_id", flat=True))
    confirmed = {
        (user_id, email.lower())
        for user_id, email in EmailAddress.objects.filter(verified=True).values_list(
            "user_id", "email"
        )
    }
    Through = User.groups.through
    has_role = set(Through.objects.filter(group=role).values_list("user_id", flat=True))
    grant, ask = [], []
    for user_id, email in User.objects.filter(is_active=True, deleted_at=None).values_list(
        "pk", "email"
    ):
        if user_id in has_role:
            continue
        trusted = (user_id, email.lower()) in confirmed and email.rsplit("@", 1)[
            -1
        ].lower() in domains
        if trusted or user_id in in_groups:
            grant.append(Through(user_id=user_id, group_id=role.pk))
        else:
            ask.append(MembershipRequest(user_id=user_id))
    Through.objects.bulk_create(grant)
    MembershipRequest.objects.bulk_create(ask, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0007_network_admission"),
        ("portal", "0008_used_totp_codes_and_audit_kinds"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(admit_existing_readers, migrations.RunPython.noop)]
