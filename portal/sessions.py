"""Signed-in sessions end after eight idle hours. Renewing the expiry on every request would
write the session on every page; it is renewed when the last renewal is RENEW_AFTER old, so the
idle limit holds to within that margin and most requests write nothing."""

import time

RENEWED_KEY = "_portal_renewed"
RENEW_AFTER = 5 * 60


class SessionRenewalMiddleware:
    """Placed after SessionMiddleware, so the renewal it marks is saved on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = request.session
        if session.session_key and not session.is_empty():
            now = int(time.time())
            if now - session.get(RENEWED_KEY, 0) >= RENEW_AFTER:
                session[RENEWED_KEY] = now
        return response
