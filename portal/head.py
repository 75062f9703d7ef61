"""HEAD answers carry the headers of GET and no body.

Django's views answer HEAD like GET (require_safe, Wagtail's serve), body included; the WSGI
server has to drop it. gunicorn does, but logs a warning for every such response, and monitoring
probes send HEAD every few seconds. The body is dropped here instead, keeping the Content-Length
that GET would send (RFC 9110 §9.3.2). Outermost middleware, so it also covers page cache hits.
"""


class HeadWithoutBodyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method != "HEAD":
            return response
        if response.streaming:
            response.streaming_content = []
        else:
            if not response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
