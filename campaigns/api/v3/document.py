"""The v3 OpenAPI document completed with what its operations share.

A step (:func:`campaigns.api.v3.schemas.add_document_step`) run on the document
django-ninja builds, before the one of ``?locale=``; both are added by
:func:`campaigns.api.v3.routers.register_routers`.
"""

from campaigns.api.v3.examples import shared_responses
from campaigns.api.v3.schemas import component_schemas

#: The name django-ninja gives Wagtail's anonymous access in the document.
_ANONYMOUS = "AllowAnonymous"


def complete_document(document):
    """The v3 document with the answers its operations share, anonymous access valid.

    The models our operations refer to by ``$ref`` are added to its components.
    Every read lists the guard's 422. Where Wagtail's own operations leave
    them out, an operation that needs a token lists the 401 of a request
    without one, a listing with ``limit`` its 400, and an operation on one
    object (an id in the path, or a ``find``) its 404.

    OpenAPI writes "no authentication needed" as an empty security
    requirement; django-ninja declares Wagtail's ``AllowAnonymous`` as an
    ``http`` scheme without ``scheme``, which makes the document invalid.
    """
    shared = shared_responses()
    components = document.setdefault("components", {})
    for name, schema in component_schemas().items():
        components.setdefault("schemas", {}).setdefault(name, schema)
    schemes = components.get("securitySchemes", {})
    anonymous = schemes.pop(_ANONYMOUS, None)
    for path, item in document["paths"].items():
        for method, operation in item.items():
            security = operation.get("security")
            if anonymous is not None and security is not None:
                security = operation["security"] = [
                    {} if _ANONYMOUS in requirement else requirement
                    for requirement in security
                ]
            parameters = {
                parameter["name"] for parameter in operation.get("parameters", [])
            }
            answers = {
                "422": method == "get",
                "401": bool(security) and {} not in security,
                "400": method == "get" and "limit" in parameters,
                "404": "{" in path or path.endswith("/find/"),
            }
            # django-ninja keys its own responses by number, these by text.
            responses = operation["responses"]
            for status, applies in answers.items():
                if applies and int(status) not in responses:
                    responses.setdefault(status, shared[status])
    return document
