"""Events as iCalendar (RFC 5545): one event for an e-mail or a download, or a whole feed.

Each event keeps its UID across calls, so a calendar updates an event it already holds
instead of adding it again. Times are written in Europe/Copenhagen with a VTIMEZONE.
"""

import datetime
import zoneinfo

from icalendar import Calendar, Event

TIMEZONE = "Europe/Copenhagen"
PRODUCT_ID = "-//Bolig- og Planstyrelsen//Tilsynsportalen//DA"


def calendar(events, name=""):
    """The events as the bytes of one VCALENDAR."""
    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", str(name))
        cal.add("x-wr-timezone", TIMEZONE)
    for event in events:
        cal.add_component(vevent(event))
    cal.add_missing_timezones()
    return cal.to_ical()


def vevent(event):
    tz = zoneinfo.ZoneInfo(TIMEZONE)
    component = Event()
    component.add("uid", event.ical_uid)
    component.add("dtstamp", datetime.datetime.now(datetime.UTC))
    component.add("dtstart", event.start.astimezone(tz))
    component.add("dtend", event.end.astimezone(tz))
    component.add("summary", event.title)
    if event.location:
        component.add("location", event.location)
    url = event.public_url
    if url:
        component.add("url", url)
    description = "\n\n".join(part for part in (getattr(event, "summary", ""), url) if part)
    if description:
        component.add("description", description)
    return component
