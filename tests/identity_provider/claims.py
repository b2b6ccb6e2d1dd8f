"""What the provider tells the portal about a person: standard claims and the kommunekode."""

from oidc_provider.lib.claims import ScopeClaims

from .people import PEOPLE


def userinfo(claims, user):
    person = PEOPLE[user.username]
    claims.update(
        email=person["email"],
        email_verified=person["email_verified"],
        given_name=person["given_name"],
        family_name=person["family_name"],
        name=f"{person['given_name']} {person['family_name']}",
    )
    return claims


class MunicipalityClaims(ScopeClaims):
    """The municipality is part of the profile scope, as with a municipal identity provider."""

    def scope_profile(self):
        return {"kommunekode": PEOPLE[self.user.username]["kommunekode"]}
