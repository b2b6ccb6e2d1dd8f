"""The provider's users and the claims it asserts about them."""

PASSWORD = "Kommunens-eget-log-in-7"
CLIENT_ID = "tilsynsportalen"
CLIENT_SECRET = "portalens-hemmelighed"

PEOPLE = {
    # The address is no municipality's domain: only the claim can say Aarhus.
    "sanne": {
        "email": "sanne.sagsbehandler@example.org",
        "given_name": "Sanne",
        "family_name": "Sagsbehandler",
        "email_verified": True,
        "kommunekode": "0751",
    },
    "ulla": {
        "email": "ulla.uverificeret@example.org",
        "given_name": "Ulla",
        "family_name": "Uverificeret",
        "email_verified": False,
        "kommunekode": "0461",
    },
}
