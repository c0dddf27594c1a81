# The dashboard as a container: `python -m vsdash serve` as a non-root user, with the CBS
# boundaries and population figures baked in (data/), healthcheck on /healthz.
# Build: docker build -t vsdash .   Run several instances on PostgreSQL: compose.yaml.
# Python 3.11 and Debian 12 (bookworm): the versions requirements.lock was made and tested with.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VSDASH_LOG_FORMAT=json

# Pango for WeasyPrint (tagged PDF/UA exports); fonts so the PDF has text to embed.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --system --create-home --uid 10001 --home-dir /home/vsdash vsdash

WORKDIR /app
# Dependencies first, so a code change does not reinstall them; every hash is checked.
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock

COPY --chown=vsdash:vsdash . .
# The embedded demo store (only used without VSDASH_DATABASE_URL) is written to data/.
RUN mkdir -p data && chown vsdash:vsdash data

USER vsdash
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/healthz', timeout=4).status != 200)"]
CMD ["python", "-m", "vsdash", "serve", "--port", "8501", "--address", "0.0.0.0"]
