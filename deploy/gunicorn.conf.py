"""gunicorn settings for production: ``gunicorn -c deploy/gunicorn.conf.py``."""

import multiprocessing

wsgi_app = "cms.wsgi:application"
bind = "127.0.0.1:8000"
workers = multiprocessing.cpu_count() * 2 + 1
max_requests = 2000
max_requests_jitter = 200
timeout = 30
accesslog = "-"
forwarded_allow_ips = "127.0.0.1"
# gunicorn's control socket defaults to one path per user
# ($XDG_RUNTIME_DIR/gunicorn.ctl): several instances on a host would share it.
# The portal manages workers with signals and systemd, not gunicornc.
control_socket_disable = True
