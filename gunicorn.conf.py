"""gunicorn settings, read from the environment (PORT, WEB_CONCURRENCY, GUNICORN_THREADS)."""

import os

# Behind a proxy or load balancer the app server listens on every interface of its host.
bind = f"{os.environ.get('HOST', '0.0.0.0')}:{int(os.environ.get('PORT', '8000'))}"  # noqa: S104
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread" if threads > 1 else "sync"
wsgi_app = "cotech_directory.wsgi:application"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
timeout = 30
graceful_timeout = 20
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
