"""A real OpenID Connect provider for the single sign-on tests: django-oidc-provider in a small
Django project of its own, run in a subprocess on a free local port (`running_provider`).

It plays a municipality's identity provider: a confidential client for the portal, discovery,
PKCE, and people whose claims (`people.PEOPLE`) include a kommunekode and `email_verified`.
"""
