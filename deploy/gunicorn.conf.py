"""gunicorn settings for Prongsai (systemd unit deploy/systemd/prongsai-web.service, the stack).

Values come from the environment so one file serves production and the loopback stack.
Sync workers: pages are short CPU-bound requests; 2 × cores + 1 is gunicorn's rule, measured
in docs/performance.md. Access logging stays off: nginx's log and the application's traffic
record (R40) already hold every request, a third copy would only cost disk and time.
"""

import multiprocessing
import os

bind = os.environ.get("PRONGSAI_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("PRONGSAI_WEB_WORKERS", 2 * multiprocessing.cpu_count() + 1))
worker_class = "sync"
timeout = 60
graceful_timeout = 30
keepalive = 5  # nginx keeps idle upstream connections (upstream keepalive 16)
max_requests = 2000  # recycle workers to bound memory growth
max_requests_jitter = 200
accesslog = None
errorlog = "-"
loglevel = os.environ.get("PRONGSAI_WEB_LOG_LEVEL", "info")
proc_name = "prongsai-web"
# The traffic writer opens its segment in each worker after the fork (trafficlog/store.py),
# so the application is not preloaded into the master: each worker imports it itself.
preload_app = False
forwarded_allow_ips = os.environ.get("PRONGSAI_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
