"""The WSGI application gunicorn serves.

Once the application and every view module are loaded, the objects they made are frozen out of
the garbage collector's reach (`gc.freeze`): they live as long as the process, and a full
collection would otherwise walk all of them (about 200 ms of a worker's CPU every hundred or so
requests, some 2 ms per request). See docs/performance.md.
"""

import gc
import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()
import_module(settings.ROOT_URLCONF)  # and with it every view module
gc.freeze()
